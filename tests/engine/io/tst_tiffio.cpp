#include "engine/core/exception.h"
#include "engine/core/provenance.h"
#include "engine/io/imageio.h"
#include "engine/io/tiffio.h"
#include "tests/engine/support/rawtiffwriter.h"
#include "tests/engine/support/testwriters.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <limits>

using namespace latentlens;
using testing::makePage;
using testing::RawPage;
using testing::RawTiffOptions;
using testing::writeRawTiff;

namespace {

// Each value says where it belongs: plane p, pixel (x, y).
engine::Image numbered(std::size_t w, std::size_t h, std::size_t z, std::size_t c, std::size_t t)
{
    engine::Image img(w, h, z, c, t);
    for (std::size_t p = 0; p < img.planeCount(); ++p)
        for (std::size_t y = 0; y < h; ++y)
            for (std::size_t x = 0; x < w; ++x)
                img.at(x, y, p) = float(p) + float(y * w + x) / float(w * h);
    return img;
}

bool python(const QStringList& args, QString* output = nullptr)
{
    QProcess proc;
    proc.start("/usr/bin/python3", args);
    if (!proc.waitForFinished(120000) || proc.exitStatus() != QProcess::NormalExit)
        return false;
    if (output)
        *output = QString::fromUtf8(proc.readAllStandardOutput() + proc.readAllStandardError());
    return proc.exitCode() == 0;
}

bool haveTifffile()
{
    return python({ "-c", "import tifffile, numpy" });
}

QString expectIoError(const QString& path)
{
    try {
        engine::readImage(path.toStdString());
    } catch (const engine::IoError& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

} // namespace

class TestTiffIo : public QObject
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(mDir.isValid()); }

    void float32RoundTripIsExact_data();
    void float32RoundTripIsExact();
    void uint16RoundTripIsExact();
    void uint16ClipsAndReports();
    void nanIsRefusedForUInt16AndNothingIsLost();
    void intensityScaleIsKeptThroughFloat32();
    void bigTiffRoundTrip();
    void omeTiffRoundTripIsExact_data();
    void omeTiffRoundTripIsExact();
    void omeTiffNames_data();
    void omeTiffNames();

    void everySampleTypeReads_data();
    void everySampleTypeReads();
    void imagejHyperstackFromAnotherWriter();
    void omeTiffFromAnotherWriter();
    void tifffileStacksRead();
    void ourFilesAreImageJHyperstacksForTifffile();
    void ourOmeTiffsKeepTheirMetadataForTifffile();
    void libtiffToolsConversionsRead_data();
    void libtiffToolsConversionsRead();

    void badFilesGiveClearErrors_data();
    void badFilesGiveClearErrors();
    void unsupportedSampleFormat_data();
    void unsupportedSampleFormat();
    void truncatedFileGivesClearError();
    void giantDeclaredSizeIsRefusedBeforeAllocating();
    void stackShorterThanDeclaredIsReported_data();
    void stackShorterThanDeclaredIsReported();
    void writeToMissingFolderFails();

private:
    QString path(const QString& name) const { return mDir.filePath(name); }
    QTemporaryDir mDir;
};

void TestTiffIo::float32RoundTripIsExact_data()
{
    QTest::addColumn<int>("z");
    QTest::addColumn<int>("c");
    QTest::addColumn<int>("t");
    QTest::newRow("single plane") << 1 << 1 << 1;
    QTest::newRow("z stack") << 7 << 1 << 1;
    QTest::newRow("channels") << 1 << 3 << 1;
    QTest::newRow("hyperstack") << 3 << 2 << 4;
}

void TestTiffIo::float32RoundTripIsExact()
{
    QFETCH(int, z);
    QFETCH(int, c);
    QFETCH(int, t);
    auto img = numbered(37, 21, z, c, t); // odd sizes on purpose
    img.at(0, 0, 0) = -3.5f; // negatives and extremes survive float32
    img.at(1, 0, 0) = 1e-30f;
    img.setSpacing({ 65e-9, 65e-9, 0.3e-6 });
    std::vector<std::string> names;
    for (int i = 0; i < c; ++i)
        names.push_back("ch" + std::to_string(i) + " \"quoted\"");
    img.setChannelNames(names);
    engine::Provenance prov { "test", { "in.tif" }, { { "nsr", "0.01" } }, {} };
    img.setProvenance(prov.toJson());

    const QString file = path("rt.tif");
    engine::writeTiff(img, file.toStdString());
    const auto back = engine::readTiff(file.toStdString());
    QVERIFY(back.sameShape(img));
    QCOMPARE(back.depth(), std::size_t(z));
    QCOMPARE(back.channels(), std::size_t(c));
    QCOMPARE(back.frames(), std::size_t(t));
    for (std::size_t i = 0; i < img.size(); ++i)
        QCOMPARE(back.data()[i], img.data()[i]);
    QVERIFY(std::abs(back.spacing().x - 65e-9) < 1e-15);
    QVERIFY(std::abs(back.spacing().y - 65e-9) < 1e-15);
    if (z > 1)
        QVERIFY(std::abs(back.spacing().z - 0.3e-6) < 1e-12);
    QCOMPARE(back.channelNames(), names);
    QCOMPARE(back.provenance(), img.provenance());
    QCOMPARE(back.intensityScale(), 1.0);
}

void TestTiffIo::uint16RoundTripIsExact()
{
    engine::Image img(64, 3, 2);
    for (std::size_t i = 0; i < img.size(); ++i)
        img.data()[i] = float(double(i * 509 % 65536) / 65535.0);
    const QString file = path("u16.tif");
    engine::TiffWriteOptions opts;
    opts.sampleType = engine::TiffWriteOptions::SampleType::UInt16;
    const auto report = engine::writeTiff(img, file.toStdString(), opts);
    QCOMPARE(report.clippedPixels, std::size_t(0));
    const auto back = engine::readTiff(file.toStdString());
    QCOMPARE(back.intensityScale(), 65535.0);
    QVERIFY(back.sameShape(img));
    for (std::size_t i = 0; i < img.size(); ++i)
        QCOMPARE(back.data()[i], img.data()[i]);
}

void TestTiffIo::uint16ClipsAndReports()
{
    engine::Image img(4, 1);
    img.at(0, 0) = -0.5f;
    img.at(1, 0) = 0.5f;
    img.at(2, 0) = 1.0f;
    img.at(3, 0) = 2.0f;
    engine::TiffWriteOptions opts;
    opts.sampleType = engine::TiffWriteOptions::SampleType::UInt16;
    const auto report = engine::writeTiff(img, path("clip.tif").toStdString(), opts);
    QCOMPARE(report.clippedPixels, std::size_t(2));
    const auto back = engine::readTiff(path("clip.tif").toStdString());
    QCOMPARE(back.at(0, 0), 0.0f);
    QCOMPARE(back.at(1, 0), float(32768.0 / 65535.0));
    QCOMPARE(back.at(3, 0), 1.0f);
}

void TestTiffIo::nanIsRefusedForUInt16AndNothingIsLost()
{
    QTemporaryDir own;
    const QString file = own.filePath("keep.tif");
    auto good = numbered(8, 8, 1, 1, 1);
    engine::writeTiff(good, file.toStdString());
    const QByteArray before = [&] {
        QFile f(file);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }();

    auto bad = good;
    bad.at(2, 2) = std::numeric_limits<float>::quiet_NaN();
    engine::TiffWriteOptions opts;
    opts.sampleType = engine::TiffWriteOptions::SampleType::UInt16;
    QVERIFY_THROWS_EXCEPTION(
        engine::InvalidArgument, engine::writeTiff(bad, file.toStdString(), opts));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
    QCOMPARE(QDir(own.path()).entryList(QDir::Files | QDir::Hidden).size(), 1); // no temp file
}

void TestTiffIo::intensityScaleIsKeptThroughFloat32()
{
    // An 8-bit input deblurred and written as float32 is written in 0..255 and read back in
    // [0, 1] again.
    engine::Image img(5, 5);
    img.setIntensityScale(255.0);
    img.at(2, 2) = 0.5f;
    const QString file = path("scaled.tif");
    engine::writeTiff(img, file.toStdString());
    const auto back = engine::readTiff(file.toStdString());
    QCOMPARE(back.intensityScale(), 255.0);
    QCOMPARE(back.at(2, 2), 0.5f);
    if (haveTifffile()) {
        QString out;
        QVERIFY(python(
            { "-c", "import tifffile,sys; print(float(tifffile.imread(sys.argv[1])[2,2]))", file },
            &out));
        QCOMPARE(out.trimmed().toDouble(), 127.5);
    }
}

void TestTiffIo::bigTiffRoundTrip()
{
    auto img = numbered(16, 16, 3, 1, 1);
    engine::TiffWriteOptions opts;
    opts.bigTiff = true;
    const QString file = path("big.tif");
    QVERIFY(engine::writeTiff(img, file.toStdString(), opts).bigTiff);
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray head = f.read(4);
    QCOMPARE(int(uchar(head[2])), 43); // BigTIFF magic (little-endian host)
    const auto back = engine::readTiff(file.toStdString());
    QVERIFY(back.sameShape(img));
    for (std::size_t i = 0; i < img.size(); ++i)
        QCOMPARE(back.data()[i], img.data()[i]);
}

void TestTiffIo::omeTiffRoundTripIsExact_data()
{
    QTest::addColumn<int>("z");
    QTest::addColumn<int>("c");
    QTest::addColumn<int>("t");
    QTest::addColumn<bool>("uint16");
    QTest::newRow("single plane") << 1 << 1 << 1 << false;
    QTest::newRow("z stack") << 7 << 1 << 1 << false;
    QTest::newRow("channels") << 1 << 3 << 1 << false;
    QTest::newRow("hyperstack") << 3 << 2 << 4 << false;
    QTest::newRow("hyperstack, 16-bit") << 3 << 2 << 4 << true;
}

void TestTiffIo::omeTiffRoundTripIsExact()
{
    QFETCH(int, z);
    QFETCH(int, c);
    QFETCH(int, t);
    QFETCH(bool, uint16);
    auto img = numbered(37, 21, z, c, t);
    if (uint16) {
        for (std::size_t i = 0; i < img.size(); ++i)
            img.data()[i] = float(double(i * 509 % 65536) / 65535.0);
    } else {
        img.at(0, 0, 0) = -3.5f;
        img.at(1, 0, 0) = 1e-30f;
        img.setIntensityScale(255.0); // an 8-bit input: written in 0..255, read in [0, 1]
    }
    img.setSpacing({ 65e-9, 70e-9, 0.3e-6 });
    std::vector<std::string> names;
    for (int i = 0; i < c; ++i)
        names.push_back("ch" + std::to_string(i) + " <\"K\u03B1\" & 'L'>");
    img.setChannelNames(names);
    engine::Provenance prov { "test", { "in <1>.tif" }, { { "nsr", "0.01 & more" } }, {} };
    img.setProvenance(prov.toJson());

    const QString file = path("rt.ome.tif");
    engine::TiffWriteOptions opts;
    opts.format = engine::TiffWriteOptions::Format::OmeTiff;
    if (uint16)
        opts.sampleType = engine::TiffWriteOptions::SampleType::UInt16;
    engine::writeTiff(img, file.toStdString(), opts);

    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(bytes.contains("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<OME xmlns="));
    QVERIFY(bytes.contains("DimensionOrder=\"XYCZT\""));
    QVERIFY(!bytes.contains("ImageJ="));

    std::vector<std::string> warnings;
    const auto back = engine::readTiff(file.toStdString(), &warnings);
    QVERIFY(warnings.empty());
    QCOMPARE(back.depth(), std::size_t(z));
    QCOMPARE(back.channels(), std::size_t(c));
    QCOMPARE(back.frames(), std::size_t(t));
    QVERIFY(back.sameShape(img));
    for (std::size_t i = 0; i < img.size(); ++i)
        QCOMPARE(back.data()[i], img.data()[i]);
    QCOMPARE(back.spacing().x, 65e-9);
    QCOMPARE(back.spacing().y, 70e-9);
    QCOMPARE(back.spacing().z, 0.3e-6);
    QCOMPARE(back.channelNames(), names);
    QCOMPARE(back.provenance(), img.provenance());
    QCOMPARE(back.intensityScale(), uint16 ? 65535.0 : 255.0);
}

void TestTiffIo::omeTiffNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("ome");
    QTest::newRow("ome.tif") << "a/cells.ome.tif" << true;
    QTest::newRow("OME.TIFF") << "CELLS.OME.TIFF" << true;
    QTest::newRow("tif") << "cells.tif" << false;
    QTest::newRow("ome in the folder") << "x.ome.tif/cells.tif" << false;
    QTest::newRow("ome without tif") << "cells.ome" << false;
}

void TestTiffIo::omeTiffNames()
{
    QFETCH(QString, name);
    QFETCH(bool, ome);
    QCOMPARE(engine::isOmeTiffName(name.toStdString()), ome);
}

void TestTiffIo::everySampleTypeReads_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("bigEndian");
    for (const char* type :
        { "uint8", "uint16", "uint32", "int8", "int16", "int32", "float32", "float64" })
        for (bool big : { false, true })
            QTest::newRow(QStringLiteral("%1 %2").arg(type, big ? "MM" : "II").toLatin1())
                << QString(type) << big;
}

void TestTiffIo::everySampleTypeReads()
{
    QFETCH(QString, type);
    QFETCH(bool, bigEndian);
    const uint32_t w = 6, h = 2;
    std::vector<double> raw = { 0, 1, 2, 100, 127, -5, 7, 60, 3, 12, 9, -1 };
    RawPage page;
    double scale = 1.0;
    auto fill = [&](auto sample, uint16_t format, double s) {
        using T = decltype(sample);
        std::vector<T> v;
        for (double r : raw)
            v.push_back(T(format == 1 ? std::abs(r) : r));
        page = makePage<T>(w, h, v, format);
        scale = s;
    };
    if (type == "uint8")
        fill(uint8_t {}, 1, 255.0);
    if (type == "uint16")
        fill(uint16_t {}, 1, 65535.0);
    if (type == "uint32")
        fill(uint32_t {}, 1, 4294967295.0);
    if (type == "int8")
        fill(int8_t {}, 2, 127.0);
    if (type == "int16")
        fill(int16_t {}, 2, 32767.0);
    if (type == "int32")
        fill(int32_t {}, 2, 2147483647.0);
    if (type == "float32")
        fill(float {}, 3, 1.0);
    if (type == "float64")
        fill(double {}, 3, 1.0);
    const bool isUnsigned = type.startsWith("uint");
    RawTiffOptions opts;
    opts.bigEndian = bigEndian;
    const QString file = path("type.tif");
    QVERIFY(writeRawTiff(file.toStdString(), { page }, opts));
    const auto img = engine::readImage(file.toStdString());
    QCOMPARE(img.width(), std::size_t(w));
    QCOMPARE(img.height(), std::size_t(h));
    QCOMPARE(img.intensityScale(), scale);
    for (std::size_t i = 0; i < raw.size(); ++i)
        QCOMPARE(img.data()[i], float((isUnsigned ? std::abs(raw[i]) : raw[i]) / scale));
}

void TestTiffIo::imagejHyperstackFromAnotherWriter()
{
    // As ImageJ and tifffile(imagej=True) write it: big-endian, 16-bit, pages in CZT order,
    // description on the first page, pixels per micron in XResolution.
    const int c = 2, z = 3, t = 2;
    std::vector<RawPage> pages;
    for (int p = 0; p < c * z * t; ++p)
        pages.push_back(
            makePage<uint16_t>(5, 4, std::vector<uint16_t>(20, uint16_t(1000 * (p + 1))), 1));
    RawTiffOptions opts;
    opts.bigEndian = true;
    opts.description = "ImageJ=1.53t\nimages=12\nchannels=2\nslices=3\nframes=2\nhyperstack=true\n"
                       "mode=composite\nunit=micron\nspacing=0.5\nloop=false\n";
    opts.xResolution[0] = 10; // 10 pixels per micron
    const QString file = path("ij.tif");
    QVERIFY(writeRawTiff(file.toStdString(), pages, opts));
    const auto img = engine::readImage(file.toStdString());
    QCOMPARE(img.channels(), std::size_t(c));
    QCOMPARE(img.depth(), std::size_t(z));
    QCOMPARE(img.frames(), std::size_t(t));
    for (int ti = 0; ti < t; ++ti)
        for (int zi = 0; zi < z; ++zi)
            for (int ci = 0; ci < c; ++ci) {
                const int page = ci + c * (zi + z * ti);
                QCOMPARE(
                    img.at(4, 3, img.planeIndex(ci, zi, ti)), float(1000.0 * (page + 1) / 65535.0));
            }
    QVERIFY(std::abs(img.spacing().x - 0.1e-6) < 1e-15);
    QVERIFY(std::abs(img.spacing().z - 0.5e-6) < 1e-15);
}

void TestTiffIo::omeTiffFromAnotherWriter()
{
    // Pages in XYZCT order: z fastest. Physical size in nanometres.
    const int z = 3, c = 2;
    std::vector<RawPage> pages;
    for (int p = 0; p < z * c; ++p)
        pages.push_back(
            makePage<uint8_t>(4, 4, std::vector<uint8_t>(16, uint8_t(10 * (p + 1))), 1));
    RawTiffOptions opts;
    opts.description
        = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><OME xmlns=\"http://www.openmicroscopy.org/"
          "Schemas/OME/2016-06\"><Image ID=\"Image:0\"><Pixels ID=\"Pixels:0\" "
          "DimensionOrder=\"XYZCT\" "
          "Type=\"uint8\" SizeX=\"4\" SizeY=\"4\" SizeZ=\"3\" SizeC=\"2\" SizeT=\"1\" "
          "PhysicalSizeX=\"130\" PhysicalSizeXUnit=\"nm\" PhysicalSizeY=\"130\" "
          "PhysicalSizeYUnit=\"nm\" "
          "PhysicalSizeZ=\"0.2\"><Channel ID=\"Channel:0:0\" Name=\"DAPI\"/><Channel "
          "ID=\"Channel:0:1\" "
          "Name=\"GFP\"/><TiffData/></Pixels></Image></OME>";
    const QString file = path("ome.tif");
    QVERIFY(writeRawTiff(file.toStdString(), pages, opts));
    const auto img = engine::readImage(file.toStdString());
    QCOMPARE(img.depth(), std::size_t(z));
    QCOMPARE(img.channels(), std::size_t(c));
    for (int ci = 0; ci < c; ++ci)
        for (int zi = 0; zi < z; ++zi)
            QCOMPARE(
                img.at(0, 0, img.planeIndex(ci, zi, 0)), float(10.0 * (zi + z * ci + 1) / 255.0));
    QVERIFY(std::abs(img.spacing().x - 130e-9) < 1e-15);
    QVERIFY(std::abs(img.spacing().z - 0.2e-6) < 1e-15);
    QCOMPARE(img.channelNames(), (std::vector<std::string> { "DAPI", "GFP" }));
}

void TestTiffIo::tifffileStacksRead()
{
    if (!haveTifffile())
        QSKIP("python3-tifffile is not installed (tools/setup.sh installs it)");
    const QString file = path("tf.tif");
    const QString rgbFile = path("rgb.tif");
    const QString paletteFile = path("palette.tif");
    const QString script = R"(
import sys, numpy as np, tifffile
a = (np.arange(2*3*2*9*11, dtype=np.uint32) * 37 % 65536).astype(np.uint16).reshape(2, 3, 2, 9, 11)
tifffile.imwrite(sys.argv[1], a, imagej=True, resolution=(1/0.065, 1/0.065),
                 metadata={'spacing': 0.25, 'unit': 'um', 'axes': 'TZCYX'})
rgb = (np.arange(7*5*3) % 256).astype(np.uint8).reshape(7, 5, 3)
tifffile.imwrite(sys.argv[2], rgb, photometric='rgb', tile=(16, 16), compression='zlib')
fire = np.zeros((3, 256), np.uint16); fire[0] = np.arange(256) * 257
tifffile.imwrite(sys.argv[3], (np.arange(6*4) * 10).astype(np.uint8).reshape(6, 4),
                 photometric='palette', colormap=fire)
)";
    QString out;
    QVERIFY2(python({ "-c", script, file, rgbFile, paletteFile }, &out), qPrintable(out));
    const auto img = engine::readImage(file.toStdString());
    QCOMPARE(img.frames(), std::size_t(2));
    QCOMPARE(img.depth(), std::size_t(3));
    QCOMPARE(img.channels(), std::size_t(2));
    for (std::size_t t = 0; t < 2; ++t)
        for (std::size_t z = 0; z < 3; ++z)
            for (std::size_t c = 0; c < 2; ++c)
                for (std::size_t y = 0; y < 9; ++y)
                    for (std::size_t x = 0; x < 11; ++x) {
                        const std::size_t flat = (((t * 3 + z) * 2 + c) * 9 + y) * 11 + x;
                        QCOMPARE(img.at(x, y, img.planeIndex(c, z, t)),
                            float(double(flat * 37 % 65536) / 65535.0));
                    }
    QVERIFY(std::abs(img.spacing().x - 65e-9) < 1e-13);
    QVERIFY(std::abs(img.spacing().z - 0.25e-6) < 1e-13);

    const auto rgb = engine::readImage(rgbFile.toStdString());
    QCOMPARE(rgb.channels(), std::size_t(3));
    for (std::size_t y = 0; y < 7; ++y)
        for (std::size_t x = 0; x < 5; ++x)
            for (std::size_t c = 0; c < 3; ++c)
                QCOMPARE(rgb.at(x, y, c), float(double(((y * 5 + x) * 3 + c) % 256) / 255.0));

    // A palette image (8-bit with a lookup table, as ImageJ saves one) reads as its indices.
    const auto palette = engine::readImage(paletteFile.toStdString());
    QCOMPARE(palette.channels(), std::size_t(1));
    QCOMPARE(palette.at(3, 5), float(double((5 * 4 + 3) * 10) / 255.0));
}

void TestTiffIo::ourFilesAreImageJHyperstacksForTifffile()
{
    if (!haveTifffile())
        QSKIP("python3-tifffile is not installed (tools/setup.sh installs it)");
    auto img = numbered(10, 6, 3, 2, 1);
    img.setSpacing({ 100e-9, 100e-9, 0.5e-6 });
    const QString file = path("ours.tif");
    engine::writeTiff(img, file.toStdString());
    QString out;
    QVERIFY2(
        python({ "-c",
                   "import sys, tifffile\n"
                   "with tifffile.TiffFile(sys.argv[1]) as t:\n"
                   "  s = t.series[0]; m = t.imagej_metadata\n"
                   "  print(s.axes, s.shape, m['channels'], m['slices'], m['spacing'], m['unit'])\n"
                   "  print(float(s.asarray()[2, 1, 5, 7]))",
                   file },
            &out),
        qPrintable(out));
    const auto lines = out.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines[0], QString("ZCYX (3, 2, 6, 10) 2 3 0.5 micron"));
    QCOMPARE(lines[1].toFloat(), img.at(7, 5, img.planeIndex(1, 2, 0)));
}

void TestTiffIo::ourOmeTiffsKeepTheirMetadataForTifffile()
{
    if (!haveTifffile())
        QSKIP("python3-tifffile is not installed (tools/setup.sh installs it)");
    auto img = numbered(10, 6, 3, 2, 4);
    img.setSpacing({ 100e-9, 120e-9, 0.5e-6 });
    img.setChannelNames({ "DAPI & \"nuclei\"", "Fe K\u03B1 <XRF>" });
    img.setProvenance(engine::Provenance { "deblur", { "in.tif" }, {}, {} }.toJson());
    const QString file = path("ours.ome.tif");
    engine::TiffWriteOptions opts;
    opts.format = engine::TiffWriteOptions::Format::OmeTiff;
    engine::writeTiff(img, file.toStdString(), opts);

    // tifffile finds the OME series from the XML alone (its axes and shape follow
    // DimensionOrder and the sizes), and the XML parses with its units, names and
    // annotations.
    QString out;
    QVERIFY2(
        python(
            { "-c",
                "import sys, json, tifffile, xml.etree.ElementTree as ET\n"
                "ns = {'o': 'http://www.openmicroscopy.org/Schemas/OME/2016-06'}\n"
                "with tifffile.TiffFile(sys.argv[1]) as t:\n"
                "  s = t.series[0]; a = s.asarray()\n"
                "  root = ET.fromstring(t.ome_metadata)\n"
                "  px = root.find('o:Image/o:Pixels', ns)\n"
                "  refs = [r.get('ID') for r in root.findall('o:Image/o:AnnotationRef', ns)]\n"
                "  sa = root.find('o:StructuredAnnotations', ns)\n"
                "  print(json.dumps({'ome': t.is_ome, 'imagej': t.is_imagej, 'axes': s.axes,\n"
                "    'shape': list(s.shape), 'dtype': str(a.dtype),\n"
                "    'order': px.get('DimensionOrder'), 'type': px.get('Type'),\n"
                "    'x': float(px.get('PhysicalSizeX')), 'y': float(px.get('PhysicalSizeY')),\n"
                "    'z': float(px.get('PhysicalSizeZ')), 'unit': px.get('PhysicalSizeXUnit'),\n"
                "    'channels': [c.get('Name') for c in px.findall('o:Channel', ns)],\n"
                "    'tiffdata': [d.attrib for d in px.findall('o:TiffData', ns)],\n"
                "    'refs': len(refs), 'resolved': all(sa.find(\"*[@ID='%s']\" % r) is not None\n"
                "      for r in refs),\n"
                "    'provenance': sa.find(\"o:CommentAnnotation/o:Value\", ns).text,\n"
                "    'value': float(a[1, 2, 1, 5, 7])}))",
                file },
            &out),
        qPrintable(out));
    const QJsonObject o = QJsonDocument::fromJson(out.toUtf8()).object();
    QVERIFY2(!o.isEmpty(), qPrintable(out));
    QCOMPARE(o["ome"].toBool(), true);
    QCOMPARE(o["imagej"].toBool(), false);
    QCOMPARE(o["axes"].toString(), QString("TZCYX"));
    QCOMPARE(o["shape"].toArray(), (QJsonArray { 4, 3, 2, 6, 10 }));
    QCOMPARE(o["dtype"].toString(), QString("float32"));
    QCOMPARE(o["order"].toString(), QString("XYCZT"));
    QCOMPARE(o["type"].toString(), QString("float"));
    QCOMPARE(o["x"].toDouble(), 0.1);
    QCOMPARE(o["y"].toDouble(), 0.12);
    QCOMPARE(o["z"].toDouble(), 0.5);
    QCOMPARE(o["unit"].toString(), QString::fromUtf8("\u00B5m"));
    QCOMPARE(o["channels"].toArray(),
        (QJsonArray {
            QString::fromUtf8("DAPI & \"nuclei\""), QString::fromUtf8("Fe K\u03B1 <XRF>") }));
    QCOMPARE(o["tiffdata"].toArray(),
        (QJsonArray { QJsonObject { { "IFD", "0" }, { "PlaneCount", "24" } } }));
    QCOMPARE(o["refs"].toInt(), 2);
    QCOMPARE(o["resolved"].toBool(), true);
    QCOMPARE(o["provenance"].toString().toStdString(), img.provenance());
    QCOMPARE(o["value"].toDouble(), double(img.at(7, 5, img.planeIndex(1, 2, 1))));
}

void TestTiffIo::libtiffToolsConversionsRead_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::newRow("tiled LZW") << QStringList { "-t", "-w", "16", "-l", "16", "-c", "lzw" };
    QTest::newRow("deflate with predictor") << QStringList { "-c", "zip:2" };
    QTest::newRow("BigTIFF") << QStringList { "-8" };
    QTest::newRow("big-endian") << QStringList { "-B" };
    QTest::newRow("one row per strip") << QStringList { "-r", "1" };
}

void TestTiffIo::libtiffToolsConversionsRead()
{
    QFETCH(QStringList, options);
    if (QStandardPaths::findExecutable("tiffcp").isEmpty())
        QSKIP("tiffcp (libtiff-tools) is not installed (tools/setup.sh installs it)");
    auto img = numbered(45, 33, 4, 1, 1);
    engine::TiffWriteOptions u16;
    u16.sampleType = engine::TiffWriteOptions::SampleType::UInt16;
    for (float& v : img.values())
        v = v / 4.0f;
    const QString in = path("src.tif"), out = path("conv.tif");
    engine::writeTiff(img, in.toStdString(), u16);
    const auto original = engine::readTiff(in.toStdString());
    QProcess tiffcp;
    tiffcp.start("tiffcp", options + QStringList { in, out });
    QVERIFY(tiffcp.waitForFinished(60000));
    QCOMPARE(tiffcp.exitCode(), 0);
    const auto back = engine::readTiff(out.toStdString());
    QVERIFY(back.sameShape(original));
    for (std::size_t i = 0; i < original.size(); ++i)
        QCOMPARE(back.data()[i], original.data()[i]);
}

void TestTiffIo::badFilesGiveClearErrors_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content"); // "" with missing = true means no file
    QTest::addColumn<bool>("create");
    QTest::addColumn<QString>("reason");
    QTest::newRow("missing") << "missing.tif" << QByteArray() << false << "does not exist";
    QTest::newRow("empty") << "empty.tif" << QByteArray() << true << "empty";
    QTest::newRow("not an image") << "text.tif" << QByteArray("hello, world\n") << true
                                  << "unknown file type";
    QTest::newRow("header only") << "header.tif" << QByteArray("II*\0\x08\0\0\0", 8) << true
                                 << "not a readable TIFF";
    QTest::newRow("garbage IFD") << "garbage.tif"
                                 << QByteArray("II*\0\x08\0\0\0", 8) + QByteArray(64, '\xee')
                                 << true << "not a readable TIFF";
}

void TestTiffIo::badFilesGiveClearErrors()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(bool, create);
    QFETCH(QString, reason);
    const QString file = path(name);
    if (create) {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    const QString message = expectIoError(file);
    QVERIFY2(message.contains(name), qPrintable(message));
    QVERIFY2(message.contains(reason), qPrintable(message));
}

void TestTiffIo::unsupportedSampleFormat_data()
{
    QTest::addColumn<int>("bits");
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("reason");
    QTest::newRow("complex float") << 64 << 6 << "complex samples are not supported";
    QTest::newRow("half float") << 16 << 3 << "unsupported sample format";
    QTest::newRow("undefined format") << 16 << 4 << "unsupported sample format";
}

void TestTiffIo::unsupportedSampleFormat()
{
    QFETCH(int, bits);
    QFETCH(int, format);
    QFETCH(QString, reason);
    RawPage page { 4, 4, uint16_t(bits), uint16_t(format), std::vector<uint8_t>(16 * bits / 8, 0) };
    const QString file = path("fmt.tif");
    QVERIFY(writeRawTiff(file.toStdString(), { page }, {}));
    const QString message = expectIoError(file);
    QVERIFY2(message.contains("fmt.tif") && message.contains(reason), qPrintable(message));
}

void TestTiffIo::truncatedFileGivesClearError()
{
    const QString whole = path("whole.tif");
    engine::writeTiff(numbered(64, 64, 3, 1, 1), whole.toStdString());
    QFile in(whole);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray bytes = in.readAll();
    // Cut inside the pixel data of the first page and in the middle of the file.
    for (qsizetype keep : { qsizetype(20000), bytes.size() / 2, bytes.size() - 300 }) {
        const QString cut = path(QString("cut%1.tif").arg(keep));
        QFile out(cut);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes.left(keep));
        out.close();
        const QString message = expectIoError(cut);
        QVERIFY2(message.contains(QFileInfo(cut).fileName()), qPrintable(message));
        QVERIFY2(
            message.contains("truncated or corrupt") || message.contains("not a readable TIFF"),
            qPrintable(message));
    }
}

void TestTiffIo::writeToMissingFolderFails()
{
    const QString file = path("no/such/folder/out.tif");
    QVERIFY_THROWS_EXCEPTION(
        engine::IoError, engine::writeTiff(numbered(4, 4, 1, 1, 1), file.toStdString()));
    QVERIFY(!QFile::exists(file));
}

void TestTiffIo::stackShorterThanDeclaredIsReported_data()
{
    QTest::addColumn<QString>("description");
    QTest::addColumn<int>("pages");
    QTest::addColumn<QString>("expected"); // empty: no warning
    const QString imagej = "ImageJ=1.53t\nimages=%1\nslices=%1\nunit=micron\nloop=false\n";
    QTest::newRow("ImageJ, 3 of 6 pages") << imagej.arg(6) << 3 << "declares 6 planes";
    QTest::newRow("ImageJ, complete") << imagej.arg(6) << 6 << "";
    QTest::newRow("ImageJ hyperstack, 5 of 12")
        << "ImageJ=1.53t\nimages=12\nchannels=2\nslices=3\nframes=2\nhyperstack=true\n"
        << 5 << "declares 12 planes";
    const QString ome = "<?xml version=\"1.0\"?><OME xmlns=\"http://www.openmicroscopy.org/"
                        "Schemas/OME/2016-06\"><Image ID=\"Image:0\"><Pixels ID=\"Pixels:0\" "
                        "DimensionOrder=\"XYZCT\" Type=\"uint16\" SizeX=\"5\" SizeY=\"4\" "
                        "SizeZ=\"%1\" SizeC=\"1\" SizeT=\"1\"></Pixels></Image></OME>";
    QTest::newRow("OME-TIFF, 2 of 4 pages") << ome.arg(4) << 2 << "declares 4 planes";
    QTest::newRow("OME-TIFF, complete") << ome.arg(4) << 4 << "";
}

void TestTiffIo::stackShorterThanDeclaredIsReported()
{
    QFETCH(QString, description);
    QFETCH(int, pages);
    QFETCH(QString, expected);
    // A valid chain of pages that stops early, as an acquisition that was cut short
    // leaves it: libtiff sees nothing wrong, only the description tells.
    std::vector<RawPage> raw;
    for (int p = 0; p < pages; ++p)
        raw.push_back(makePage<uint16_t>(5, 4, std::vector<uint16_t>(20, uint16_t(p + 1)), 1));
    RawTiffOptions opts;
    opts.description = description.toStdString();
    const QString file = path("short.tif");
    QVERIFY(writeRawTiff(file.toStdString(), raw, opts));
    std::vector<std::string> warnings;
    const auto img = engine::readImage(file.toStdString(), {}, &warnings);
    QCOMPARE(img.planeCount(), std::size_t(pages)); // what is there is read
    if (expected.isEmpty()) {
        QVERIFY(warnings.empty());
        return;
    }
    QCOMPARE(warnings.size(), std::size_t(1));
    const QString w = QString::fromStdString(warnings[0]);
    QVERIFY2(w.contains(expected) && w.contains(QString("%1 of").arg(pages)), qPrintable(w));
    QVERIFY2(w.contains("truncated"), qPrintable(w));
}

void TestTiffIo::giantDeclaredSizeIsRefusedBeforeAllocating()
{
    // Refused from the header, nothing allocated for it (10 GB would be, and std::bad_alloc
    // was the answer before).
    const QString file = path("giant.tif");
    testwriters::writeFile(file.toStdString(), testwriters::giantDeclaredTiff());
    try {
        engine::readImage(file.toStdString());
        QFAIL("a 100000 x 100000 page in 126 bytes was read");
    } catch (const engine::IoError& e) {
        const QString what = QString::fromUtf8(e.what());
        QVERIFY2(what.contains("100000 x 100000") && what.contains("more than"), qPrintable(what));
    }
}

QTEST_GUILESS_MAIN(TestTiffIo)
#include "tst_tiffio.moc"
