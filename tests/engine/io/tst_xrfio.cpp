#include "engine/core/exception.h"
#include "engine/io/imageio.h"
#include "engine/io/xrfio.h"

#include "tests/engine/support/expecterror.h"
#include "tests/engine/support/testwriters.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
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

} // namespace

class TestXrfIo : public QObject
{
    Q_OBJECT

private slots:
    void pyxrfMapsOpenAsNamedChannels();
    void xrfMapsPrefersFittedAndTakesAnAnalysisByName();
    void nonFiniteValuesAreZeroedAndCounted();
    void mismatchedNamesAreRefused();
    void otherHdf5FilesAreRefusedClearly();

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

QTEST_GUILESS_MAIN(TestXrfIo)
#include "tst_xrfio.moc"
