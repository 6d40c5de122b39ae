#include "engine/core/exception.h"
#include "engine/io/imageio.h"
#include "engine/io/rasterio.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace latentlens;

namespace {

// Writes test images with Pillow and dumps their decoded samples as raw text for comparison.
const char* kMakeImages = R"(
import sys, numpy as np
from PIL import Image
d = sys.argv[1]
y, x = np.mgrid[0:13, 0:17]
g8 = ((x * 13 + y * 7) % 256).astype(np.uint8)
Image.fromarray(g8).save(d + '/g8.png')
Image.fromarray(g8).save(d + '/g8i.png', interlace=1)
g16 = ((x * 3001 + y * 1789) % 65536).astype(np.uint16)
Image.fromarray(g16.astype(np.int32)).convert('I;16').save(d + '/g16.png')
rgb = np.stack([g8, 255 - g8, (g8 * 3) % 256], axis=2).astype(np.uint8)
Image.fromarray(rgb).save(d + '/rgb.png')
Image.fromarray(np.dstack([rgb, np.full((13, 17), 128, np.uint8)])).save(d + '/rgba.png')
Image.fromarray(rgb).convert('P', palette=Image.ADAPTIVE, colors=16).save(d + '/pal.png')
Image.fromarray(g8).save(d + '/g8.jpg', quality=95)
Image.fromarray(rgb).save(d + '/rgb.jpg', quality=95)
Image.fromarray(rgb).save(d + '/prog.jpg', quality=90, progressive=True)
for name in ['g8.png', 'g8i.png', 'g16.png', 'rgb.png', 'rgba.png', 'pal.png', 'g8.jpg', 'rgb.jpg', 'prog.jpg']:
    im = Image.open(d + '/' + name)
    if im.mode == 'P' or im.mode == 'RGBA':
        im = im.convert('RGB')
    a = np.array(im).astype(np.int64)
    if a.ndim == 2:
        a = a[:, :, None]
    np.savetxt(d + '/' + name + '.txt', a.transpose(2, 0, 1).reshape(-1), fmt='%d')
)";

std::vector<long> expectedSamples(const QString& file)
{
    QFile f(file + ".txt");
    std::vector<long> v;
    if (!f.open(QIODevice::ReadOnly))
        return v;
    for (const auto& line : f.readAll().split('\n'))
        if (!line.isEmpty())
            v.push_back(line.toLong());
    return v;
}

} // namespace

class TestRasterIo : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void decodesLikePillow_data();
    void decodesLikePillow();
    void realNaturalImages();
    void truncatedFilesAreRefused_data();
    void truncatedFilesAreRefused();
    void wrongSignatureIsRefused();

private:
    QTemporaryDir mDir;
    bool mHavePillow = false;
};

void TestRasterIo::initTestCase()
{
    QProcess proc;
    proc.start("/usr/bin/python3", { "-c", kMakeImages, mDir.path() });
    mHavePillow = proc.waitForFinished(120000) && proc.exitCode() == 0;
    if (!mHavePillow)
        qWarning("Pillow unavailable: %s", proc.readAllStandardError().constData());
}

void TestRasterIo::decodesLikePillow_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("channels");
    QTest::addColumn<double>("scale");
    QTest::addColumn<int>("tolerance"); // JPEG decoders may differ by rounding
    QTest::newRow("8-bit grey") << "g8.png" << 1 << 255.0 << 0;
    QTest::newRow("8-bit grey interlaced") << "g8i.png" << 1 << 255.0 << 0;
    QTest::newRow("16-bit grey") << "g16.png" << 1 << 65535.0 << 0;
    QTest::newRow("RGB") << "rgb.png" << 3 << 255.0 << 0;
    QTest::newRow("RGBA drops alpha") << "rgba.png" << 3 << 255.0 << 0;
    QTest::newRow("palette") << "pal.png" << 3 << 255.0 << 0;
    QTest::newRow("JPEG grey") << "g8.jpg" << 1 << 255.0 << 1;
    QTest::newRow("JPEG colour") << "rgb.jpg" << 3 << 255.0 << 1;
    QTest::newRow("JPEG progressive") << "prog.jpg" << 3 << 255.0 << 1;
}

void TestRasterIo::decodesLikePillow()
{
    if (!mHavePillow)
        QSKIP("python3-pil is not installed (tools/setup.sh installs it)");
    QFETCH(QString, name);
    QFETCH(int, channels);
    QFETCH(double, scale);
    QFETCH(int, tolerance);
    const QString file = mDir.filePath(name);
    const auto img = engine::readImage(file.toStdString());
    QCOMPARE(img.width(), std::size_t(17));
    QCOMPARE(img.height(), std::size_t(13));
    QCOMPARE(img.channels(), std::size_t(channels));
    QCOMPARE(img.intensityScale(), scale);
    const auto expected = expectedSamples(file);
    QCOMPARE(expected.size(), img.size());
    for (std::size_t i = 0; i < img.size(); ++i)
        QVERIFY2(std::abs(std::lround(img.data()[i] * scale) - expected[i]) <= tolerance,
            qPrintable(
                QString("sample %1: %2 vs %3").arg(i).arg(img.data()[i] * scale).arg(expected[i])));
}

void TestRasterIo::realNaturalImages()
{
    const QString folder = qEnvironmentVariable("LATENTLENS_SHARED_DATA") + "/natural_set12";
    if (!QDir(folder).exists())
        QSKIP("../shared/data/natural_set12 is not present; real-image check skipped");
    const auto img = engine::readImage((folder + "/01.png").toStdString());
    QCOMPARE(img.width(), std::size_t(256));
    QCOMPARE(img.height(), std::size_t(256));
    QCOMPARE(img.channels(), std::size_t(1));
    float lo = 1, hi = 0;
    for (float v : img.values()) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    QVERIFY(lo >= 0.0f && hi <= 1.0f && hi - lo > 0.5f);
}

void TestRasterIo::truncatedFilesAreRefused_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("PNG") << "g16.png";
    QTest::newRow("JPEG") << "rgb.jpg";
}

void TestRasterIo::truncatedFilesAreRefused()
{
    if (!mHavePillow)
        QSKIP("python3-pil is not installed (tools/setup.sh installs it)");
    QFETCH(QString, name);
    QFile in(mDir.filePath(name));
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray whole = in.readAll();
    const QString cut = mDir.filePath("cut_" + name);
    QFile out(cut);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(whole.left(whole.size() / 2));
    out.close();
    try {
        engine::readImage(cut.toStdString());
        QFAIL("a truncated file was read without error");
    } catch (const engine::IoError& e) {
        const QString message = e.what();
        QVERIFY2(message.contains("cut_" + name) && message.contains("truncated or corrupt"),
            qPrintable(message));
    }
}

void TestRasterIo::wrongSignatureIsRefused()
{
    const QString file = mDir.filePath("fake.png");
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("\x89PNX not really a png at all");
    f.close();
    QVERIFY_THROWS_EXCEPTION(engine::IoError, engine::readPng(file.toStdString()));
    QVERIFY_THROWS_EXCEPTION(engine::IoError, engine::readJpeg(file.toStdString()));
}

QTEST_GUILESS_MAIN(TestRasterIo)
#include "tst_rasterio.moc"
