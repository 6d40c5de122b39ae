#include "engine/core/exception.h"
#include "engine/io/imageio.h"
#include "engine/io/xrfio.h"

#include "tests/engine/support/expecterror.h"
#include "tests/engine/support/testwriters.h"
#include "tests/engine/support/throughhelper.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>

using namespace latentlens;
using latentlens::testing::errorOf;

namespace {

std::vector<double> maps(std::size_t elements, std::size_t h, std::size_t w)
{
    std::vector<double> v(elements * h * w);
    for (std::size_t i = 0; i < v.size(); ++i)
        v[i] = double(i % 97) + 0.5 * double(i / (h * w));
    return v;
}

// How a test file's scan positions are spoiled.
enum class Defect { None, NonUniformX, NonUniformY, MissingY, ShortX, Jitter };

// Positions start + i * step, one step made twice as long when `uneven`.
std::vector<double> axis(std::size_t n, double start, double step, bool uneven)
{
    std::vector<double> v(n);
    for (std::size_t i = 0; i < n; ++i)
        v[i] = start + double(i) * step + (uneven && i >= n / 2 ? step : 0.0);
    return v;
}

// Maps of 2 elements, 6 rows by 8 columns, with scan positions of the steps given in the
// layout's own unit (XRF-Maps: µm per axis; PyXRF: mm per pixel).
void writeScan(
    const std::string& path, const QString& layout, double stepX, double stepY, Defect defect)
{
    const std::size_t ny = 6, nx = 8;
    testwriters::Hdf5Out out(path);
    const auto xs
        = axis(defect == Defect::ShortX ? nx - 1 : nx, 10.0, stepX, defect == Defect::NonUniformX);
    const auto ys = axis(ny, -3.0, stepY, defect == Defect::NonUniformY);
    if (layout == "XRF-Maps") {
        out.doubles("/MAPS/XRF_Analyzed/Fitted/Counts_Per_Sec", { 2, ny, nx }, maps(2, ny, nx));
        out.strings("/MAPS/XRF_Analyzed/Fitted/Channel_Names", { "Fe", "Zn" }, false);
        out.doubles("/MAPS/Scan/x_axis", { xs.size() }, xs);
        if (defect != Defect::MissingY)
            out.doubles("/MAPS/Scan/y_axis", { ny }, ys);
        return;
    }
    out.doubles("/xrfmap/detsum/xrf_fit", { 2, ny, nx }, maps(2, ny, nx));
    out.strings("/xrfmap/detsum/xrf_fit_name", { "Fe_K", "Zn_K" }, true);
    if (defect == Defect::MissingY)
        return; // PyXRF keeps x and y together: both are missing
    std::vector<double> pos(2 * ny * xs.size());
    std::uint64_t state = 12345; // a fly scan's encoder jitter, seeded
    auto jitter = [&](double step) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return defect == Defect::Jitter ? step * 0.06 * (double(state >> 11) / 0x1p53 - 0.5) : 0.0;
    };
    for (std::size_t r = 0; r < ny; ++r)
        for (std::size_t c = 0; c < xs.size(); ++c) {
            pos[r * xs.size() + c] = xs[c] + jitter(stepX);
            pos[(ny + r) * xs.size() + c] = ys[r] + jitter(stepY);
        }
    out.doubles("/xrfmap/positions/pos", { 2, ny, xs.size() }, pos);
}

} // namespace

Q_DECLARE_METATYPE(Defect)

class TestXrfIo : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { testing::readThroughHelperWhenAsked(); }
    void pyxrfMapsOpenAsNamedChannels();
    void xrfMapsPrefersFittedAndTakesAnAnalysisByName();
    void nonFiniteValuesAreZeroedAndCounted();
    void mismatchedNamesAreRefused();
    void otherHdf5FilesAreRefusedClearly();
    void pixelSizeComesFromTheScan_data();
    void pixelSizeComesFromTheScan();
    void analysesAreListedAndChosenByName();
    void hdf5IsRecognisedByContent_data();
    void hdf5IsRecognisedByContent();

private:
    QTemporaryDir mDir;
    std::string path(const char* name) const { return mDir.filePath(name).toStdString(); }
};

void TestXrfIo::pyxrfMapsOpenAsNamedChannels()
{
    const auto values = maps(3, 10, 12);
    {
        testwriters::Hdf5Out out(path("scan2D_1234.h5"));
        out.doubles("/xrfmap/detsum/xrf_fit", { 3, 10, 12 }, values);
        out.strings("/xrfmap/detsum/xrf_fit_name", { "Fe_K", "Zn_K", "Ca_K" }, true);
    }
    // Through readImage, which recognises HDF5 by its signature, as the studio opens it.
    const auto image = engine::readImage(path("scan2D_1234.h5"));
    QCOMPARE(image.width(), std::size_t(12));
    QCOMPARE(image.height(), std::size_t(10));
    QCOMPARE(image.channels(), std::size_t(3));
    QCOMPARE(image.channelNames(), (std::vector<std::string> { "Fe_K", "Zn_K", "Ca_K" }));
    QCOMPARE(image.at(5, 7, image.planeIndex(2, 0, 0)), float(values[(2 * 10 + 7) * 12 + 5]));
    QCOMPARE(image.intensityScale(), 1.0);
}

void TestXrfIo::xrfMapsPrefersFittedAndTakesAnAnalysisByName()
{
    {
        testwriters::Hdf5Out out(path("MAPS.h5"));
        out.doubles("/MAPS/XRF_Analyzed/ROI/Counts_Per_Sec", { 2, 4, 5 }, maps(2, 4, 5));
        out.strings("/MAPS/XRF_Analyzed/ROI/Channel_Names", { "P", "S" }, false);
        auto fitted = maps(2, 4, 5);
        for (auto& v : fitted)
            v += 1000;
        out.doubles("/MAPS/XRF_Analyzed/Fitted/Counts_Per_Sec", { 2, 4, 5 }, fitted);
        out.strings("/MAPS/XRF_Analyzed/Fitted/Channel_Names", { "Cu", "Zn" }, false);
    }
    const auto fitted = engine::readXrfMaps(path("MAPS.h5"));
    QCOMPARE(fitted.channelNames(), (std::vector<std::string> { "Cu", "Zn" }));
    QCOMPARE(fitted.at(0, 0), 1000.0f);
    const auto roi = engine::readXrfMaps(path("MAPS.h5"), "ROI");
    QCOMPARE(roi.channelNames(), (std::vector<std::string> { "P", "S" }));
    QCOMPARE(roi.at(0, 0), 0.0f);
    const QString message = errorOf([&] { engine::readXrfMaps(path("MAPS.h5"), "NNLS"); });
    QVERIFY2(message.contains("no analysis 'NNLS'") && message.contains("Fitted, ROI"),
        qPrintable(message));
}

void TestXrfIo::nonFiniteValuesAreZeroedAndCounted()
{
    auto values = maps(1, 3, 3);
    values[4] = std::nan("");
    values[5] = std::numeric_limits<double>::infinity();
    {
        testwriters::Hdf5Out out(path("nan.h5"));
        out.doubles("/xrfmap/detsum/xrf_fit", { 1, 3, 3 }, values);
        out.strings("/xrfmap/detsum/xrf_fit_name", { "K_K" }, false);
    }
    const auto image = engine::readXrfMaps(path("nan.h5"));
    QCOMPARE(image.at(1, 1), 0.0f);
    QCOMPARE(image.at(2, 1), 0.0f);
    QVERIFY(image.allFinite());
    const auto provenance = nlohmann::json::parse(image.provenance());
    QCOMPARE(provenance["non_finite_values_set_to_zero"].get<int>(), 2);
}

void TestXrfIo::mismatchedNamesAreRefused()
{
    {
        testwriters::Hdf5Out out(path("mismatch.h5"));
        out.doubles("/xrfmap/detsum/xrf_fit", { 3, 2, 2 }, maps(3, 2, 2));
        out.strings("/xrfmap/detsum/xrf_fit_name", { "Fe_K", "Zn_K" }, true);
    }
    const QString message = errorOf([&] { engine::readXrfMaps(path("mismatch.h5")); });
    QVERIFY2(
        message.contains("names 2 elements") && message.contains("3 maps"), qPrintable(message));
}

void TestXrfIo::otherHdf5FilesAreRefusedClearly()
{
    {
        testwriters::Hdf5Out out(path("other.h5"));
        out.doubles("/entry/data", { 2, 2 }, { 1, 2, 3, 4 });
    }
    const QString message = errorOf([&] { engine::readImage(path("other.h5")); });
    QVERIFY2(
        message.contains("xrf_fit") && message.contains("Counts_Per_Sec"), qPrintable(message));
    // A truncated HDF5 file is an error, not a crash.
    testwriters::writeFile(path("cut.h5"), { 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n', 0, 0 });
    QVERIFY(!errorOf([&] { engine::readImage(path("cut.h5")); }).isEmpty());
}

void TestXrfIo::pixelSizeComesFromTheScan_data()
{
    QTest::addColumn<QString>("layout");
    QTest::addColumn<double>("stepX");
    QTest::addColumn<double>("stepY");
    QTest::addColumn<Defect>("defect");
    QTest::addColumn<double>("pixel"); // metres; 0 = unknown
    QTest::addColumn<QString>("warning"); // part of the warning; empty = none

    QTest::newRow("XRF-Maps 0.5 um") << "XRF-Maps" << 0.5 << 0.5 << Defect::None << 5e-7 << "";
    QTest::newRow("XRF-Maps scanned right to left")
        << "XRF-Maps" << -0.25 << 0.25 << Defect::None << 2.5e-7 << "";
    QTest::newRow("PyXRF 0.5 um in mm") << "PyXRF" << 5e-4 << 5e-4 << Defect::None << 5e-7 << "";
    QTest::newRow("PyXRF fly scan, 3% jitter")
        << "PyXRF" << 2e-3 << 2e-3 << Defect::Jitter << 2e-6 << "";
    QTest::newRow("XRF-Maps x not uniform")
        << "XRF-Maps" << 0.5 << 0.5 << Defect::NonUniformX << 0.0 << "x_axis is not uniform";
    QTest::newRow("PyXRF y not uniform")
        << "PyXRF" << 5e-4 << 5e-4 << Defect::NonUniformY << 0.0 << "(y) is not uniform";
    QTest::newRow("XRF-Maps y axis missing")
        << "XRF-Maps" << 0.5 << 0.5 << Defect::MissingY << 0.0 << "no scan axis /MAPS/Scan/y_axis";
    QTest::newRow("PyXRF positions missing")
        << "PyXRF" << 5e-4 << 5e-4 << Defect::MissingY << 0.0 << "no scan positions";
    QTest::newRow("XRF-Maps x axis too short")
        << "XRF-Maps" << 0.5 << 0.5 << Defect::ShortX << 0.0 << "7 positions for 8 pixels";
    QTest::newRow("PyXRF positions of another shape")
        << "PyXRF" << 5e-4 << 5e-4 << Defect::ShortX << 0.0 << "not (2, 6, 8)";
    QTest::newRow("XRF-Maps x and y steps differ")
        << "XRF-Maps" << 0.5 << 1.0 << Defect::None << 0.0 << "scan steps differ";
}

void TestXrfIo::pixelSizeComesFromTheScan()
{
    QFETCH(QString, layout);
    QFETCH(double, stepX);
    QFETCH(double, stepY);
    QFETCH(Defect, defect);
    QFETCH(double, pixel);
    QFETCH(QString, warning);
    writeScan(path("scan.h5"), layout, stepX, stepY, defect);
    std::vector<std::string> warnings;
    const auto image = engine::readImage(path("scan.h5"), {}, &warnings);
    // The maps are read whatever their geometry.
    QCOMPARE(image.width(), std::size_t(8));
    QCOMPARE(image.height(), std::size_t(6));
    QCOMPARE(image.channels(), std::size_t(2));
    QCOMPARE(image.at(3, 4, 1), float(maps(2, 6, 8)[(6 + 4) * 8 + 3]));
    QVERIFY2(std::abs(image.spacing().x - pixel) <= 0.01 * pixel,
        qPrintable(QString::number(image.spacing().x)));
    QCOMPARE(image.spacing().y, image.spacing().x);
    const auto provenance = nlohmann::json::parse(image.provenance());
    QCOMPARE(provenance["pixel_size_m"].get<double>(), image.spacing().x);
    if (warning.isEmpty()) {
        QVERIFY2(warnings.empty(), warnings.empty() ? "" : warnings.front().c_str());
        QVERIFY(!provenance.contains("warnings"));
    } else {
        QCOMPARE(warnings.size(), std::size_t(1));
        const QString text = QString::fromStdString(warnings.front());
        QVERIFY2(text.contains(warning) && text.contains("pixel size is left unknown"),
            qPrintable(text));
        QCOMPARE(provenance["warnings"][0].get<std::string>(), warnings.front());
    }
}

void TestXrfIo::analysesAreListedAndChosenByName()
{
    {
        testwriters::Hdf5Out out(path("three.h5"));
        for (const auto& [name, offset] : { std::pair { "ROI", 0.0 }, std::pair { "NNLS", 500.0 },
                 std::pair { "Fitted", 1000.0 } }) {
            auto values = maps(2, 4, 5);
            for (auto& v : values)
                v += offset;
            const std::string group = std::string("/MAPS/XRF_Analyzed/") + name;
            out.doubles(group + "/Counts_Per_Sec", { 2, 4, 5 }, values);
            out.strings(group + "/Channel_Names", { "Cu", "Zn" }, false);
        }
        out.doubles("/MAPS/XRF_Analyzed/Notes/Something_Else", { 1 }, { 1.0 });
    }
    const auto analyses = engine::xrfAnalyses(path("three.h5"));
    QCOMPARE(analyses, (std::vector<std::string> { "Fitted", "NNLS", "ROI" }));
    QCOMPARE(engine::preferredXrfAnalysis(analyses), std::string("Fitted"));
    QCOMPARE(engine::preferredXrfAnalysis({ "ROI", "NNLS" }), std::string("NNLS"));
    QCOMPARE(engine::preferredXrfAnalysis({ "Zeta", "Alpha" }), std::string("Zeta"));
    QCOMPARE(engine::preferredXrfAnalysis({}), std::string());

    std::vector<std::string> warnings;
    const auto nnls = engine::readImage(path("three.h5"), { "NNLS" }, &warnings);
    QCOMPARE(nnls.at(0, 0), 500.0f);
    QCOMPARE(nlohmann::json::parse(nnls.provenance())["analysis"].get<std::string>(),
        std::string("NNLS"));
    // No scan axes in this file: the pixel size is unknown, and the reader says so.
    QCOMPARE(nnls.spacing().x, 0.0);
    QCOMPARE(warnings.size(), std::size_t(1));

    // A PyXRF file holds one fit and no analyses; naming one is a warning, not an error.
    writeScan(path("pyxrf.h5"), "PyXRF", 5e-4, 5e-4, Defect::None);
    QVERIFY(engine::xrfAnalyses(path("pyxrf.h5")).empty());
    warnings.clear();
    engine::readImage(path("pyxrf.h5"), { "NNLS" }, &warnings);
    QCOMPARE(warnings.size(), std::size_t(1));
    QVERIFY2(
        QString::fromStdString(warnings.front()).contains("ignored"), warnings.front().c_str());
    // Nor does a file that is not HDF5 have analyses.
    testwriters::writeFile(path("not.h5"), { 'h', 'e', 'l', 'l', 'o' });
    QVERIFY(engine::xrfAnalyses(path("not.h5")).empty());
}

void TestXrfIo::hdf5IsRecognisedByContent_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("userBlock");
    for (const char* name : { "map.h5t", "map.hdf", "map.nxs", "map", "map.tif" })
        QTest::newRow(name) << name << 0;
    QTest::newRow("signature at 512") << "blocked.h5" << 512;
}

void TestXrfIo::hdf5IsRecognisedByContent()
{
    QFETCH(QString, name);
    QFETCH(int, userBlock);
    const std::string file = path(qPrintable(name));
    {
        testwriters::Hdf5Out out(file, std::size_t(userBlock));
        out.doubles("/MAPS/XRF_Analyzed/ROI/Counts_Per_Sec", { 1, 3, 4 }, maps(1, 3, 4));
        out.doubles("/MAPS/Scan/x_axis", { 4 }, { 0.0, 0.1, 0.2, 0.3 });
        out.doubles("/MAPS/Scan/y_axis", { 3 }, { 5.0, 5.1, 5.2 });
    }
    const auto image = engine::readImage(file);
    QCOMPARE(image.width(), std::size_t(4));
    QCOMPARE(image.channelNames(), std::vector<std::string> { "map 1" });
    QVERIFY(std::abs(image.spacing().x - 1e-7) < 1e-12);
    QCOMPARE(engine::xrfAnalyses(file), std::vector<std::string> { "ROI" });
}

QTEST_GUILESS_MAIN(TestXrfIo)
#include "tst_xrfio.moc"
