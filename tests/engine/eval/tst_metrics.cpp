#include "engine/core/exception.h"
#include "engine/eval/metrics.h"
#include "engine/io/tiffio.h"
#include "tests/engine/support/testpatterns.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <limits>

using namespace latentlens;

class TestMetrics : public QObject
{
    Q_OBJECT

private slots:
    void identicalImages();
    void psnrOfConstantOffsetIsAnalytic();
    void knownPairs_data();
    void knownPairs();
    void ssimIsSymmetric();
    void dataRangeScalesPsnr();
    void badInputsAreRefused();
    void agreesWithScikitImageOnNoise();
};

void TestMetrics::identicalImages()
{
    const auto img = testing::pattern();
    QVERIFY(std::isinf(engine::psnr(img.values(), img.values())));
    QCOMPARE(engine::ssim(img.values(), img.values(), img.width(), img.height()), 1.0);
}

void TestMetrics::psnrOfConstantOffsetIsAnalytic()
{
    // With every value off by c, MSE = c^2 and PSNR = -20 log10(c), here exactly 20 dB
    // (values chosen so that float32 holds them exactly).
    engine::Image a(32, 32), b(32, 32);
    for (std::size_t i = 0; i < a.size(); ++i) {
        a.data()[i] = 0.25f;
        b.data()[i] = 0.375f;
    }
    QCOMPARE(engine::psnr(a.values(), b.values()), -20.0 * std::log10(0.125));
}

void TestMetrics::knownPairs_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<double>("psnr");
    QTest::addColumn<double>("ssim");
    // Values printed by tools/reference_metrics.py --patterns (scikit-image 0.19.3).
    QTest::newRow("constant offset 0.1") << 0 << 19.9999989241 << 0.9808871975;
    QTest::newRow("blurred [1 2 1]/4") << 1 << 31.9296740160 << 0.9722284435;
    QTest::newRow("scaled by 0.8") << 2 << 19.5495913453 << 0.9529122979;
}

void TestMetrics::knownPairs()
{
    QFETCH(int, kind);
    QFETCH(double, psnr);
    QFETCH(double, ssim);
    const auto reference = testing::pattern();
    engine::Image test = kind == 1 ? testing::blurred(reference) : reference;
    if (kind != 1)
        for (float& v : test.values())
            v = kind == 0 ? v + 0.1f : v * 0.8f;
    QVERIFY(std::abs(engine::psnr(test.values(), reference.values()) - psnr) < 1e-4);
    QVERIFY(std::abs(
                engine::ssim(test.values(), reference.values(), test.width(), test.height()) - ssim)
        < 1e-4);
}

void TestMetrics::ssimIsSymmetric()
{
    const auto a = testing::pattern();
    const auto b = testing::blurred(a);
    QCOMPARE(engine::ssim(a.values(), b.values(), a.width(), a.height()),
        engine::ssim(b.values(), a.values(), a.width(), a.height()));
}

void TestMetrics::dataRangeScalesPsnr()
{
    const auto a = testing::pattern();
    const auto b = testing::blurred(a);
    const double p1 = engine::psnr(a.values(), b.values(), 1.0);
    const double p255 = engine::psnr(a.values(), b.values(), 255.0);
    QVERIFY(std::abs((p255 - p1) - 20.0 * std::log10(255.0)) < 1e-9);
}

void TestMetrics::badInputsAreRefused()
{
    const auto a = testing::pattern();
    engine::Image small(8, 8);
    QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument, engine::psnr(a.values(), small.values()));
    QVERIFY_THROWS_EXCEPTION(
        engine::InvalidArgument, engine::ssim(small.values(), small.values(), 8, 8));
    auto withNan = a;
    withNan.at(3, 3) = std::numeric_limits<float>::quiet_NaN();
    QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument, engine::psnr(withNan.values(), a.values()));
    QVERIFY_THROWS_EXCEPTION(
        engine::InvalidArgument, engine::ssim(a.values(), withNan.values(), a.width(), a.height()));
    QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument, engine::compareImages(a, small));
}

void TestMetrics::agreesWithScikitImageOnNoise()
{
    // A live cross-check on a noisy, non-smooth pair, against scikit-image itself.
    const QString python = "/usr/bin/python3";
    const QString script = QStringLiteral(LATENTLENS_SOURCE_DIR) + "/tools/reference_metrics.py";
    QProcess probe;
    probe.start(python, { "-c", "import skimage, tifffile" });
    if (!probe.waitForFinished(60000) || probe.exitCode() != 0)
        QSKIP(
            "python3-skimage or python3-tifffile is not installed (tools/setup.sh installs them)");

    engine::Image a(67, 45), b(67, 45);
    uint32_t state = 12345;
    auto next = [&state] {
        state = state * 1664525u + 1013904223u;
        return float(state >> 8) / float(1u << 24);
    };
    for (std::size_t i = 0; i < a.size(); ++i) {
        a.data()[i] = next();
        b.data()[i] = 0.6f * a.data()[i] + 0.4f * next();
    }
    QTemporaryDir dir;
    const QString fa = dir.filePath("a.tif"), fb = dir.filePath("b.tif");
    engine::writeTiff(a, fa.toStdString());
    engine::writeTiff(b, fb.toStdString());
    QProcess reference;
    reference.start(python, { script, fa, fb });
    QVERIFY(reference.waitForFinished(120000));
    QCOMPARE(reference.exitCode(), 0);
    const auto fields = QString::fromUtf8(reference.readAllStandardOutput()).split(' ');
    QCOMPARE(fields.size(), 2);
    QVERIFY(std::abs(engine::psnr(a.values(), b.values()) - fields[0].toDouble()) < 1e-4);
    QVERIFY(std::abs(engine::ssim(a.values(), b.values(), a.width(), a.height())
                - fields[1].trimmed().toDouble())
        < 1e-4);
}

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
