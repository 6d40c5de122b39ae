#include "engine/buildinfo.h"
#include "engine/deconv/wiener.h"
#include "engine/forward/specimen.h"
#include "engine/io/imageio.h"
#include "engine/io/tiffio.h"
#include "engine/net/latentmodel.h"
#include "engine/probe/probe.h"

#include "tests/engine/support/testwriters.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <limits>
#include <unistd.h>

using namespace latentlens;

namespace {

struct Result
{
    int exitCode = -1;
    QString out;
    QString err;
};

Result runCli(const QStringList& args, const QProcessEnvironment& env = {})
{
    QProcess proc;
    if (!env.isEmpty())
        proc.setProcessEnvironment(env);
    proc.start(QStringLiteral(LATENTLENS_CLI_PATH), args);
    Result r;
    if (!proc.waitForFinished(120000))
        return r;
    r.exitCode = proc.exitStatus() == QProcess::NormalExit ? proc.exitCode() : -2;
    r.out = QString::fromUtf8(proc.readAllStandardOutput());
    r.err = QString::fromUtf8(proc.readAllStandardError());
    return r;
}

/// Starts the CLI with `args`; as root, who may read and write anywhere, as nobody, so that a
/// folder closed to others is closed to it too.
void startAsNobodyIfRoot(QProcess& process, const QStringList& args)
{
    if (::geteuid() == 0)
        process.start("setpriv",
            QStringList { "--reuid=65534", "--regid=65534", "--clear-groups", LATENTLENS_CLI_PATH }
                + args);
    else
        process.start(LATENTLENS_CLI_PATH, args);
}

/// Two 80 x 80 specimens (seeds 1 and 2) made by the CLI in `folder`: training data.
bool writeSpecimens(const QString& folder)
{
    if (!QDir().mkpath(folder))
        return false;
    for (int seed = 1; seed <= 2; ++seed)
        if (runCli({ "specimen", "--size", "80", "--seed", QString::number(seed), "-o",
                       folder + QString("/s%1.tif").arg(seed) })
                .exitCode
            != 0)
            return false;
    return true;
}

engine::Image ramp(float offset)
{
    engine::Image img(32, 24, 2);
    for (std::size_t p = 0; p < 2; ++p)
        for (std::size_t y = 0; y < 24; ++y)
            for (std::size_t x = 0; x < 32; ++x)
                img.at(x, y, p) = float(x + y) / 60.0f + (p == 1 ? offset : 0.0f);
    return img;
}

// An XRF-Maps file of one element, 48 x 40, with the analyses Fitted and ROI (ROI twice
// Fitted) and scan axes of `stepUm` (one step doubled when `uneven`).
void writeXrfMaps(const std::string& path, double stepUm, bool uneven)
{
    const std::size_t ny = 40, nx = 48;
    std::vector<double> fitted(ny * nx), roi(ny * nx);
    for (std::size_t y = 0; y < ny; ++y)
        for (std::size_t x = 0; x < nx; ++x) {
            const double v = 0.2 + 0.3 * ((x / 6 + y / 5) % 2) + 0.01 * double(x);
            fitted[y * nx + x] = v;
            roi[y * nx + x] = 2.0 * v;
        }
    testwriters::Hdf5Out out(path);
    out.doubles("/MAPS/XRF_Analyzed/Fitted/Counts_Per_Sec", { 1, ny, nx }, fitted);
    out.strings("/MAPS/XRF_Analyzed/Fitted/Channel_Names", { "Zn" }, false);
    out.doubles("/MAPS/XRF_Analyzed/ROI/Counts_Per_Sec", { 1, ny, nx }, roi);
    out.strings("/MAPS/XRF_Analyzed/ROI/Channel_Names", { "Zn" }, false);
    std::vector<double> xs(nx), ys(ny);
    for (std::size_t i = 0; i < nx; ++i)
        xs[i] = 100.0 + stepUm * double(i) + (uneven && i > nx / 2 ? stepUm : 0.0);
    for (std::size_t i = 0; i < ny; ++i)
        ys[i] = -50.0 + stepUm * double(i);
    out.doubles("/MAPS/Scan/x_axis", { nx }, xs);
    out.doubles("/MAPS/Scan/y_axis", { ny }, ys);
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void helpAndVersion();
    void metricsText();
    void metricsJson();
    void probeWritesNormalisedKernel();
    void probeImportsAndPropagatesAComplexProbe();
    void probeImportsAPsfAndReportsItsDefocus();
    void probeImportErrorsLeaveNoFile();
    void specimenIsSeeded();
    void deblurImprovesEveryMethod_data();
    void deblurImprovesEveryMethod();
    void trainThenDeblurWithTheModel();
    void trainingKilledAtRandomResumesToTheSameWeights();
    void kernelAwareNetworkUsesTheKernelGiven();
    void deblurErrors_data();
    void deblurErrors();
    void deblurBatchIntoAFolder();
    void deblurBatchRefusesClashingOutputs();
    void blurWithDeltaKernelKeepsImage();
    void formatChoosesOmeTiffOrImageJ();
    void deblurReadsXrfMapsWithTheirAnalysisAndScanStep();
    void stackShorterThanDeclaredIsReported();
    void blurWithDefocusIsSeededAndLeavesNothingOnError();
    void errors_data();
    void errors();
    void fullDiskOrReadOnlyFolderLeavesNoFileBehind();
    void aUserModelIsLoadedThroughTheHelperUnchanged();
    void badInputsOfTheRobustnessTable_data();
    void badInputsOfTheRobustnessTable();

private:
    QTemporaryDir mDir;
    QString mA, mB, mSmall;
};

void TestCli::initTestCase()
{
    mA = mDir.filePath("a.tif");
    mB = mDir.filePath("b.tif");
    mSmall = mDir.filePath("small.tif");
    engine::writeTiff(ramp(0.0f), mA.toStdString());
    engine::writeTiff(ramp(0.125f), mB.toStdString());
    engine::writeTiff(engine::Image(16, 16), mSmall.toStdString());
}

void TestCli::helpAndVersion()
{
    auto r = runCli({ "--help" });
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("metrics"));
    r = runCli({ "metrics", "--help" });
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("--reference"));
    r = runCli({ "--version", "--json" });
    QCOMPARE(r.exitCode, 0);
    const auto v = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(v["latentlens"].toString(), QString("0.1.0"));
    QVERIFY(v["libraries"].toObject().contains("LibTorch"));
    QVERIFY(v["libraries"].toObject().contains("FFTW"));
    r = runCli({});
    QCOMPARE(r.exitCode, 2);
}

void TestCli::metricsText()
{
    const auto r = runCli({ "metrics", "--reference", mA, mB });
    QCOMPARE(r.exitCode, 0);
    // Plane 1 identical, plane 2 off by 1/8: PSNR = 20 log10(8) = 18.0618 dB.
    QVERIFY2(r.out.contains("plane 2  PSNR 18.0618 dB"), qPrintable(r.out));
    QVERIFY2(r.out.contains("plane 1  PSNR inf dB  SSIM 1.000000"), qPrintable(r.out));
}

void TestCli::metricsJson()
{
    const auto r = runCli({ "metrics", "--json", "--reference=" + mA, mB });
    QCOMPARE(r.exitCode, 0);
    const auto o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    const auto planes = o["planes"].toArray();
    QCOMPARE(planes.size(), 2);
    QVERIFY(planes[0].toObject()["psnr"].isNull()); // infinite
    QVERIFY(std::abs(planes[1].toObject()["psnr"].toDouble() - 20 * std::log10(8.0)) < 1e-4);
    QCOMPARE(planes[0].toObject()["ssim"].toDouble(), 1.0);
}

void TestCli::probeWritesNormalisedKernel()
{
    const QString out = mDir.filePath("k7.tif");
    const auto r = runCli({ "probe", "--defocus", "7", "--json", "-o", out });
    QCOMPARE(r.exitCode, 0);
    const auto o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o["size"].toInt(), 64);
    QVERIFY(o["r50_px"].toDouble() > 3 && o["r50_px"].toDouble() < 7);
    const auto k = engine::readTiff(out.toStdString());
    double sum = 0;
    for (float v : k.values())
        sum += v;
    QVERIFY(std::abs(sum - 1.0) < 1e-5);
    QVERIFY(std::abs(k.spacing().x - 5e-9) < 1e-18);
    QVERIFY(QString::fromStdString(k.provenance()).contains("\"operation\":\"probe\""));
}

void TestCli::probeImportsAndPropagatesAComplexProbe()
{
    engine::ZonePlateOptics optics;
    optics.gridSize = 128;
    optics.pixelSize = 10e-9;
    const auto focus = engine::focusedProbe(optics);
    const QString npy = mDir.filePath("focus.npy");
    testwriters::writeFile(npy.toStdString(),
        testwriters::npy("<c16", { 128, 128 }, testwriters::raw(focus.modes[0])));
    const QString imported = mDir.filePath("imported.tif"), simulated = mDir.filePath("sim.tif");
    const auto r = runCli({ "probe", "--import", npy, "--pixel-size", "1e-8", "--energy", "12",
        "--defocus", "5", "--size", "32", "--json", "-o", imported });
    QCOMPARE(r.exitCode, 0);
    const auto o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QVERIFY(o["import"].toObject()["complex"].toBool());
    QCOMPARE(o["import"].toObject()["stored"].toString(), QString("complex128 (128, 128)"));
    QCOMPARE(runCli({ "probe", "--defocus", "5", "--pixel-size", "1e-8", "--grid", "128", "--size",
                        "32", "-o", simulated })
                 .exitCode,
        0);
    const auto a = engine::readTiff(imported.toStdString()),
               b = engine::readTiff(simulated.toStdString());
    double worst = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        worst = std::max(worst, double(std::abs(a.data()[i] - b.data()[i])));
    QVERIFY2(worst < 1e-5, qPrintable(QString::number(worst)));
}

void TestCli::probeImportsAPsfAndReportsItsDefocus()
{
    engine::KernelOptions options;
    options.imagePixelSize = 10e-9;
    const auto psf
        = engine::probeKernel(engine::simulateProbe(engine::ZonePlateOptics {}, 6e-6), options);
    const QString npy = mDir.filePath("psf.npy"), out = mDir.filePath("psf.tif");
    testwriters::writeFile(npy.toStdString(),
        testwriters::npy("<f4", { psf.height(), psf.width() },
            testwriters::raw(std::vector<float>(psf.values().begin(), psf.values().end()))));
    const auto r
        = runCli({ "probe", "--import", npy, "--pixel-size", "1e-8", "--json", "-o", out });
    QCOMPARE(r.exitCode, 0);
    const auto o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QVERIFY(!o["import"].toObject()["complex"].toBool());
    QVERIFY2(std::abs(o["best_fit_defocus_um"].toDouble() - 6.0) < 0.2, qPrintable(r.out));
    // The PSF is used as it is: the kernel written is the PSF.
    const auto k = engine::readTiff(out.toStdString());
    QCOMPARE(k.width(), psf.width());
    const std::size_t c = psf.width() / 2;
    QVERIFY(std::abs(k.at(c, c) - psf.at(c, c)) < 1e-6);
    // It has no phase, so asking for another defocus is an error.
    const auto bad = runCli({ "probe", "--import", npy, "--defocus", "3", "-o", out + "x" });
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(bad.err.contains("cannot be propagated"), qPrintable(bad.err));
}

void TestCli::probeImportErrorsLeaveNoFile()
{
    const QString npy = mDir.filePath("line.npy"), out = mDir.filePath("never-k.tif");
    testwriters::writeFile(
        npy.toStdString(), testwriters::npy("<c8", { 64 }, testwriters::Bytes(64 * 8, 0)));
    auto r = runCli({ "probe", "--import", npy, "-o", out });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("1-D"), qPrintable(r.err));
    QVERIFY(!QFile::exists(out));
    r = runCli({ "probe", "--dataset", "/probe", "-o", out });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("needs --import"), qPrintable(r.err));
}

void TestCli::specimenIsSeeded()
{
    const QString a = mDir.filePath("s1.tif"), b = mDir.filePath("s2.tif");
    for (const auto& out : { a, b })
        QCOMPARE(
            runCli({ "specimen", "--width", "100", "--height", "60", "--seed", "9", "-o", out })
                .exitCode,
            0);
    const auto image = engine::readTiff(a.toStdString());
    QCOMPARE(image.width(), std::size_t(100));
    QCOMPARE(image.height(), std::size_t(60));
    const auto m = runCli({ "metrics", "--json", "--reference", a, b });
    QVERIFY(QJsonDocument::fromJson(m.out.toUtf8()).object()["identical"].toBool());
    QCOMPARE(runCli({ "specimen", "--size", "0", "-o", a }).exitCode, 2);
}

void TestCli::deblurImprovesEveryMethod_data()
{
    QTest::addColumn<QString>("method");
    QTest::newRow("wiener") << "wiener";
    QTest::newRow("rl") << "rl";
    QTest::newRow("hl") << "hl";
}

void TestCli::deblurImprovesEveryMethod()
{
    QFETCH(QString, method);
    const QString truth = mDir.filePath("dt.tif"), blurred = mDir.filePath("db.tif"),
                  out = mDir.filePath("dd_" + method + ".tif");
    if (!QFile::exists(blurred)) {
        QCOMPARE(runCli({ "specimen", "--size", "128", "--seed", "5", "-o", truth }).exitCode, 0);
        QCOMPARE(runCli({ "blur", "--defocus", "7", "--noise-var", "0.001", "--seed", "2", truth,
                            blurred })
                     .exitCode,
            0);
    }
    const auto r
        = runCli({ "deblur", "--method", method, "--defocus", "7", "--json", blurred, out });
    QCOMPARE(r.exitCode, 0);
    const auto o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QVERIFY2(std::abs(o["noise_sigma"].toArray()[0].toDouble() - std::sqrt(0.001)) < 0.005,
        qPrintable(r.out));
    auto psnrOf = [&](const QString& file) {
        const auto m = runCli({ "metrics", "--json", "--reference", truth, file });
        return QJsonDocument::fromJson(m.out.toUtf8()).object()["psnr"].toDouble();
    };
    const double before = psnrOf(blurred), after = psnrOf(out);
    QVERIFY2(after > before + 1.0, qPrintable(QString("%1 -> %2 dB").arg(before).arg(after)));
    QVERIFY(QString::fromStdString(engine::readTiff(out.toStdString()).provenance())
                .contains("\"operation\":\"deblur\""));
}

void TestCli::trainThenDeblurWithTheModel()
{
    const QString data = mDir.filePath("train");
    QVERIFY(writeSpecimens(data));
    const QString model = mDir.filePath("tiny.llm");
    const auto r = runCli({ "train", "--data", data, "--defocus", "0.1,3,7", "--reference", "3",
        "--epochs1", "1", "--epochs2", "1", "--batches", "2", "--batch-size", "2", "--crop", "32",
        "--grid", "128", "--size", "16", "--json", "-o", model });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object()["epochs"].toArray().size(), 2);
    const QString out = mDir.filePath("latent.tif");
    const auto d
        = runCli({ "deblur", "--method", "latent", "--model", model, "--defocus", "5", mA, out });
    QVERIFY2(d.exitCode == 0, qPrintable(d.err));
    QCOMPARE(engine::readTiff(out.toStdString()).width(), std::size_t(32));
    // The network reports the input's noise as the classical methods estimate it.
    const auto dj = runCli({ "deblur", "--method", "latent", "--model", model, "--defocus", "5",
        "--json", mA, mDir.filePath("latent-j.tif") });
    const auto wj = runCli({ "deblur", "--method", "wiener", "--defocus", "5", "--grid", "128",
        "--size", "16", "--json", mA, mDir.filePath("wiener-j.tif") });
    QVERIFY2(dj.exitCode == 0 && wj.exitCode == 0, qPrintable(dj.err + wj.err));
    const double networkSigma
        = QJsonDocument::fromJson(dj.out.toUtf8()).object()["noise_sigma"].toArray()[0].toDouble();
    QVERIFY(networkSigma > 0);
    QCOMPARE(networkSigma,
        QJsonDocument::fromJson(wj.out.toUtf8()).object()["noise_sigma"].toArray()[0].toDouble());
    // Given a kernel instead of a defocus, the best-fitting defocus is used and reported.
    const QString kernel = mDir.filePath("k5.tif");
    QCOMPARE(runCli({ "probe", "--defocus", "5", "--grid", "128", "--size", "16", "-o", kernel })
                 .exitCode,
        0);
    const auto k = runCli({ "deblur", "--method", "latent", "--model", model, "--kernel", kernel,
        mA, mDir.filePath("latent-k.tif") });
    QVERIFY2(k.exitCode == 0, qPrintable(k.err));
    QVERIFY2(k.err.contains("fits the model's probe at 4.99") || k.err.contains("at 5"),
        qPrintable(k.err));
    // Outside the trained range (0.1-7 µm, plus 10%): a clear error, no file.
    const auto far = runCli({ "deblur", "--method", "latent", "--model", model, "--defocus", "12",
        mA, mDir.filePath("never-latent.tif") });
    QCOMPARE(far.exitCode, 1);
    QVERIFY2(far.err.contains("outside that range"), qPrintable(far.err));
    QVERIFY(!QFile::exists(mDir.filePath("never-latent.tif")));
    if (!engine::cudaAvailable()) {
        const auto cuda = runCli({ "deblur", "--method", "latent", "--model", model, "--device",
            "cuda", "--defocus", "5", mA, mDir.filePath("never-cuda.tif") });
        QCOMPARE(cuda.exitCode, 1);
        QVERIFY2(cuda.err.contains("no CUDA device"), qPrintable(cuda.err));
        QVERIFY(!QFile::exists(mDir.filePath("never-cuda.tif")));
    }

    // eval: one image, two listed kernels and one between them, two methods.
    const QStringList evalArgs { "eval", "--data", data + "/s1.tif", "--methods", "nodeform,wiener",
        "--defocus", "0.1,7", "--unseen", "3.5", "--noise-var", "0.0001", "--size", "64",
        "--json" };
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert("LATENTLENS_MODEL", model); // the default model's override
    const auto e = runCli(evalArgs, env);
    QVERIFY2(e.exitCode == 0, qPrintable(e.err));
    const auto json = QJsonDocument::fromJson(e.out.toUtf8()).object();
    QCOMPARE(json["model"].toString(), model);
    QCOMPARE(json["device"].toString(), QString("cpu"));
    const auto cases = json["cases"].toArray();
    QCOMPARE(cases.size(), 9); // 3 kernels x (blurred + 2 methods)
    QMap<QString, double> blurredPsnr;
    for (const auto& c : cases) {
        const auto o = c.toObject();
        const bool unseen = std::abs(o["defocus_um"].toDouble() - 3.5) < 1e-9;
        QCOMPARE(o["trained"].toBool(), !unseen);
        const double psnr = o["psnr"].toDouble(), ssim = o["ssim"].toDouble();
        QVERIFY(std::isfinite(psnr) && ssim > -1 && ssim <= 1);
        const QString key = QString::number(o["defocus_um"].toDouble());
        if (o["method"].toString() == "blurred")
            blurredPsnr[key] = psnr;
        else if (o["method"].toString() == "wiener" && key == "7") // nearly noiseless: Wiener gains
            QVERIFY2(psnr > blurredPsnr[key] + 1.0,
                qPrintable(QString("%1 vs %2").arg(psnr).arg(blurredPsnr[key])));
    }
    // Seeded: a second run gives the same numbers.
    QCOMPARE(runCli(evalArgs, env).out, e.out);
    // The Markdown table marks the unseen kernel and has one column per method.
    auto table = evalArgs;
    table.removeAll("--json");
    table << "--model" << model;
    const auto t = runCli(table);
    QVERIFY2(t.exitCode == 0, qPrintable(t.err));
    QVERIFY2(t.out.contains("| defocus (µm) | blurred | nodeform | wiener |"), qPrintable(t.out));
    QVERIFY2(t.out.contains("| 3.5 (unseen) |"), qPrintable(t.out));
    QVERIFY2(t.out.contains("| mean, listed |"), qPrintable(t.out));
    QVERIFY2(t.out.contains("| 3.5 (0.1, 7) |"), qPrintable(t.out)); // the neighbour check
    // Bad calls.
    QCOMPARE(
        runCli({ "eval", "--model", model, "--data", data, "--methods", "magic" }).exitCode, 2);
    QCOMPARE(
        runCli({ "eval", "--model", model, "--data", mDir.filePath("nothing-here") }).exitCode, 1);
}

void TestCli::kernelAwareNetworkUsesTheKernelGiven()
{
    // Untrained models (zero epochs): the kernel-aware one returns Wiener exactly.
    const QString data = mDir.filePath("aware-data");
    QVERIFY(QDir().mkpath(data));
    QCOMPARE(
        runCli({ "specimen", "--size", "48", "--seed", "4", "-o", data + "/s.tif" }).exitCode, 0);
    const QString aware = mDir.filePath("aware.llm"), paper = mDir.filePath("paper.llm");
    // And one whose physics step pads by two kernel sizes.
    const QString wide = mDir.filePath("aware-wide.llm");
    for (const auto& [architecture, file] :
        { std::pair { "kernel", aware }, { "paper", paper }, { "kernel", wide } }) {
        QStringList args { "train", "--data", data, "--architecture", architecture, "--epochs1",
            "0", "--epochs2", "0", "--crop", "32", "--grid", "128", "--size", "16", "-o", file };
        if (file == wide)
            args << "--physics-padding"
                 << "2";
        const auto r = runCli(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
    for (const QString option :
        { "--physics-padding", "--physics-wide-padding", "--physics-low-noise-padding" })
        for (const auto& [architecture, padding] :
            { std::pair { "kernel", "0" }, { "kernel", "5" }, { "paper", "2" } }) {
            const auto bad = runCli({ "train", "--data", data, "--architecture", architecture,
                option, padding, "-o", mDir.filePath("never.llm") });
            QCOMPARE(bad.exitCode, 2);
            QVERIFY2(bad.err.contains(option), qPrintable(bad.err));
        }
    for (const auto& [architecture, views] :
        { std::pair { "kernel", "3" }, { "kernel", "0" }, { "paper", "4" } }) {
        const auto bad = runCli({ "train", "--data", data, "--architecture", architecture,
            "--ensemble-views", views, "-o", mDir.filePath("never.llm") });
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("--ensemble-views"), qPrintable(bad.err));
    }
    for (const QStringList& extra : { QStringList { "--physics-low-noise-below", "0.05" },
             QStringList { "--physics-low-noise-padding", "2", "--physics-low-noise-below", "-1" },
             QStringList { "--architecture", "paper", "--pixel-noise-map" } }) {
        const auto bad = runCli(
            QStringList { "train", "--data", data, "-o", mDir.filePath("never.llm") } + extra);
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(
            bad.err.contains(
                extra.last() == "--pixel-noise-map" ? extra.last() : "--physics-low-noise-below"),
            qPrintable(bad.err));
    }
    const auto wrong = runCli({ "train", "--data", data, "--architecture", "paper", "--epochs3",
        "2", "-o", mDir.filePath("never.llm") });
    QCOMPARE(wrong.exitCode, 2);
    QVERIFY2(wrong.err.contains("--epochs3"), qPrintable(wrong.err));
    QVERIFY(!QFileInfo::exists(mDir.filePath("never.llm")));
    // A Gaussian PSF, unlike the probe family: the network deconvolves with it.
    engine::Image gaussian(9, 9);
    for (std::size_t y = 0; y < 9; ++y)
        for (std::size_t x = 0; x < 9; ++x)
            gaussian.at(x, y)
                = float(std::exp(-((x - 4.0) * (x - 4.0) + (y - 4.0) * (y - 4.0)) / 4.0));
    const QString psf = mDir.filePath("gaussian.tif");
    engine::writeTiff(gaussian, psf.toStdString());
    const QString latent = mDir.filePath("aware-latent.tif"), wiener = mDir.filePath("aware-w.tif");
    const auto l = runCli({ "deblur", "--method", "latent", "--model", aware, "--kernel", psf,
        data + "/s.tif", latent });
    QVERIFY2(l.exitCode == 0, qPrintable(l.err));
    QVERIFY2(l.err.contains("deconvolves with the kernel given"), qPrintable(l.err));
    QCOMPARE(runCli({ "deblur", "--method", "wiener", "--kernel", psf, data + "/s.tif", wiener })
                 .exitCode,
        0);
    const auto a = engine::readTiff(latent.toStdString()),
               b = engine::readTiff(wiener.toStdString());
    QVERIFY(std::equal(a.values().begin(), a.values().end(), b.values().begin(), b.values().end()));
    // Four views of an untrained model: each is the Wiener estimate turned and turned back.
    const QString views = mDir.filePath("aware-views.tif");
    const auto v = runCli({ "deblur", "--method", "latent", "--model", aware, "--kernel", psf,
        "--ensemble-views", "4", data + "/s.tif", views });
    QVERIFY2(v.exitCode == 0, qPrintable(v.err));
    const auto averaged = engine::readTiff(views.toStdString());
    for (std::size_t i = 0; i < a.values().size(); ++i)
        QVERIFY(std::abs(averaged.values()[i] - a.values()[i]) <= 1e-6f);
    for (const QStringList& bad :
        { QStringList { "--method", "latent", "--model", aware, "--ensemble-views", "5" },
            QStringList { "--method", "wiener", "--ensemble-views", "4" } }) {
        const auto refused = runCli(QStringList { "deblur" } + bad
            + QStringList { "--kernel", psf, data + "/s.tif", mDir.filePath("never.tif") });
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains("--ensemble-views"), qPrintable(refused.err));
    }
    const auto paperViews = runCli({ "deblur", "--method", "latent", "--model", paper, "--defocus",
        "5", "--ensemble-views", "2", data + "/s.tif", mDir.filePath("never.tif") });
    QCOMPARE(paperViews.exitCode, 1);
    QVERIFY2(paperViews.err.contains("kernel-aware"), qPrintable(paperViews.err));
    QVERIFY(!QFileInfo::exists(mDir.filePath("never.tif")));
    // The wide model's physics step is Wiener with that padding.
    const QString wideLatent = mDir.filePath("aware-wide-latent.tif");
    QCOMPARE(runCli({ "deblur", "--method", "latent", "--model", wide, "--kernel", psf,
                        data + "/s.tif", wideLatent })
                 .exitCode,
        0);
    engine::WienerOptions padded;
    padded.padding = 2.0;
    const auto c = engine::readTiff(wideLatent.toStdString());
    const auto d = engine::Wiener(padded).run(
        engine::readTiff((data + "/s.tif").toStdString()), engine::readTiff(psf.toStdString()));
    auto largest = [](const engine::Image& x, const engine::Image& y) {
        float m = 0.0f;
        for (std::size_t i = 0; i < x.values().size(); ++i)
            m = std::max(m, std::abs(x.values()[i] - y.values()[i]));
        return m;
    };
    QCOMPARE(c.values().size(), d.values().size());
    QVERIFY(largest(c, d) < 1e-6f);
    QVERIFY(largest(c, a) > 1e-4f); // and not the panel's
    // eval --kernel: one case with the measured kernel; the paper's columns beside.
    const auto e = runCli({ "eval", "--model", aware, "--paper-model", paper, "--data", data,
        "--kernel", psf, "--methods", "latent,wiener,paper-latent", "--size", "32", "--json" });
    QVERIFY2(e.exitCode == 0, qPrintable(e.err));
    QMap<QString, double> psnr;
    for (const auto& row : QJsonDocument::fromJson(e.out.toUtf8()).object()["summary"].toArray())
        psnr[row.toObject()["method"].toString()] = row.toObject()["psnr"].toDouble();
    QCOMPARE(psnr.size(), 4); // blurred, latent, wiener, paper-latent
    QCOMPARE(psnr["latent"], psnr["wiener"]);
    QVERIFY(psnr["paper-latent"] != psnr["wiener"]);
    const auto noPaper = runCli(
        { "eval", "--model", aware, "--data", data, "--methods", "paper-latent", "--size", "32" });
    QCOMPARE(noPaper.exitCode, 2);
}

void TestCli::deblurErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown device") << QStringList { "deblur", "--method", "latent", "--device",
        "gpu", "--defocus", "3", "A", "OUT" }
                                    << 2 << "auto, cpu or cuda";
    QTest::newRow("unknown method") << QStringList { "deblur", "--method", "magic", "--defocus",
        "3", "A", "OUT" } << 2 << "wiener, rl, hl, latent";
    QTest::newRow("option of another method") << QStringList { "deblur", "--method", "wiener",
        "--iterations", "5", "--defocus", "3", "A", "OUT" }
                                              << 2 << "belongs to --method rl";
    QTest::newRow("no kernel") << QStringList { "deblur", "--method", "rl", "A", "OUT" } << 2
                               << "--kernel FILE or --defocus D";
    QTest::newRow("zero kernel") << QStringList { "deblur", "--method", "rl", "--kernel", "ZERO",
        "A", "OUT" } << 1 << "sums to zero";
    QTest::newRow("kernel larger than image")
        << QStringList { "deblur", "--method", "wiener", "--defocus", "3", "SMALL", "OUT" } << 1
        << "larger than the image";
    QTest::newRow("unknown format") << QStringList { "deblur", "--method", "wiener", "--defocus",
        "3", "--format", "bogus", "A", "OUT" }
                                    << 2 << "'imagej' or 'ome-tiff' (got 'bogus')";
    QTest::newRow("file name after -o")
        << QStringList { "deblur", "--method", "wiener", "--defocus", "7", "A", "-o", "OUT" } << 2
        << "looks like a file name";
}

void TestCli::deblurErrors()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    engine::Image zero(3, 3);
    const QString zeroKernel = mDir.filePath("zero-k.tif"), out = mDir.filePath("never-d.tif");
    engine::writeTiff(zero, zeroKernel.toStdString());
    for (auto& a : args)
        a = a == "A" ? mA : a == "SMALL" ? mSmall : a == "ZERO" ? zeroKernel : a == "OUT" ? out : a;
    const auto r = runCli(args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(!QFile::exists(out));
}

void TestCli::deblurBatchIntoAFolder()
{
    const QDir dir(mDir.filePath("batch"));
    QVERIFY(QDir().mkpath(dir.filePath("in")));
    for (const auto& [name, seed] : { std::pair { "x", 3 }, std::pair { "y", 4 } }) {
        engine::SpecimenOptions s;
        s.width = s.height = 96;
        s.seed = seed;
        engine::writeTiff(engine::generateSpecimen(s),
            dir.filePath(QString("in/%1.tif").arg(name)).toStdString());
    }
    QFile bad(dir.filePath("in/bad.tif"));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("this is not a TIFF file");
    bad.close();
    const QStringList method { "deblur", "--method", "wiener", "--defocus", "7" };
    const QString in = dir.filePath("in"), out = dir.filePath("out");
    // A copy: values() is a view into the image, which would be gone at the end of the call
    // (AddressSanitizer found it: the comparison read freed memory and failed under load).
    auto values = [](const QString& file) {
        const auto image = engine::readTiff(file.toStdString());
        return std::vector<float>(image.values().begin(), image.values().end());
    };
    auto same = [&](const QString& a, const QString& b) {
        const auto va = values(a), vb = values(b);
        return std::equal(va.begin(), va.end(), vb.begin(), vb.end());
    };

    // Three inputs, one corrupt: the other two are written as single runs write them.
    auto r
        = runCli(method + QStringList { in + "/x.tif", in + "/bad.tif", in + "/y.tif", "-o", out });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(
        r.err.contains("[1/3] " + in + "/x.tif -> " + out + "/x.tif (wiener, "), qPrintable(r.err));
    const QString failures = r.err.mid(r.err.indexOf("1 of 3 files failed"));
    QVERIFY2(failures.contains(in + "/bad.tif: "), qPrintable(r.err));
    QVERIFY(!failures.contains("x.tif") && !QFile::exists(out + "/bad.tif"));
    for (const char* name : { "x", "y" }) {
        const QString single = dir.filePath(QString("single-%1.tif").arg(name));
        QCOMPARE(runCli(method + QStringList { in + "/" + name + ".tif", single }).exitCode, 0);
        QVERIFY(same(out + "/" + name + ".tif", single));
    }

    // Again, the folder as input: existing outputs are skipped, unless --overwrite.
    engine::writeTiff(engine::Image(4, 4), (out + "/x.tif").toStdString());
    r = runCli(method + QStringList { in, "-o", out });
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err.count("skipped (exists)"), 2);
    QCOMPARE(engine::readTiff((out + "/x.tif").toStdString()).width(), std::size_t(4));
    r = runCli(method + QStringList { "--overwrite", in, "-o", out });
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err.count("skipped (exists)"), 0);
    QVERIFY(same(out + "/x.tif", dir.filePath("single-x.tif")));

    // A quoted pattern (no shell here) is expanded by the CLI.
    const QString globbed = dir.filePath("globbed");
    r = runCli(method + QStringList { in + "/[xy]*.tif", "-o", globbed });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(QDir(globbed).entryList(QDir::Files), QStringList({ "x.tif", "y.tif" }));
    QVERIFY(same(globbed + "/y.tif", dir.filePath("single-y.tif")));
    r = runCli(method + QStringList { in + "/nothing*.tif", "-o", globbed });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("no file matches"), qPrintable(r.err));
}

void TestCli::deblurBatchRefusesClashingOutputs()
{
    const QDir dir(mDir.filePath("clash"));
    QVERIFY(QDir().mkpath(dir.filePath("other")));
    const QString twin = dir.filePath("other/a.tif"), out = dir.filePath("out");
    QVERIFY(QFile::copy(mA, twin));
    const QStringList method { "deblur", "--method", "wiener", "--defocus", "7" };
    auto r = runCli(method + QStringList { mA, twin, "-o", out });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("would both be written"), qPrintable(r.err));
    QVERIFY(!QDir(out).exists());
    r = runCli(method + QStringList { twin, "-o", dir.filePath("other") });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("overwritten by its own result"), qPrintable(r.err));
    r = runCli(method + QStringList { "--overwrite", mA, mB });
    QCOMPARE(r.exitCode, 2);
}

void TestCli::blurWithDeltaKernelKeepsImage()
{
    engine::Image delta(3, 3);
    delta.at(1, 1) = 1.0f;
    const QString k = mDir.filePath("delta.tif"), out = mDir.filePath("same.tif");
    engine::writeTiff(delta, k.toStdString());
    const auto r = runCli({ "blur", "--kernel", k, mA, out });
    QCOMPARE(r.exitCode, 0);
    const auto m = runCli({ "metrics", "--json", "--reference", mA, out });
    const auto planes = QJsonDocument::fromJson(m.out.toUtf8()).object()["planes"].toArray();
    QVERIFY(planes[0].toObject()["psnr"].isNull() || planes[0].toObject()["psnr"].toDouble() > 100);
}

void TestCli::formatChoosesOmeTiffOrImageJ()
{
    engine::Image delta(3, 3);
    delta.at(1, 1) = 1.0f;
    const QString k = mDir.filePath("delta-f.tif");
    engine::writeTiff(delta, k.toStdString());
    auto description = [](const QString& file) {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    const QString deblurred = mDir.filePath("deblurred-ome.tif");
    const auto d = runCli(
        { "deblur", "--method", "wiener", "--kernel", k, "--format", "ome-tiff", mA, deblurred });
    QVERIFY2(d.exitCode == 0, qPrintable(d.err));
    QByteArray bytes = description(deblurred);
    QVERIFY(bytes.contains("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<OME xmlns="));
    QVERIFY(!bytes.contains("ImageJ="));
    const auto back = engine::readTiff(deblurred.toStdString());
    QCOMPARE(back.depth(), std::size_t(2));
    QVERIFY(back.provenance().find("\"operation\":\"deblur\"") != std::string::npos);
    QVERIFY(back.provenance().find("format") == std::string::npos); // not a parameter

    // A name ending in .ome.tif asks for OME-TIFF unless --format says otherwise.
    const QString named = mDir.filePath("blurred.ome.tif");
    QCOMPARE(runCli({ "blur", "--kernel", k, mA, named }).exitCode, 0);
    QVERIFY(description(named).contains("<OME xmlns="));
    QCOMPARE(runCli({ "blur", "--kernel", k, "--format", "imagej", mA, named }).exitCode, 0);
    bytes = description(named);
    QVERIFY(bytes.contains("ImageJ=") && !bytes.contains("<OME"));
    QCOMPARE(runCli({ "blur", "--kernel", k, mA, mDir.filePath("plain.tif") }).exitCode, 0);
    QVERIFY(description(mDir.filePath("plain.tif")).contains("ImageJ="));
}

void TestCli::blurWithDefocusIsSeededAndLeavesNothingOnError()
{
    const QString a = mDir.filePath("n1.tif"), b = mDir.filePath("n2.tif");
    for (const auto& out : { a, b })
        QCOMPARE(runCli({ "blur", "--defocus", "5", "--size", "15", "--noise-var", "0.001",
                            "--seed", "3", mA, out })
                     .exitCode,
            0);
    const auto m = runCli({ "metrics", "--json", "--reference", a, b });
    QVERIFY(QJsonDocument::fromJson(m.out.toUtf8()).object()["identical"].toBool());
    // A bad kernel: error, exit 1, and no output file.
    engine::Image zero(3, 3);
    const QString k = mDir.filePath("zero.tif"), out = mDir.filePath("never.tif");
    engine::writeTiff(zero, k.toStdString());
    const auto r = runCli({ "blur", "--kernel", k, mA, out });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("sums to zero"), qPrintable(r.err));
    QVERIFY(!QFile::exists(out));
}

void TestCli::deblurReadsXrfMapsWithTheirAnalysisAndScanStep()
{
    // The extension says nothing: the file is recognised as HDF5 by its content.
    const QString map = mDir.filePath("scan.h5t"), uneven = mDir.filePath("uneven.h5");
    writeXrfMaps(map.toStdString(), 0.02, false); // 20 nm steps
    writeXrfMaps(uneven.toStdString(), 0.02, true);
    auto deblur = [&](const QString& input, const QString& out, const QStringList& extra) {
        QStringList args { "deblur", "--method", "wiener", "--defocus", "5", "--size", "15",
            "--json" };
        args += extra;
        args += QStringList { input, out };
        return runCli(args);
    };
    const QString roi = mDir.filePath("xrf_roi.tif"), roiExplicit = mDir.filePath("xrf_roi2.tif"),
                  fitted = mDir.filePath("xrf_fitted.tif");
    auto r = deblur(map, roi, { "--analysis", "ROI" });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(!r.err.contains("warning"), qPrintable(r.err));
    auto o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o["image_pixel_size_m"].toDouble(), 2e-8);
    QCOMPARE(o["kernel_pixel_size_m"].toDouble(), 2e-8);
    const auto roiImage = engine::readTiff(roi.toStdString());
    QVERIFY2(QString::fromStdString(roiImage.provenance()).contains("XRF-Maps ROI"),
        roiImage.provenance().c_str());

    // The kernel was sampled at the scan step: giving that step explicitly changes nothing.
    QCOMPARE(
        deblur(map, roiExplicit, { "--analysis", "ROI", "--image-pixel-size", "2e-8" }).exitCode,
        0);
    const auto explicitImage = engine::readTiff(roiExplicit.toStdString());
    QVERIFY(std::equal(roiImage.values().begin(), roiImage.values().end(),
        explicitImage.values().begin(), explicitImage.values().end()));

    // Without --analysis the file's Fitted maps are read: half the ROI's values.
    QCOMPARE(deblur(map, fitted, {}).exitCode, 0);
    const auto fittedImage = engine::readTiff(fitted.toStdString());
    QVERIFY(QString::fromStdString(fittedImage.provenance()).contains("XRF-Maps Fitted"));
    QVERIFY(std::abs(roiImage.at(20, 20) - 2.0f * fittedImage.at(20, 20))
        < 0.05f * std::abs(roiImage.at(20, 20)));

    // An uneven scan: a warning on stderr, and the kernel keeps the probe's 5 nm sampling.
    r = deblur(uneven, mDir.filePath("xrf_uneven.tif"), {});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("latentlens-cli deblur: warning: the pixel size is left unknown")
            && r.err.contains("x_axis is not uniform"),
        qPrintable(r.err));
    o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o["image_pixel_size_m"].toDouble(), 0.0);
    QCOMPARE(o["kernel_pixel_size_m"].toDouble(), 5e-9);

    // An analysis the file lacks is an error naming those it has; on a TIFF, a warning.
    r = deblur(map, mDir.filePath("never.tif"), { "--analysis", "NNLS" });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(
        r.err.contains("no analysis 'NNLS'") && r.err.contains("Fitted, ROI"), qPrintable(r.err));
    QVERIFY(!QFile::exists(mDir.filePath("never.tif")));
    r = runCli({ "metrics", "--analysis", "ROI", "--reference", mA, mB });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("applies to XRF-Maps files only"), qPrintable(r.err));
}

void TestCli::errors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown command")
        << QStringList { "frobnicate" } << 2 << "unknown command 'frobnicate'";
    QTest::newRow("missing reference")
        << QStringList { "metrics", "x.tif" } << 2 << "'--reference' is required";
    QTest::newRow("unknown option")
        << QStringList { "metrics", "--refrence", "a", "b" } << 2 << "unknown option '--refrence'";
    QTest::newRow("bad number") << QStringList { "metrics", "--data-range", "abc", "--reference",
        "a", "b" } << 2 << "needs a number";
    QTest::newRow("missing file") << QStringList { "metrics", "--reference", "A", "nope.tif" } << 1
                                  << "nope.tif': the file does not exist";
    QTest::newRow("shape mismatch")
        << QStringList { "metrics", "--reference", "A", "SMALL" } << 1 << "differ in shape";
}

void TestCli::errors()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    for (auto& a : args)
        a = a == "A" ? mA : a == "SMALL" ? mSmall : a;
    const auto r = runCli(args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void TestCli::stackShorterThanDeclaredIsReported()
{
    // Three pages whose ImageJ description declares six: a stack cut short.
    const QString stack = mDir.filePath("short.tif");
    engine::writeTiff(engine::Image(32, 24, 3), stack.toStdString());
    testwriters::declareSixOfThreePlanes(stack.toStdString());
    const QString out = mDir.filePath("short_out.tif");
    const auto r
        = runCli({ "deblur", "--method", "wiener", "--defocus", "3", "--size", "15", stack, out });
    QCOMPARE(r.exitCode, 0); // what is there is deblurred...
    QVERIFY2(r.err.contains("declares 6 planes") && r.err.contains("3 of 6"), qPrintable(r.err));
    QCOMPARE(engine::readTiff(out.toStdString()).planeCount(), std::size_t(3)); // ...and said
}

void TestCli::trainingKilledAtRandomResumesToTheSameWeights()
{
    const QString data = mDir.filePath("killdata");
    QVERIFY(writeSpecimens(data));
    auto arguments = [&](const QString& model) {
        return QStringList { "train", "--data", data, "--architecture", "kernel", "--defocus",
            "0.1,3,7", "--reference", "3", "--epochs1", "3", "--epochs2", "2", "--epochs3", "3",
            "--batches", "3", "--batch-size", "2", "--crop", "32", "--grid", "128", "--size", "16",
            "--checkpoint", model + ".checkpoint", "-o", model };
    };
    // The reference: one uninterrupted run.
    const QString reference = mDir.filePath("uninterrupted.llm");
    QVERIFY(runCli(arguments(reference)).exitCode == 0);

    // The same run killed with SIGKILL at a random moment after its first checkpoint, then
    // started again with the same command: it resumes and ends with the same weights.
    const QString model = mDir.filePath("killed.llm");
    QProcess proc;
    proc.start(QStringLiteral(LATENTLENS_CLI_PATH), arguments(model));
    QVERIFY(proc.waitForStarted());
    QElapsedTimer clock;
    clock.start();
    while (!QFile::exists(model + ".checkpoint") && clock.elapsed() < 60000)
        QTest::qWait(10);
    QVERIFY(QFile::exists(model + ".checkpoint"));
    const int delay = QRandomGenerator::global()->bounded(0, 400);
    QTest::qWait(delay);
    proc.kill(); // SIGKILL: no handler runs
    QVERIFY(proc.waitForFinished(10000));
    if (proc.exitStatus() != QProcess::CrashExit) // it finished before the kill
        QSKIP(qPrintable(QString("the run ended within %1 ms; nothing to resume").arg(delay)));
    QVERIFY(!QFile::exists(model)); // no half-written model
    // Whatever moment it died at, the checkpoint left is a whole one.
    const auto resumed = runCli(arguments(model));
    QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
    // Same weights: the two models deblur an image to the same bits.
    auto deblur = [&](const QString& m, const QString& out) {
        return runCli({ "deblur", "--method", "latent", "--model", m, "--defocus", "5", mA, out })
            .exitCode;
    };
    QCOMPARE(deblur(reference, mDir.filePath("ref.tif")), 0);
    QCOMPARE(deblur(model, mDir.filePath("resumed.tif")), 0);
    const auto a = engine::readTiff(mDir.filePath("ref.tif").toStdString());
    const auto b = engine::readTiff(mDir.filePath("resumed.tif").toStdString());
    QVERIFY(std::equal(a.values().begin(), a.values().end(), b.values().begin()));
}

QTEST_GUILESS_MAIN(TestCli)
void TestCli::fullDiskOrReadOnlyFolderLeavesNoFileBehind()
{
    const QDir dir(mDir.filePath("faults"));
    QVERIFY(QDir().mkpath(dir.path()));
    const QString out = dir.filePath("out.tif");
    const QByteArray older = "an older result that a failed write must not damage";
    auto writeOlder = [&] {
        QFile f(out);
        return f.open(QIODevice::WriteOnly) && f.write(older) == older.size();
    };
    auto onlyTheOlderFileIsLeft = [&] {
        QFile f(out);
        return dir.entryList(QDir::Files | QDir::Hidden) == QStringList { "out.tif" }
        && f.open(QIODevice::ReadOnly) && f.readAll() == older;
    };
    engine::SpecimenOptions specimen;
    specimen.width = specimen.height = 96; // a 36 KB result
    const QString in = mDir.filePath("faults-in.tif");
    engine::writeTiff(engine::generateSpecimen(specimen), in.toStdString());
    const QStringList deblur { "deblur", "--method", "wiener", "--defocus", "7", in, out };

    // A full disk: a file-size limit below the result's size (what `ulimit -f` sets) makes the
    // writes fail as ENOSPC would; the CLI ignores SIGXFSZ, so it reports instead of dying.
    QVERIFY(writeOlder());
    QProcess full;
    full.start("prlimit", QStringList { "--fsize=8192", LATENTLENS_CLI_PATH } + deblur);
    QVERIFY(full.waitForFinished(60000));
    QCOMPARE(full.exitStatus(), QProcess::NormalExit);
    QCOMPARE(full.exitCode(), 1);
    const QString fullSays = QString::fromUtf8(full.readAllStandardError());
    QVERIFY2(
        fullSays.contains("writing failed") && fullSays.contains("out.tif"), qPrintable(fullSays));
    QVERIFY(onlyTheOlderFileIsLeft());

    // A folder that cannot be written to. Root writes anywhere, so as root the CLI runs as
    // nobody (who still reads the input and the program).
    const auto readOnly = QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
        | QFile::ReadOther | QFile::ExeOther;
    QVERIFY(QFile::setPermissions(dir.path(), readOnly));
    const auto tempPermissions = QFile::permissions(mDir.path());
    QVERIFY(QFile::setPermissions(mDir.path(), tempPermissions | readOnly));
    QProcess locked;
    startAsNobodyIfRoot(locked, deblur);
    QVERIFY(locked.waitForFinished(60000));
    QFile::setPermissions(mDir.path(), tempPermissions);
    QVERIFY(QFile::setPermissions(dir.path(), readOnly | QFile::WriteOwner));
    const QString lockedSays = QString::fromUtf8(locked.readAllStandardError());
    QCOMPARE(locked.exitCode(), 1);
    QVERIFY2(lockedSays.contains("cannot create a file in its folder")
            && lockedSays.contains("Permission denied"),
        qPrintable(lockedSays));
    QVERIFY(onlyTheOlderFileIsLeft());

    // With room again, the same command replaces the older file.
    const auto r = runCli(deblur);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(engine::readImage(out.toStdString()).width() > 0);
}

void TestCli::aUserModelIsLoadedThroughTheHelperUnchanged()
{
    // A model that is not the shipped one is loaded and saved again by the helper
    // (engine/core/isolatedread.h); the copy must deblur exactly as the file itself.
    const QString copy = mDir.filePath("copy-of-default.llm");
    QFile::remove(copy);
    QVERIFY(QFile::copy(LATENTLENS_SOURCE_DIR "/resources/models/default.llm", copy));
    const QString shipped = mDir.filePath("shipped.tif"), helped = mDir.filePath("helped.tif");
    const QString input = mDir.filePath("specimen96.tif");
    engine::SpecimenOptions specimen;
    specimen.width = specimen.height = 96;
    engine::writeTiff(engine::generateSpecimen(specimen), input.toStdString());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("LATENTLENS_MODEL");
    auto r = runCli({ "deblur", "--method", "latent", "--defocus", "5", input, shipped }, env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = runCli(
        { "deblur", "--method", "latent", "--model", copy, "--defocus", "5", input, helped }, env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const auto a = engine::readTiff(shipped.toStdString()),
               b = engine::readTiff(helped.toStdString());
    QVERIFY(std::equal(a.values().begin(), a.values().end(), b.values().begin(), b.values().end()));
    // No copy is left in the temporary folder.
    QVERIFY(QDir(QDir::tempPath()).entryList({ "latentlens-model-*" }, QDir::Files).isEmpty());
}

void TestCli::badInputsOfTheRobustnessTable_data()
{
    // docs/robustness.md, "Bad input": each row there that names this test is a row here.
    // `input` is made by the test (see below); `command` is "deblur" (Wiener at 7 um; RL with
    // the kernel of the row), "latent" (the network with the row's model) or "probe".
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("message");
    QTest::newRow("truncated TIFF") << "truncated.tif"
                                    << "deblur"
                                    << "not a readable TIFF file";
    QTest::newRow("corrupt TIFF") << "corrupt.tif"
                                  << "deblur"
                                  << "not a readable TIFF file";
    QTest::newRow("empty file") << "empty.tif"
                                << "deblur"
                                << "the file is empty";
    QTest::newRow("text named .tif") << "text.tif"
                                     << "deblur"
                                     << "unknown file type";
    QTest::newRow("missing file") << "missing.tif"
                                  << "deblur"
                                  << "the file does not exist";
    QTest::newRow("a folder given as the image") << "folder.tif"
                                                 << "deblur"
                                                 << "this is a folder";
    QTest::newRow("NaN pixel") << "nan.tif"
                               << "deblur"
                               << "NaN or infinite";
    QTest::newRow("infinite pixel") << "inf.tif"
                                    << "deblur"
                                    << "NaN or infinite";
    QTest::newRow("giant declared size") << "giant.tif"
                                         << "deblur"
                                         << "declares 100000 x 100000 pixels";
    QTest::newRow("zero kernel") << "kernel:zero.tif"
                                 << "deblur"
                                 << "sums to zero";
    QTest::newRow("negative kernel") << "kernel:negative.tif"
                                     << "deblur"
                                     << "cannot be negative";
    QTest::newRow("NaN kernel") << "kernel:nan.tif"
                                << "deblur"
                                << "NaN or infinite";
    QTest::newRow("kernel larger than the image") << "kernel:large.tif"
                                                  << "deblur"
                                                  << "larger than the image";
    QTest::newRow("corrupt model") << "model:corrupt.llm"
                                   << "latent"
                                   << "not a LatentLens model file";
    // Files on which HDF5 1.10 and LibTorch crash inside their parsers (found by fuzzing):
    // read in the helper process first, they are refused instead of ending the CLI.
    QTest::newRow("HDF5 file that crashes the HDF5 library")
        << "crashes-hdf5.h5"
        << "deblur"
        << "the file is corrupt: the library that reads it failed on it";
    QTest::newRow("model file that crashes LibTorch")
        << "model:crashes-libtorch.llm"
        << "latent"
        << "the file is corrupt: the library that reads it failed on it";
    QTest::newRow("HDF5 without a probe") << "noprobe.h5"
                                          << "probe"
                                          << "no probe found";
    QTest::newRow("truncated .npy") << "short.npy"
                                    << "probe"
                                    << "header is truncated";
    QTest::newRow("unreadable folder") << "locked/"
                                       << "deblur"
                                       << "cannot be read";
    QTest::newRow("file in a folder that cannot be entered") << "locked/good.tif"
                                                             << "deblur"
                                                             << "cannot be reached";
}

void TestCli::badInputsOfTheRobustnessTable()
{
    QFETCH(QString, input);
    QFETCH(QString, command);
    QFETCH(QString, message);
    const QDir dir(mDir.filePath("bad"));
    QVERIFY(QDir().mkpath(dir.path()));
    engine::SpecimenOptions specimen;
    specimen.width = specimen.height = 96;
    const engine::Image good = engine::generateSpecimen(specimen);
    const QString goodPath = dir.filePath("good.tif");
    engine::writeTiff(good, goodPath.toStdString());
    auto bytesOf = [](const QString& path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    auto write = [&](const QString& name, const QByteArray& bytes) {
        QFile f(dir.filePath(name));
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    };
    const QByteArray goodBytes = bytesOf(goodPath);
    QVERIFY(write("truncated.tif", goodBytes.left(goodBytes.size() / 2)));
    QVERIFY(write("corrupt.tif", QByteArray("II*\0", 4) + QByteArray(300, '\x5a')));
    QVERIFY(write("empty.tif", {}));
    QVERIFY(write("text.tif", "not an image at all\n"));
    QVERIFY(QDir().mkpath(dir.filePath("folder.tif")));
    for (const auto& [name, value] : { std::pair { "nan.tif", std::nanf("") },
             std::pair { "inf.tif", std::numeric_limits<float>::infinity() } }) {
        engine::Image bad = good;
        bad.at(10, 10) = value;
        engine::writeTiff(bad, dir.filePath(name).toStdString());
    }
    testwriters::writeFile(
        dir.filePath("giant.tif").toStdString(), testwriters::giantDeclaredTiff());
    engine::Image zero(5, 5), negative(5, 5), nanKernel(5, 5), large(128, 128);
    negative.at(2, 2) = 1.0f;
    negative.at(0, 0) = -0.5f;
    nanKernel.at(2, 2) = std::nanf("");
    for (float& v : large.values())
        v = 1.0f;
    engine::writeTiff(zero, dir.filePath("zero.tif").toStdString());
    engine::writeTiff(negative, dir.filePath("negative.tif").toStdString());
    engine::writeTiff(nanKernel, dir.filePath("nan-kernel.tif").toStdString());
    engine::writeTiff(large, dir.filePath("large.tif").toStdString());
    QVERIFY(write("corrupt.llm", "PK\x03\x04 not a model"));
    {
        testwriters::Hdf5Out h5(dir.filePath("noprobe.h5").toStdString());
        h5.doubles("other", { 4, 4 }, std::vector<double>(16, 0.0));
    }
    QVERIFY(write("short.npy", QByteArray("\x93NUMPY\x01\x00", 8) + "garbage"));
    const QString regressions = LATENTLENS_SOURCE_DIR "/tests/fuzz/regressions/";
    for (const auto& [from, to] : { std::pair { "xrf/h5f_accum_read_segv.h5", "crashes-hdf5.h5" },
             std::pair { "model/torchscript_parser_segv.llm", "crashes-libtorch.llm" } })
        if (!QFile::exists(dir.filePath(to)))
            QVERIFY(QFile::copy(regressions + from, dir.filePath(to)));
    QVERIFY(QDir().mkpath(dir.filePath("locked")));
    QFile::remove(dir.filePath("locked/good.tif")); // made again for every row
    QVERIFY(QFile::copy(goodPath, dir.filePath("locked/good.tif")));

    QStringList args;
    const QString out = dir.filePath("out.tif");
    if (command == "probe") {
        args = { "probe", "--import", dir.filePath(input), "-o", out };
    } else if (input.startsWith("kernel:")) {
        const QString kernel = input.mid(7) == "nan.tif" ? "nan-kernel.tif" : input.mid(7);
        args = { "deblur", "--method", "rl", "--kernel", dir.filePath(kernel), goodPath, out };
    } else if (input.startsWith("model:")) {
        args = { "deblur", "--method", "latent", "--model", dir.filePath(input.mid(6)), "--defocus",
            "7", goodPath, out };
    } else if (input.endsWith('/')) {
        args = { "deblur", "--method", "wiener", "--defocus", "7", dir.filePath(input), "-o",
            dir.filePath("outputs") };
    } else {
        args = { "deblur", "--method", "wiener", "--defocus", "7", dir.filePath(input), out };
    }
    QProcess cli;
    const bool locked = input.startsWith("locked/");
    const auto tempPermissions = QFile::permissions(mDir.path());
    if (locked) {
        // As root, which reads anything, the CLI runs as nobody; the folder is closed to all.
        QVERIFY(QFile::setPermissions(dir.filePath("locked"), {}));
        QFile::setPermissions(
            mDir.path(), tempPermissions | QFile::ReadOther | QFile::ExeOther | QFile::WriteOther);
        QFile::setPermissions(dir.path(),
            QFile::permissions(dir.path()) | QFile::ReadOther | QFile::ExeOther
                | QFile::WriteOther);
    }
    if (locked)
        startAsNobodyIfRoot(cli, args);
    else
        cli.start(LATENTLENS_CLI_PATH, args);
    QVERIFY(cli.waitForFinished(60000));
    if (locked) {
        QFile::setPermissions(
            dir.filePath("locked"), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QFile::setPermissions(mDir.path(), tempPermissions);
    }
    const QString says = QString::fromUtf8(cli.readAllStandardError());
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QCOMPARE(cli.exitCode(), 1);
    QVERIFY2(says.contains(message), qPrintable(says));
    // Nothing written, not even a temporary file.
    QVERIFY(!QFile::exists(out));
    QVERIFY(QDir(dir.filePath("outputs")).entryList(QDir::Files | QDir::Hidden).isEmpty());
    QVERIFY(dir.entryList({ ".*tmp*" }, QDir::Files | QDir::Hidden).isEmpty());
}

#include "tst_cli.moc"
