#include "engine/deconv/richardsonlucy.h"
#include "engine/forward/forwardmodel.h"
#include "engine/forward/specimen.h"
#include "engine/io/tiffio.h"

#include "tests/engine/support/deconvtesting.h"

#include <QTemporaryDir>
#include <QtTest>

#include <numeric>

using namespace latentlens;
using namespace latentlens::testing;

namespace {

// Plain RL: what the textbook and scikit-image compute.
engine::RichardsonLucyOptions plain(int iterations)
{
    engine::RichardsonLucyOptions o;
    o.iterations = iterations;
    o.tv = 0;
    o.accelerate = false;
    o.borderAware = false;
    o.background = 0;
    return o;
}

double sum(const engine::Image& image)
{
    return std::accumulate(image.values().begin(), image.values().end(), 0.0);
}

} // namespace

class TestRichardsonLucy : public QObject
{
    Q_OBJECT

private slots:
    void deltaKernelReturnsTheImage();
    void preservesFluxAndNonNegativity();
    void divergenceFallsAndIsReportedEachIteration();
    void agreesWithScikitImage();
    void borderAwareEdgesDoNotRing();
    void accelerationReachesTheSameFitSooner();
    void automaticStopRunsLongerOnCleanerData();
    void cancelStopsWithinOneIteration();
};

void TestRichardsonLucy::deltaKernelReturnsTheImage()
{
    engine::Image delta(3, 3);
    delta.at(1, 1) = 1.0f;
    const auto image = ramp(33, 21);
    for (bool border : { false, true }) {
        auto o = plain(3);
        o.borderAware = border;
        QVERIFY(maxAbsDifference(engine::RichardsonLucy(o).run(image, delta), image) < 1e-5);
    }
}

void TestRichardsonLucy::preservesFluxAndNonNegativity()
{
    auto blurred = engine::convolve(
        bandLimited(64, 64), gaussianKernel(11, 2.0), engine::Boundary::Periodic);
    engine::addGaussianNoise(blurred, 0.01, 3); // some values below zero
    QVERIFY(*std::min_element(blurred.values().begin(), blurred.values().end()) < 0);
    auto clipped = blurred;
    for (float& v : clipped.values())
        v = std::max(v, 0.0f);
    const auto result = engine::RichardsonLucy(plain(20)).run(blurred, gaussianKernel(11, 2.0));
    QVERIFY(*std::min_element(result.values().begin(), result.values().end()) >= 0.0f);
    // Periodic RL keeps the (clipped) data's total flux.
    QVERIFY2(std::abs(sum(result) - sum(clipped)) < 1e-4 * sum(clipped),
        qPrintable(QString("%1 vs %2").arg(sum(result)).arg(sum(clipped))));
    // So do the defaults (edges, TV, acceleration, background): non-negative everywhere.
    const auto defaults = engine::RichardsonLucy().run(blurred, gaussianKernel(11, 2.0));
    QVERIFY(*std::min_element(defaults.values().begin(), defaults.values().end()) >= 0.0f);
}

void TestRichardsonLucy::divergenceFallsAndIsReportedEachIteration()
{
    const auto kernel = gaussianKernel(9, 1.5);
    const auto blurred = engine::convolve(bandLimited(48, 48), kernel, engine::Boundary::Periodic);
    std::vector<engine::IterationInfo> seen;
    engine::Progress progress;
    progress.onIteration = [&](const engine::IterationInfo& info) { seen.push_back(info); };
    engine::RichardsonLucy rl(plain(15));
    rl.run(blurred, kernel, progress);
    QCOMPARE(seen.size(), std::size_t(15));
    for (std::size_t i = 0; i < seen.size(); ++i) {
        QCOMPARE(seen[i].iteration, int(i + 1));
        QCOMPARE(seen[i].iterations, 15);
        if (i > 0) // RL is an EM algorithm: the I-divergence never rises
            QVERIFY(seen[i].value <= seen[i - 1].value + 1e-9);
    }
    QVERIFY(seen.back().value < 0.5 * seen.front().value);
    QCOMPARE(rl.report().history.at(0).size(), std::size_t(15));
}

void TestRichardsonLucy::agreesWithScikitImage()
{
    if (!haveSkimage())
        QSKIP("python3-skimage is not installed (tools/setup.sh installs it)");
    // A dark margin wider than the kernel: zero padding (scikit-image) and a periodic image
    // (ours) then see the same data, so the two definitions coincide.
    engine::Image image(60, 50);
    const auto inner = bandLimited(36, 26);
    for (std::size_t y = 0; y < 26; ++y)
        for (std::size_t x = 0; x < 36; ++x)
            image.at(x + 12, y + 12) = inner.at(x, y);
    const auto kernel = gaussianKernel(7, 1.2);
    const auto blurred = engine::convolve(image, kernel, engine::Boundary::Periodic);
    QString log;
    const auto reference
        = scikitImage("restoration.richardson_lucy(i, k, 10, clip=False)", blurred, kernel, &log);
    QVERIFY2(!reference.empty(), qPrintable(log));
    auto o = plain(10);
    o.initialValue = 0.5; // scikit-image's start
    const auto ours = engine::RichardsonLucy(o).run(blurred, kernel);
    const double error = maxAbsDifference(ours, reference);
    QVERIFY2(error < 2e-4, qPrintable(QString::number(error)));
}

void TestRichardsonLucy::borderAwareEdgesDoNotRing()
{
    const auto truth = ramp(80, 64);
    const auto kernel = gaussianKernel(15, 2.5);
    const auto blurred = engine::convolve(truth, kernel, engine::Boundary::Reflect);
    auto o = plain(30);
    const double periodic = borderError(engine::RichardsonLucy(o).run(blurred, kernel), truth, 6);
    o.borderAware = true;
    const double border = borderError(engine::RichardsonLucy(o).run(blurred, kernel), truth, 6);
    QVERIFY2(border < 0.02, qPrintable(QString::number(border)));
    QVERIFY2(periodic > 3 * border, qPrintable(QString("%1 vs %2").arg(periodic).arg(border)));
}

void TestRichardsonLucy::accelerationReachesTheSameFitSooner()
{
    engine::SpecimenOptions s;
    s.width = s.height = 96;
    const auto truth = engine::generateSpecimen(s);
    const auto kernel = gaussianKernel(15, 2.5);
    const auto blurred = engine::convolve(truth, kernel, engine::Boundary::Reflect);
    auto o = plain(40);
    o.borderAware = true;
    engine::RichardsonLucy slow(o);
    slow.run(blurred, kernel);
    o.accelerate = true;
    o.iterations = 20;
    engine::RichardsonLucy fast(o);
    fast.run(blurred, kernel);
    // 20 accelerated iterations fit the data at least as well as 40 plain ones.
    QVERIFY2(fast.report().history[0].back() <= slow.report().history[0].back(),
        qPrintable(QString("%1 vs %2")
                       .arg(fast.report().history[0].back())
                       .arg(slow.report().history[0].back())));
}

void TestRichardsonLucy::automaticStopRunsLongerOnCleanerData()
{
    engine::SpecimenOptions s;
    s.width = s.height = 128;
    const auto truth = engine::generateSpecimen(s);
    const auto kernel = gaussianKernel(21, 3.0);
    std::vector<double> iterations;
    for (double variance : { 0.02, 0.001 }) {
        auto blurred = engine::convolve(truth, kernel);
        engine::addGaussianNoise(blurred, variance, 8);
        engine::RichardsonLucy rl; // automatic
        rl.run(blurred, kernel);
        iterations.push_back(rl.report().parameter.at(0));
        QVERIFY(iterations.back() < 150); // stopped by the rule, not the cap
    }
    QVERIFY2(iterations[1] > iterations[0],
        qPrintable(QString("%1 then %2").arg(iterations[0]).arg(iterations[1])));
}

void TestRichardsonLucy::cancelStopsWithinOneIteration()
{
    std::atomic<bool> cancel { false };
    int calls = 0;
    engine::Progress progress;
    progress.cancel = &cancel;
    progress.onIteration = [&](const engine::IterationInfo& info) {
        ++calls;
        if (info.iteration == 3)
            cancel = true;
    };
    QVERIFY_THROWS_EXCEPTION(engine::Cancelled,
        engine::RichardsonLucy(plain(50)).run(ramp(64, 64), gaussianKernel(9, 2.0), progress));
    QCOMPARE(calls, 3);
}

QTEST_GUILESS_MAIN(TestRichardsonLucy)
#include "tst_richardsonlucy.moc"
