#include "engine/core/exception.h"
#include "engine/io/imageio.h"
#include "engine/probe/defocusfit.h"
#include "engine/probe/probe.h"
#include "engine/probe/probeimport.h"

#include "tests/engine/support/expecterror.h"
#include "tests/engine/support/matwriter.h"
#include "tests/engine/support/testwriters.h"
#include "tests/engine/support/throughhelper.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstring>
#include <fstream>

using namespace latentlens;
using latentlens::testing::errorOf;
using testwriters::Bytes;

namespace {

// A deterministic complex field with structure in both axes, so a transposition shows.
std::vector<std::complex<double>> field(std::size_t modes, std::size_t h, std::size_t w)
{
    std::vector<std::complex<double>> v(modes * h * w);
    for (std::size_t m = 0; m < modes; ++m)
        for (std::size_t y = 0; y < h; ++y)
            for (std::size_t x = 0; x < w; ++x)
                v[(m * h + y) * w + x]
                    = { 1.0 + double(m) + 0.25 * double(x), 0.5 * double(y) - 0.1 * double(m) };
    return v;
}

QString sharedData()
{
    return qEnvironmentVariable("LATENTLENS_SHARED_DATA");
}

} // namespace

class TestProbeImport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { testing::readThroughHelperWhenAsked(); }
    void npyComplexLoadsValuesAndModes_data();
    void npyComplexLoadsValuesAndModes();
    void npyFloatIsAnIntensityPsf();
    void npyBigEndianFortranOrderIsReordered();
    void npyBadFilesGiveClearErrors_data();
    void npyBadFilesGiveClearErrors();
    void npzStoredAndDeflatedLoad_data();
    void npzStoredAndDeflatedLoad();
    void npzMissingArrayNamesWhatItHas();
    void ptypyProbeLoadsWithPixelSizeAndEnergy();
    void hdf5UserDatasetPath();
    void hdf5MissingDatasetGivesClearError();
    void matlabProbeAxesAreReversed();
    void matComplexProbeOfEveryVersion_data();
    void matComplexProbeOfEveryVersion();
    void matV4RealProbeIsAnIntensity();
    void matVariableChosenByName();
    void matProbeInsideAStruct();
    void matBadFilesGiveClearErrors_data();
    void matBadFilesGiveClearErrors();
    void tiffRealImaginaryPages();
    void tiffStackUsesBrightestPlane();
    void negativeOrNanIntensityIsRefused();
    void importedComplexProbePropagatesLikeSimulated();
    void intensityPsfCannotBePropagated();
    void fitDefocusFindsTheSimulatedDefocus_data();
    void fitDefocusFindsTheSimulatedDefocus();
    void sharedXfelProbe();
    void sharedBeadPsf();

private:
    QTemporaryDir mDir;
    std::string path(const char* name) const { return mDir.filePath(name).toStdString(); }
};

void TestProbeImport::npyComplexLoadsValuesAndModes_data()
{
    QTest::addColumn<QString>("descr");
    QTest::addColumn<int>("modes");
    QTest::addColumn<int>("version");
    QTest::newRow("complex128 2-D") << "<c16" << 0 << 1;
    QTest::newRow("complex64 (3, ny, nx)") << "<c8" << 3 << 1;
    QTest::newRow("complex128 (1, ny, nx) format 2.0") << "<c16" << 1 << 2;
}

void TestProbeImport::npyComplexLoadsValuesAndModes()
{
    QFETCH(QString, descr);
    QFETCH(int, modes);
    QFETCH(int, version);
    const std::size_t h = 6, w = 9, m = modes ? std::size_t(modes) : 1;
    const auto values = field(m, h, w);
    Bytes data;
    if (descr == "<c8") {
        std::vector<std::complex<float>> f(values.begin(), values.end());
        data = testwriters::raw(f);
    } else {
        data = testwriters::raw(values);
    }
    const std::vector<std::size_t> shape
        = modes ? std::vector<std::size_t> { m, h, w } : std::vector<std::size_t> { h, w };
    testwriters::writeFile(
        path("p.npy"), testwriters::npy(descr.toStdString(), shape, data, false, version));

    const auto probe = engine::importProbe(path("p.npy"));
    QVERIFY(probe.isComplex);
    QCOMPARE(probe.complex.modes.size(), m);
    QCOMPARE(probe.complex.width, w);
    QCOMPARE(probe.complex.height, h);
    for (std::size_t k = 0; k < m; ++k)
        for (std::size_t i = 0; i < h * w; ++i)
            QVERIFY(std::abs(probe.complex.modes[k][i] - values[k * h * w + i]) < 1e-6);
    // Multi-mode intensity is the incoherent sum of |P_k|^2.
    for (std::size_t i = 0; i < h * w; ++i) {
        double sum = 0.0;
        for (std::size_t k = 0; k < m; ++k)
            sum += std::norm(values[k * h * w + i]);
        QVERIFY(std::abs(probe.intensity.data()[i] - sum) < 1e-4 * sum);
    }
    QCOMPARE(probe.complex.pixelSize, 0.0); // .npy records none
}

void TestProbeImport::npyFloatIsAnIntensityPsf()
{
    std::vector<float> psf(5 * 7, 0.0f);
    psf[2 * 7 + 3] = 4.0f;
    psf[2 * 7 + 4] = 1.0f;
    testwriters::writeFile(
        path("psf.npy"), testwriters::npy("<f4", { 5, 7 }, testwriters::raw(psf)));
    const auto probe = engine::importProbe(path("psf.npy"), { "", 20e-9, 0.0 });
    QVERIFY(!probe.isComplex);
    QCOMPARE(probe.intensity.width(), std::size_t(7));
    QCOMPARE(probe.intensity.height(), std::size_t(5));
    QCOMPARE(probe.intensity.at(3, 2), 4.0f);
    QCOMPARE(probe.intensity.spacing().x, 20e-9);
}

void TestProbeImport::npyBigEndianFortranOrderIsReordered()
{
    // Fortran order: a (2, 3) array [[0,1,2],[3,4,5]] is stored column by column.
    const std::vector<double> columnMajor { 0, 3, 1, 4, 2, 5 };
    Bytes data;
    for (double v : columnMajor) {
        unsigned char b[8];
        std::memcpy(b, &v, 8);
        for (int i = 7; i >= 0; --i)
            data.push_back(b[i]); // big-endian
    }
    testwriters::writeFile(path("f.npy"), testwriters::npy(">f8", { 2, 3 }, data, true));
    const auto probe = engine::importProbe(path("f.npy"));
    for (std::size_t y = 0; y < 2; ++y)
        for (std::size_t x = 0; x < 3; ++x)
            QCOMPARE(probe.intensity.at(x, y), float(y * 3 + x));
}

void TestProbeImport::npyBadFilesGiveClearErrors_data()
{
    QTest::addColumn<QByteArray>("descr");
    QTest::addColumn<QList<int>>("shape");
    QTest::addColumn<int>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unicode strings")
        << QByteArray("<U4") << QList<int> { 4, 4 } << 256 << "not supported";
    QTest::newRow("booleans") << QByteArray("|b1") << QList<int> { 4, 4 } << 16 << "not supported";
    QTest::newRow("half floats") << QByteArray("<f2") << QList<int> { 4, 4 } << 32
                                 << "not supported";
    QTest::newRow("1-D") << QByteArray("<c16") << QList<int> { 16 } << 256 << "1-D";
    QTest::newRow("4-D") << QByteArray("<f4") << QList<int> { 2, 2, 2, 2 } << 64 << "4-D";
    QTest::newRow("truncated") << QByteArray("<c16") << QList<int> { 8, 8 } << 1000 << "truncated";
    QTest::newRow("empty") << QByteArray("<f4") << QList<int> { 0, 8 } << 0 << "empty";
}

void TestProbeImport::npyBadFilesGiveClearErrors()
{
    QFETCH(QByteArray, descr);
    QFETCH(QList<int>, shape);
    QFETCH(int, bytes);
    QFETCH(QString, expected);
    std::vector<std::size_t> s(shape.begin(), shape.end());
    testwriters::writeFile(
        path("bad.npy"), testwriters::npy(descr.toStdString(), s, Bytes(std::size_t(bytes), 0x3f)));
    const QString message = errorOf([&] { engine::importProbe(path("bad.npy")); });
    QVERIFY2(message.contains(expected), qPrintable(message));
    QVERIFY2(message.contains("bad.npy"), qPrintable(message));
}

void TestProbeImport::npzStoredAndDeflatedLoad_data()
{
    QTest::addColumn<bool>("deflate");
    QTest::newRow("np.savez") << false;
    QTest::newRow("np.savez_compressed") << true;
}

void TestProbeImport::npzStoredAndDeflatedLoad()
{
    QFETCH(bool, deflate);
    const auto values = field(1, 8, 8);
    const std::vector<double> coords(100, 1.5);
    testwriters::writeNpz(path("r.npz"),
        { { "xcoords", testwriters::npy("<f8", { 100 }, testwriters::raw(coords)) },
            { "probeGuess", testwriters::npy("<c16", { 8, 8 }, testwriters::raw(values)) } },
        deflate);
    const auto probe = engine::importProbe(path("r.npz"));
    QCOMPARE(probe.source, std::string("probeGuess"));
    QVERIFY(probe.isComplex);
    QVERIFY(std::abs(probe.complex.modes[0][27] - values[27]) < 1e-12);
    // Asking for the 1-D array by name is refused as not a probe.
    const QString message = errorOf([&] {
        engine::importProbe(path("r.npz"), { "xcoords", 0, 0 });
    });
    QVERIFY2(message.contains("1-D"), qPrintable(message));
}

void TestProbeImport::npzMissingArrayNamesWhatItHas()
{
    testwriters::writeNpz(path("m.npz"),
        { { "a", testwriters::npy("<f4", { 2, 2 }, Bytes(16, 0)) },
            { "b", testwriters::npy("<f4", { 2, 2 }, Bytes(16, 0)) } },
        false);
    QString message = errorOf([&] { engine::importProbe(path("m.npz")); });
    QVERIFY2(message.contains("a, b"), qPrintable(message));
    message = errorOf([&] { engine::importProbe(path("m.npz"), { "probe", 0, 0 }); });
    QVERIFY2(message.contains("no array 'probe'") && message.contains("a, b"), qPrintable(message));
}

void TestProbeImport::ptypyProbeLoadsWithPixelSizeAndEnergy()
{
    const auto values = field(2, 32, 48);
    {
        testwriters::Hdf5Out out(path("r.ptyr"));
        out.complexes("/content/probe/S00G00/data", { 2, 32, 48 }, values);
        out.doubles("/content/probe/S00G00/_psize", { 2 }, { 7e-9, 7e-9 });
        out.doubles("/content/probe/S00G00/_energy", { 1 }, { 8.0 });
        out.complexes("/content/obj/S00G00/data", { 1, 4, 4 }, field(1, 4, 4));
    }
    const auto probe = engine::importProbe(path("r.ptyr"));
    QCOMPARE(probe.source, std::string("/content/probe/S00G00/data"));
    QCOMPARE(probe.complex.modes.size(), std::size_t(2));
    QCOMPARE(probe.complex.width, std::size_t(48));
    QCOMPARE(probe.complex.height, std::size_t(32));
    QCOMPARE(probe.complex.pixelSize, 7e-9);
    QVERIFY(std::abs(probe.complex.wavelength - engine::photonWavelength(8.0)) < 1e-18);
    QCOMPARE(probe.intensity.spacing().x, 7e-9);
    for (std::size_t i : { std::size_t(0), std::size_t(1000), std::size_t(2 * 32 * 48 - 1) })
        QVERIFY(std::abs(probe.complex.modes[i / (32 * 48)][i % (32 * 48)] - values[i]) < 1e-12);
    // The user's values override the file's.
    const auto overridden = engine::importProbe(path("r.ptyr"), { "", 3e-9, 10.0 });
    QCOMPARE(overridden.complex.pixelSize, 3e-9);
    QVERIFY(std::abs(overridden.complex.wavelength - engine::photonWavelength(10.0)) < 1e-18);
}

void TestProbeImport::hdf5UserDatasetPath()
{
    std::vector<float> psf(4 * 5, 0.0f);
    psf[7] = 2.0f;
    {
        testwriters::Hdf5Out out(path("u.h5"));
        out.floats("/entry/instrument/psf", { 4, 5 }, psf);
    }
    const auto probe = engine::importProbe(path("u.h5"), { "entry/instrument/psf", 0, 0 });
    QVERIFY(!probe.isComplex);
    QCOMPARE(probe.intensity.at(2, 1), 2.0f);
    QCOMPARE(probe.source, std::string("/entry/instrument/psf"));
}

void TestProbeImport::hdf5MissingDatasetGivesClearError()
{
    {
        testwriters::Hdf5Out out(path("n.h5"));
        out.doubles("/entry/data", { 3 }, { 1, 2, 3 });
    }
    QString message = errorOf([&] { engine::importProbe(path("n.h5")); });
    QVERIFY2(message.contains("no probe found") && message.contains("entry"), qPrintable(message));
    message = errorOf([&] { engine::importProbe(path("n.h5"), { "/entry/probe", 0, 0 }); });
    QVERIFY2(message.contains("no dataset '/entry/probe'"), qPrintable(message));
    message = errorOf([&] { engine::importProbe(path("n.h5"), { "/entry", 0, 0 }); });
    QVERIFY2(message.contains("is a group"), qPrintable(message));
    message = errorOf([&] { engine::importProbe(path("n.h5"), { "/entry/data", 0, 0 }); });
    QVERIFY2(message.contains("1-D"), qPrintable(message));
}

void TestProbeImport::matlabProbeAxesAreReversed()
{
    // MATLAB's probe(ny, nx) is column-major: y fastest, and HDF5 reports dims (nx, ny).
    const std::size_t h = 3, w = 5;
    const auto values = field(1, h, w); // values[y * w + x]
    std::vector<std::complex<double>> columnMajor(h * w);
    for (std::size_t x = 0; x < w; ++x)
        for (std::size_t y = 0; y < h; ++y)
            columnMajor[x * h + y] = values[y * w + x];
    {
        testwriters::Hdf5Out out(path("recon.mat"), 512);
        out.complexes("/probe", { w, h }, columnMajor, "real", "imag");
    }
    const auto probe = engine::importProbe(path("recon.mat"));
    QCOMPARE(probe.complex.width, w);
    QCOMPARE(probe.complex.height, h);
    for (std::size_t i = 0; i < h * w; ++i)
        QVERIFY(std::abs(probe.complex.modes[0][i] - values[i]) < 1e-12);
}

void TestProbeImport::matComplexProbeOfEveryVersion_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<bool>("single");
    QTest::addColumn<int>("modes");
    QTest::addColumn<bool>("compress");
    QTest::newRow("v5 complex double [ny nx]") << "5" << false << 1 << false;
    QTest::newRow("v5 complex single [ny nx 3], compressed") << "5" << true << 3 << true;
    QTest::newRow("v7.3 complex double [ny nx]") << "7.3" << false << 1 << false;
    QTest::newRow("v7.3 complex single [ny nx 2]") << "7.3" << true << 2 << false;
    QTest::newRow("v4 complex double [ny nx]") << "4" << false << 1 << false;
}

void TestProbeImport::matComplexProbeOfEveryVersion()
{
    QFETCH(QString, version);
    QFETCH(bool, single);
    QFETCH(int, modes);
    QFETCH(bool, compress);
    // Non-square and non-symmetric, so a transposition or a swapped mode axis fails.
    const std::size_t h = 3, w = 5, m = std::size_t(modes);
    const auto values = field(m, h, w);
    const std::vector<std::size_t> dims
        = m > 1 ? std::vector<std::size_t> { h, w, m } : std::vector<std::size_t> { h, w };
    {
        testwriters::MatOut out(path("recon.mat"), version.toStdString(), compress);
        out.doubles("dx", { 1, 1 }, { 12.5e-9 });
        out.complexes("probe", dims, testwriters::toMatlabOrder(values, m, h, w), single);
        out.doubles("energy", { 1, 1 }, { 8.0 });
    }
    const auto probe = engine::importProbe(path("recon.mat"));
    QVERIFY(probe.isComplex);
    QCOMPARE(probe.source, std::string("probe"));
    QVERIFY2(probe.stored.starts_with("MATLAB " + version.toStdString() + " complex"),
        probe.stored.c_str());
    QCOMPARE(probe.complex.modes.size(), m);
    QCOMPARE(probe.complex.width, w);
    QCOMPARE(probe.complex.height, h);
    const double tolerance = single ? 1e-6 : 1e-12;
    for (std::size_t k = 0; k < m; ++k)
        for (std::size_t i = 0; i < h * w; ++i)
            QVERIFY(std::abs(probe.complex.modes[k][i] - values[k * h * w + i]) < tolerance);
    // A known corner: P(1, 5, end) in MATLAB is row 0, column 4 of the last mode.
    QVERIFY(std::abs(probe.complex.modes[m - 1][4] - values[(m - 1) * h * w + 4]) < tolerance);
    QCOMPARE(probe.complex.pixelSize, 12.5e-9);
    QCOMPARE(probe.intensity.spacing().x, 12.5e-9);
    QVERIFY(std::abs(probe.complex.wavelength - engine::photonWavelength(8.0)) < 1e-18);

    // The same probe as a .npy (modes, ny, nx) comes out identical: one orientation.
    Bytes data = testwriters::raw(values);
    testwriters::writeFile(path("same.npy"), testwriters::npy("<c16", { m, h, w }, data));
    const auto npy = engine::importProbe(path("same.npy"));
    for (std::size_t k = 0; k < m; ++k)
        for (std::size_t i = 0; i < h * w; ++i)
            QVERIFY(std::abs(probe.complex.modes[k][i] - npy.complex.modes[k][i]) < tolerance);
}

void TestProbeImport::matV4RealProbeIsAnIntensity()
{
    const std::size_t h = 4, w = 6;
    std::vector<double> columnMajor(h * w);
    for (std::size_t x = 0; x < w; ++x)
        for (std::size_t y = 0; y < h; ++y)
            columnMajor[x * h + y] = 1.0 + double(x) + 10.0 * double(y);
    {
        testwriters::MatOut out(path("psf.mat"), "4");
        out.doubles("psf", { h, w }, columnMajor);
        out.doubles("pixel_size", { 1, 1 }, { 40e-9 });
    }
    const auto probe = engine::importProbe(path("psf.mat"));
    QVERIFY(!probe.isComplex);
    QCOMPARE(probe.source, std::string("psf")); // the only array
    QVERIFY2(probe.stored.starts_with("MATLAB 4 double [4 6]"), probe.stored.c_str());
    QCOMPARE(probe.intensity.width(), w);
    QCOMPARE(probe.intensity.height(), h);
    QCOMPARE(probe.intensity.at(5, 0), 6.0f); // psf(1, 6)
    QCOMPARE(probe.intensity.at(0, 3), 31.0f); // psf(4, 1)
    QCOMPARE(probe.intensity.at(2, 1), 13.0f); // psf(2, 3)
    QCOMPARE(probe.intensity.spacing().x, 40e-9);
    // The options override the file's pixel size.
    QCOMPARE(engine::importProbe(path("psf.mat"), { "", 7e-9, 0 }).intensity.spacing().x, 7e-9);
}

void TestProbeImport::matVariableChosenByName()
{
    const auto values = field(1, 3, 4);
    {
        testwriters::MatOut out(path("named.mat"), "5");
        out.complexes("P_rec", { 3, 4 }, testwriters::toMatlabOrder(values, 1, 3, 4));
        out.complexes("object", { 8, 8 }, field(1, 8, 8));
    }
    // Neither probe nor probeGuess, and two arrays: the error names what the file has.
    QString message = errorOf([&] { engine::importProbe(path("named.mat")); });
    QVERIFY2(message.contains("no probe found") && message.contains("P_rec [3 4] complex double")
            && message.contains("object [8 8]") && message.contains("--dataset"),
        qPrintable(message));
    const auto probe = engine::importProbe(path("named.mat"), { "P_rec", 0, 0 });
    QCOMPARE(probe.source, std::string("P_rec"));
    QCOMPARE(probe.complex.width, std::size_t(4));
    QVERIFY(std::abs(probe.complex.modes[0][1 * 4 + 3] - values[1 * 4 + 3]) < 1e-12);
    message = errorOf([&] { engine::importProbe(path("named.mat"), { "probe", 0, 0 }); });
    QVERIFY2(message.contains("no variable 'probe'") && message.contains("P_rec")
            && message.contains("object"),
        qPrintable(message));
}

void TestProbeImport::matProbeInsideAStruct()
{
    const auto values = field(1, 3, 5);
    {
        testwriters::MatOut out(path("struct.mat"), "5", true);
        out.structWithComplexField(
            "recon", "probe", { 3, 5 }, testwriters::toMatlabOrder(values, 1, 3, 5));
    }
    const auto probe = engine::importProbe(path("struct.mat"));
    QCOMPARE(probe.source, std::string("recon.probe"));
    QCOMPARE(probe.complex.width, std::size_t(5));
    QCOMPARE(probe.complex.height, std::size_t(3));
    QVERIFY(std::abs(probe.complex.modes[0][2 * 5 + 1] - values[2 * 5 + 1]) < 1e-12);
}

void TestProbeImport::matBadFilesGiveClearErrors_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("expected");
    QTest::newRow("v5 truncated in the data") << "truncate"
                                              << "truncated";
    QTest::newRow("v5 compressed, truncated") << "truncate compressed"
                                              << "truncated";
    QTest::newRow("v5 header only") << "header only"
                                    << "holds: no variables";
    QTest::newRow("7.3 truncated") << "truncate 7.3"
                                   << "truncated";
    QTest::newRow("v5 declares 2^62 elements") << "huge dims"
                                               << "2^31";
    QTest::newRow("v5 declares more than the file holds") << "large dims"
                                                          << "can hold";
    QTest::newRow(".mat that is no MAT-file") << "garbage"
                                              << "not a MATLAB MAT-file";
    QTest::newRow("v5 with NaN") << "nan"
                                 << "NaN";
}

void TestProbeImport::matBadFilesGiveClearErrors()
{
    QFETCH(QString, damage);
    QFETCH(QString, expected);
    const std::string file = path("bad.mat");
    const std::size_t n = 64;
    auto values = field(1, n, n);
    if (damage == "nan")
        values[7] = { std::nan(""), 0.0 };
    {
        testwriters::MatOut out(
            file, damage.contains("7.3") ? "7.3" : "5", damage.contains("compressed"));
        out.complexes("probe", { n, n }, values);
    }
    std::vector<char> bytes;
    {
        std::ifstream in(file, std::ios::binary | std::ios::ate);
        bytes.resize(std::size_t(in.tellg()));
        in.seekg(0);
        in.read(bytes.data(), std::streamsize(bytes.size()));
    }
    if (damage.startsWith("truncate"))
        bytes.resize(bytes.size() / 2);
    else if (damage == "header only")
        bytes.resize(128);
    else if (damage == "garbage")
        bytes.assign(300, '\x07');
    // An uncompressed v5 matrix: 128-byte header, the matrix tag (8), array flags (16), the
    // dimensions' tag (8), then the int32 dimensions.
    const auto setDims = [&](std::int32_t rows, std::int32_t columns) {
        std::memcpy(bytes.data() + 160, &rows, 4);
        std::memcpy(bytes.data() + 164, &columns, 4);
    };
    if (damage == "huge dims")
        setDims(0x7fffffff, 0x7fffffff);
    else if (damage == "large dims")
        setDims(40000, 40000);
    testwriters::writeFile(file, Bytes(bytes.begin(), bytes.end()));
    const QString message = errorOf([&] { engine::importProbe(file); });
    QVERIFY2(message.contains(expected), qPrintable(message));
}

void TestProbeImport::tiffRealImaginaryPages()
{
    const auto values = field(1, 6, 8);
    engine::Image pages(8, 6, 1, 2);
    for (std::size_t i = 0; i < values.size(); ++i) {
        pages.plane(0)[i] = float(values[i].real());
        pages.plane(1)[i] = float(values[i].imag());
    }
    pages.setChannelNames({ "real", "imag" });
    pages.setSpacing({ 10e-9, 10e-9, 0 });
    engine::writeImage(pages, path("probe.tif"));
    const auto probe = engine::importProbe(path("probe.tif"));
    QVERIFY(probe.isComplex);
    QCOMPARE(probe.complex.modes.size(), std::size_t(1));
    QVERIFY(std::abs(probe.complex.pixelSize - 10e-9) < 1e-15);
    for (std::size_t i = 0; i < values.size(); ++i)
        QVERIFY(std::abs(probe.complex.modes[0][i] - values[i]) < 1e-6);
}

void TestProbeImport::tiffStackUsesBrightestPlane()
{
    engine::Image stack(9, 9, 3);
    for (std::size_t z = 0; z < 3; ++z)
        stack.at(4, 4, z) = z == 1 ? 1.0f : 0.3f;
    stack.at(3, 4, 1) = 0.5f;
    engine::writeImage(stack, path("beads.tif"));
    const auto probe = engine::importProbe(path("beads.tif"));
    QVERIFY(!probe.isComplex);
    QCOMPARE(probe.intensity.at(3, 4), 0.5f);
    QCOMPARE(probe.notes.size() >= 1, true);
    QVERIFY(QString::fromStdString(probe.notes.front()).contains("plane 1"));
}

void TestProbeImport::negativeOrNanIntensityIsRefused()
{
    std::vector<float> psf(16, 0.1f);
    psf[5] = -0.05f;
    testwriters::writeFile(
        path("neg.npy"), testwriters::npy("<f4", { 4, 4 }, testwriters::raw(psf)));
    QString message = errorOf([&] { engine::importProbe(path("neg.npy")); });
    QVERIFY2(message.contains("negative"), qPrintable(message));
    psf[5] = std::nanf("");
    testwriters::writeFile(
        path("nan.npy"), testwriters::npy("<f4", { 4, 4 }, testwriters::raw(psf)));
    message = errorOf([&] { engine::importProbe(path("nan.npy")); });
    QVERIFY2(message.contains("NaN"), qPrintable(message));
    // Rounding noise below zero, as background subtraction leaves it, is clipped.
    psf[5] = -1e-12f;
    testwriters::writeFile(
        path("tiny.npy"), testwriters::npy("<f4", { 4, 4 }, testwriters::raw(psf)));
    QCOMPARE(engine::importProbe(path("tiny.npy")).intensity.at(1, 1), 0.0f);
}

void TestProbeImport::importedComplexProbePropagatesLikeSimulated()
{
    engine::ZonePlateOptics optics;
    optics.gridSize = 128;
    optics.pixelSize = 10e-9;
    const auto focus = engine::focusedProbe(optics);
    testwriters::writeFile(path("focus.npy"),
        testwriters::npy("<c16", { 128, 128 }, testwriters::raw(focus.modes[0])));
    const auto probe = engine::importProbe(path("focus.npy"), { "", 10e-9, optics.energyKeV });
    engine::KernelOptions options;
    options.size = 32;
    for (double d : { 0.0, 4e-6, -7e-6 }) {
        const auto imported = engine::importedKernel(probe, d, options);
        const auto simulated = engine::probeKernel(engine::simulateProbe(optics, d), options);
        double worst = 0.0;
        for (std::size_t i = 0; i < imported.size(); ++i)
            worst = std::max(worst, double(std::abs(imported.data()[i] - simulated.data()[i])));
        QVERIFY2(worst < 1e-5, qPrintable(QString("d = %1: differs by %2").arg(d).arg(worst)));
    }
    // Without the energy the probe cannot be propagated, and the message says so.
    const auto noEnergy = engine::importProbe(path("focus.npy"), { "", 10e-9, 0 });
    const QString message = errorOf([&] { engine::importedKernel(noEnergy, 3e-6, options); });
    QVERIFY2(message.contains("energy"), qPrintable(message));
}

void TestProbeImport::intensityPsfCannotBePropagated()
{
    std::vector<float> psf(9 * 9, 0.0f);
    psf[4 * 9 + 5] = 1.0f; // off-centre by one pixel: the kernel is centred on it
    testwriters::writeFile(path("d.npy"), testwriters::npy("<f4", { 9, 9 }, testwriters::raw(psf)));
    const auto probe = engine::importProbe(path("d.npy"));
    engine::KernelOptions options;
    options.size = 7;
    const auto kernel = engine::importedKernel(probe, 0.0, options);
    // Centred on the delta, and trimmed of the zeros around it: a 1 x 1 identity kernel.
    QCOMPARE(kernel.width(), std::size_t(1));
    QCOMPARE(kernel.at(0, 0), 1.0f);
    const QString message = errorOf([&] { engine::importedKernel(probe, 5e-6, options); });
    QVERIFY2(message.contains("cannot be propagated"), qPrintable(message));
}

void TestProbeImport::fitDefocusFindsTheSimulatedDefocus_data()
{
    QTest::addColumn<double>("defocus");
    for (double d : { 0.1, 3.0, 4.0, 8.5, 12.5 })
        QTest::newRow(qPrintable(QString("%1 um").arg(d))) << d;
}

void TestProbeImport::fitDefocusFindsTheSimulatedDefocus()
{
    QFETCH(double, defocus);
    engine::ZonePlateOptics optics;
    engine::KernelOptions options;
    options.imagePixelSize = 10e-9;
    const auto kernel = engine::probeKernel(engine::simulateProbe(optics, defocus * 1e-6), options);
    const auto fit = engine::fitDefocus(kernel, optics, options);
    QVERIFY2(std::abs(fit.defocus * 1e6 - defocus) < 0.15,
        qPrintable(QString("fitted %1 um").arg(fit.defocus * 1e6)));
    QVERIFY(fit.residual < 0.02);
    QVERIFY(!fit.atLimit);
    QCOMPARE(fit.scan.size(), std::size_t(41));
}

void TestProbeImport::sharedXfelProbe()
{
    const QString file = sharedData() + "/probe_xfel_ptychopinn/probe_Run1084.npy";
    if (!QFile::exists(file))
        QSKIP("../shared/data/probe_xfel_ptychopinn is absent; skipping the real XFEL probe.");
    const auto probe = engine::importProbe(file.toStdString());
    QVERIFY(probe.isComplex);
    QCOMPARE(probe.complex.width, std::size_t(64));
    QCOMPARE(probe.complex.height, std::size_t(64));
    QCOMPARE(probe.complex.modes.size(), std::size_t(1));
    engine::KernelOptions options;
    options.supportFraction = 0;
    const auto kernel = engine::importedKernel(probe, 0.0, options);
    double sum = 0;
    for (float v : kernel.values())
        sum += v;
    QVERIFY(std::abs(sum - 1.0) < 1e-5);
    // The same probe from the .npz it was extracted from.
    const QString npz = sharedData() + "/probe_xfel_ptychopinn/Run1084_recon3_postPC.npz";
    const auto fromNpz = engine::importProbe(npz.toStdString());
    QCOMPARE(fromNpz.source, std::string("probeGuess"));
    QVERIFY(fromNpz.complex.modes[0] == probe.complex.modes[0]);
}

void TestProbeImport::sharedBeadPsf()
{
    const QString file = sharedData() + "/psf_confocal_beads/psf_averaged_from_beads.tif";
    if (!QFile::exists(file))
        QSKIP("../shared/data/psf_confocal_beads is absent; skipping the real bead PSF.");
    const auto probe = engine::importProbe(file.toStdString(), { "", 22.5e-9, 0 });
    QVERIFY(!probe.isComplex);
    QCOMPARE(probe.intensity.width(), std::size_t(45));
    // The brightest plane of the 45-plane stack is z = 26 (the README's maximum).
    QVERIFY(QString::fromStdString(probe.notes.front()).contains("plane 26"));
    const auto kernel = engine::importedKernel(probe, 0.0, {});
    // A confocal bead PSF is far wider than the default zone plate's focus: at 20 µm the fit
    // is still at its limit, and says so; a wider range finds a minimum inside it.
    QVERIFY(engine::fitDefocus(kernel, engine::ZonePlateOptics {}).atLimit);
    const auto fit = engine::fitDefocus(kernel, engine::ZonePlateOptics {}, {}, 60e-6);
    QVERIFY(!fit.atLimit);
    QVERIFY(std::isfinite(fit.defocus) && fit.defocus > 20e-6 && fit.defocus < 60e-6);
    QVERIFY(fit.residual > 0.3); // and it is not a zone-plate probe
    qInfo("bead PSF: best-fitting zone-plate defocus %.2f um, residual %.3f", fit.defocus * 1e6,
        fit.residual);
}

QTEST_GUILESS_MAIN(TestProbeImport)
#include "tst_probeimport.moc"
