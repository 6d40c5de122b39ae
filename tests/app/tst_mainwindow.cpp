#include "app/gui/jobworker.h"
#include "app/gui/mainwindow.h"
#include "app/gui/methodpanel.h"
#include "app/gui/probepanel.h"
#include "app/gui/resultexporter.h"
#include "app/gui/stackresults.h"
#include "app/gui/trainingpanel.h"

#include "engine/core/isolatedread.h"
#include "engine/deconv/hyperlaplacian.h"
#include "engine/deconv/richardsonlucy.h"
#include "engine/deconv/wiener.h"
#include "engine/eval/metrics.h"
#include "engine/forward/forwardmodel.h"
#include "engine/forward/specimen.h"
#include "engine/io/imageio.h"
#include "engine/io/tiffio.h"
#include "engine/net/latentmodel.h"
#include "engine/net/latenttrainer.h"
#include "engine/probe/probe.h"
#include "engine/probe/probeimport.h"
#include "widgets/comparisongrid.h"
#include "widgets/defocuscontrol.h"
#include "widgets/lineprofileview.h"

#include "tests/engine/support/testwriters.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTimer>
#include <QWheelEvent>
#include <QtTest>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <csignal>
#include <sys/resource.h>
#include <unistd.h>

using namespace latentlens;

namespace {

/// How late a 5 ms timer on the GUI thread gets: the longest gap between its ticks while
/// it runs, i.e. how long the window would take to answer an event.
class GapMeter
{
public:
    GapMeter()
    {
        QObject::connect(&mTick, &QTimer::timeout, [this] {
            const qint64 now = mClock.elapsed();
            mWorst = std::max(mWorst, now - mPrevious);
            mPrevious = now;
        });
        mClock.start();
        mTick.start(5);
    }
    qint64 worst()
    {
        mTick.stop();
        return mWorst;
    }

private:
    QElapsedTimer mClock;
    QTimer mTick;
    qint64 mPrevious = 0;
    qint64 mWorst = 0;
};

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void opensStackAndNavigatesPlanes();
    void badFileShowsErrorAndKeepsImage();
    void demoComputesEveryMethodWithGroundTruth();
    void sliderRecomputesEveryPanelAtTheNewDefocus();
    void quickSliderMovesEndWithTheLastValueAndNoBacklog();
    void cancelStopsRichardsonLucyWithinOneIterationAndTheGuiAnswers();
    void trainingPanelTrainsStopsResumesAndLoadsTheModel();
    void exportsResultsGridAndMetrics();
    void settingsPersist();
    void mismatchedOrBrokenModelExplainsAndOthersStillRun();
    void aboutNamesTheLibrariesAndTheDevice();
    void largeImagesPreviewTheVisibleRegionFirst();
    void ensembleModelShowsOneViewFirstAndItsAverageLast();
    void closingWhileTrainingAsksFirst();
    void importedPsfDrivesTheClassicalMethods();
    void everySizeGivesFiniteValuesOrAClearRefusal_data();
    void everySizeGivesFiniteValuesOrAClearRefusal();
    void importedProbeTakesPixelSizeAndEnergyInThePanel();
    void stackShorterThanDeclaredSaysSo();
    void trainingDockShowsEveryButtonAt1600By1000();
    void wheelChangesOnlyTheFocusedControl();
    void sliderDragLandsOnEveryValueTheCaptionNames();
    void demoMarksItsTrueBlurAndSaysWhatItShows();
    void trainingFormIsCheckedWhileItIsEdited();
    void everyControlHasATooltip();
    void userGuideOpensFromTheHelpMenu();
    void wholeStackEqualsEachPlaneAloneAndExportsRoundTrip();
    void stoppingTheStackKeepsTheFinishedPlanes();
    void stackResultsBeyondTheBudgetGoToDisk();
    void profileShowsOnlyCurrentResultsAndClipsTheLine();
    void hyperLaplacianAlphaShownIsTheExactExponent();
    void xrfMapsOpenWithTheirAnalysisAndPixelSize();
    void exportsOnAFullDiskOrReadOnlyFolderLeaveNoFile();
    void badFilesOfTheRobustnessTable_data();
    void badFilesOfTheRobustnessTable();

private:
    static bool waitIdle(app::MainWindow& window, int timeout = 120000);
    /// Opens `path` in the window (on its worker) and waits until it is shown.
    static bool openAndWait(app::MainWindow& window, const QString& path);
    static engine::Image kernelAt(double defocus);
    static void comparePanel(app::MainWindow& window, const QString& key,
        const engine::Image& expected, float tolerance, float meanTolerance = 0.0f);
    QTemporaryDir mDir;
    QString mStack, mSpecimen, mModel, mData;
};

bool TestMainWindow::waitIdle(app::MainWindow& window, int timeout)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeout) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (!window.runner()->busy() && !window.worker()->busy()) {
            QCoreApplication::processEvents(); // deliver the last results
            if (!window.runner()->busy())
                return true;
        }
        QTest::qWait(5);
    }
    return false;
}

bool TestMainWindow::openAndWait(app::MainWindow& window, const QString& path)
{
    QSignalSpy opened(&window, &app::MainWindow::fileOpened);
    window.openFile(path);
    return opened.wait(30000) && window.currentFile() == path;
}

engine::Image TestMainWindow::kernelAt(double defocus)
{
    engine::KernelOptions options;
    options.size = 64;
    options.supportFraction = 0.35;
    return engine::probeKernel(engine::simulateProbe(engine::ZonePlateOptics {}, defocus), options);
}

void TestMainWindow::comparePanel(app::MainWindow& window, const QString& key,
    const engine::Image& expected, float tolerance, float meanTolerance)
{
    auto* view = window.grid()->view(key);
    QVERIFY2(view->hasImage(), qPrintable(key + ": " + view->placeholderText()));
    QCOMPARE(std::size_t(view->imageWidth()), expected.width());
    float worst = 0.0f;
    double sum = 0.0;
    for (std::size_t y = 0; y < expected.height(); ++y)
        for (std::size_t x = 0; x < expected.width(); ++x) {
            const float d = std::abs(view->valueAt(int(x), int(y)) - expected.at(x, y));
            worst = std::max(worst, d);
            sum += d;
        }
    QVERIFY2(worst <= tolerance, qPrintable(QString("%1: %2").arg(key).arg(worst)));
    if (meanTolerance > 0) {
        const double mean = sum / double(expected.size());
        QVERIFY2(mean <= meanTolerance, qPrintable(QString("%1: mean %2").arg(key).arg(mean)));
    }
}

void TestMainWindow::initTestCase()
{
    QCoreApplication::setOrganizationName("LatentLensTests");
    QCoreApplication::setApplicationName("tst_mainwindow");
    engine::Image img(20, 10, 3);
    for (std::size_t p = 0; p < 3; ++p)
        for (std::size_t i = 0; i < img.planeSize(); ++i)
            img.plane(p)[i] = float(p * 100 + i % 7);
    mStack = mDir.filePath("stack.tif");
    engine::writeTiff(img, mStack.toStdString());

    // A blurred specimen without a pixel size: the kernel keeps the probe's 5 nm sampling.
    engine::SpecimenOptions s;
    s.width = s.height = 96;
    s.seed = 5;
    engine::Image blurred
        = engine::convolve(engine::generateSpecimen(s), kernelAt(6e-6), engine::Boundary::Reflect);
    engine::addGaussianNoise(blurred, 0.001, 3);
    mSpecimen = mDir.filePath("specimen.tif");
    engine::writeTiff(blurred, mSpecimen.toStdString());

    // A small untrained network for the default probe family: fast, and exactly comparable.
    engine::ModelRecord record;
    record.width = 8;
    record.latentChannels = 16;
    mModel = mDir.filePath("tiny.llm");
    engine::LatentModel(record, 3).save(mModel.toStdString());
    qputenv("LATENTLENS_MODEL", mModel.toUtf8());

    mData = mDir.filePath("data");
    QVERIFY(QDir().mkpath(mData));
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
        engine::SpecimenOptions t;
        t.width = t.height = 80;
        t.seed = seed;
        engine::writeImage(engine::generateSpecimen(t),
            (mData + QString("/specimen%1.tif").arg(seed)).toStdString());
    }
}

void TestMainWindow::init()
{
    QSettings().clear();
}

void TestMainWindow::opensStackAndNavigatesPlanes()
{
    app::MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, mStack));
    QCOMPARE(window.currentFile(), mStack);
    auto* input = window.grid()->view(app::MainWindow::inputKey);
    QCOMPARE(input->imageWidth(), 20);
    QCOMPARE(input->valueAt(3, 0), 3.0f);
    auto* slices = window.findChild<QSpinBox*>("sliceBox");
    QVERIFY(slices && slices->isEnabled());
    QCOMPARE(slices->maximum(), 3);
    slices->setValue(3); // as the user would, through the spin box
    QCOMPARE(window.currentPlane(), 2);
    QCOMPARE(input->valueAt(3, 0), 203.0f);
    QVERIFY(!window.findChild<QSpinBox*>("channelBox")->isEnabled());
    // The image is smaller than the kernel: every method says so in its panel.
    QVERIFY(waitIdle(window));
    auto* wiener = window.grid()->view("wiener");
    QVERIFY(!wiener->hasImage());
    QVERIFY2(wiener->placeholderText().contains("larger than the image"),
        qPrintable(wiener->placeholderText()));
    QCOMPARE(window.recentFiles().value(0), QFileInfo(mStack).absoluteFilePath());
}

void TestMainWindow::badFileShowsErrorAndKeepsImage()
{
    app::MainWindow window;
    window.show();
    QSignalSpy opened(&window, &app::MainWindow::fileOpened);
    QSignalSpy failed(&window, &app::MainWindow::fileFailed);
    window.openFile(mStack);
    QVERIFY(opened.wait(10000));
    const QString bad = mDir.filePath("broken.tif");
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("II*\0garbage", 11);
    f.close();

    window.openFile(bad);
    QVERIFY(failed.wait(10000));
    auto* box = window.findChild<QMessageBox*>("errorBox");
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY2(box->text().contains("broken.tif"), qPrintable(box->text()));
    QVERIFY(window.lastError().contains("not a readable TIFF"));
    QCOMPARE(window.currentFile(), mStack); // the previous image stays
    QCOMPARE(window.grid()->view(app::MainWindow::inputKey)->valueAt(3, 0), 3.0f);
    box->accept();
    // A missing file, too.
    window.openFile(mDir.filePath("missing.tif"));
    QVERIFY(failed.wait(10000));
    QCOMPARE(window.currentFile(), mStack);
}

void TestMainWindow::demoComputesEveryMethodWithGroundTruth()
{
    app::MainWindow window;
    window.show();
    window.openDemo();
    QVERIFY(window.windowTitle().startsWith("Demo"));
    QVERIFY(window.groundTruth().has_value());
    QVERIFY(waitIdle(window));
    QVERIFY(window.grid()->panelShown(app::MainWindow::truthKey));
    for (const char* key : { "latent", "wiener", "rl", "hl" }) {
        QVERIFY2(window.grid()->view(key)->hasImage(), qPrintable(key));
        const QString caption = window.grid()->panelCaption(key);
        QVERIFY2(caption.contains("PSNR") && caption.contains("SSIM"), qPrintable(caption));
        const auto* result = window.runner()->result(key);
        QVERIFY(result && std::isfinite(result->psnr) && result->seconds > 0);
    }
    // The classical methods recover detail: each is closer to the truth than the input.
    const double inputPsnr
        = engine::psnr(window.image().values(), window.groundTruth()->values(), 1.0);
    for (const char* key : { "wiener", "rl", "hl" })
        QVERIFY2(window.runner()->result(key)->psnr > inputPsnr + 0.5, qPrintable(key));
    // Richardson-Lucy is done: its bar is full and there is nothing to stop.
    QCOMPARE(window.methodPanel()->rlProgress()->value(), 100);
    QVERIFY(!window.methodPanel()->richardsonLucyStop()->isEnabled());
    // The probe panel shows the kernel and its radial profile; the slider marks the model.
    QVERIFY(window.probePanel()->kernelView()->hasImage());
    const auto radial = window.probePanel()->radialProfile();
    QVERIFY(radial.size() > 30);
    QCOMPARE(window.defocusControl()->trainedValues().size(), std::size_t(6));
    QCOMPARE(window.defocusControl()->value(), 7.0);
    // The demo draws a profile line: every shown panel is plotted along it.
    QCOMPARE(window.profileView()->seriesNames().size(), window.grid()->shownPanels().size());
}

void TestMainWindow::sliderRecomputesEveryPanelAtTheNewDefocus()
{
    app::MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, mSpecimen));
    QVERIFY(waitIdle(window));
    const engine::Image input = engine::readImage(mSpecimen.toStdString());
    const auto network = engine::LatentModel::load(mModel.toStdString());
    for (double micrometres : { 7.0, 4.0 }) {
        if (micrometres != 7.0) {
            // As the user does it: drag the slider (0.01 µm steps from 0.1 µm).
            auto* slider = window.defocusControl()->slider();
            slider->setValue(int(std::lround((micrometres - 0.1) / 0.01)));
            QVERIFY(waitIdle(window));
        }
        const double d = micrometres * 1e-6;
        const engine::Image kernel = kernelAt(d);
        comparePanel(window, "wiener", engine::Wiener().run(input, kernel), 1e-5f);
        comparePanel(window, "rl", engine::RichardsonLucy().run(input, kernel), 1e-4f);
        // The hyper-Laplacian's thresholding turns FFT rounding (other plans on the worker
        // thread) into a few visibly different pixels; the picture as a whole must agree.
        comparePanel(window, "hl", engine::HyperLaplacian().run(input, kernel), 0.05f, 1e-4f);
        comparePanel(window, "latent", network.deblur(input, d), 1e-5f);
        for (const char* key : { "latent", "wiener", "rl", "hl" })
            QCOMPARE(window.runner()->result(key)->defocus, d);
        QVERIFY2(window.grid()->panelCaption("latent").contains(QString::number(micrometres)),
            qPrintable(window.grid()->panelCaption("latent")));
        // The kernel shown is the one at the slider's defocus.
        const auto* kernelView = window.probePanel()->kernelView();
        QCOMPARE(kernelView->imageWidth(), 64);
        QVERIFY(std::abs(kernelView->valueAt(32, 32) - kernel.at(32, 32)) < 1e-9f);
    }
}

void TestMainWindow::quickSliderMovesEndWithTheLastValueAndNoBacklog()
{
    app::MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, mSpecimen));
    std::size_t mostWaiting = 0;
    auto* slider = window.defocusControl()->slider();
    for (int i = 0; i < 200; ++i) {
        slider->setValue(100 + 5 * i); // 1.1 µm ... 11.05 µm
        QCoreApplication::processEvents();
        mostWaiting = std::max(mostWaiting, window.worker()->pendingCount());
    }
    // At most one waiting job per key: the kernel, five methods, and the two network
    // panels' one-view passes (made until the model's view count is known).
    QVERIFY2(mostWaiting <= 8, qPrintable(QString::number(mostWaiting)));
    QVERIFY(waitIdle(window));
    const double last = 11.05e-6;
    for (const char* key : { "latent", "wiener", "rl", "hl" })
        QVERIFY2(std::abs(window.runner()->result(key)->defocus - last) < 1e-12, qPrintable(key));
    const engine::Image input = engine::readImage(mSpecimen.toStdString());
    comparePanel(window, "wiener", engine::Wiener().run(input, kernelAt(last)), 1e-5f);
    comparePanel(window, "latent",
        engine::LatentModel::load(mModel.toStdString()).deblur(input, last), 1e-5f);
}

void TestMainWindow::cancelStopsRichardsonLucyWithinOneIterationAndTheGuiAnswers()
{
    app::MainWindow window;
    window.show();
    window.grid()->setPanelShown("latent", false); // RL alone on the worker
    window.grid()->setPanelShown("hl", false);
    window.grid()->setPanelShown("wiener", false);
    auto settings = window.methodPanel()->settings();
    settings.rl.iterations = 100000; // far longer than the test
    window.methodPanel()->setSettings(settings);
    std::atomic<bool> stopAsked { false };
    std::atomic<int> afterStop { 0 }, iterations { 0 };
    connect(
        window.worker(), &app::JobWorker::progress, this,
        [&](const QString& key, quint64, const engine::IterationInfo&) {
            if (key != "method:rl")
                return;
            ++iterations;
            if (stopAsked)
                ++afterStop;
        },
        Qt::DirectConnection); // counted on the worker thread, as it happens
    window.openDemo();
    QTRY_VERIFY_WITH_TIMEOUT(iterations > 5, 30000);
    // The GUI thread answers while RL runs: a 5 ms timer is never late by 50 ms.
    {
        GapMeter gaps;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 1500)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        const qint64 worst = gaps.worst();
        QVERIFY2(worst < 50, qPrintable(QString("longest gap %1 ms").arg(worst)));
    }
    QVERIFY(window.runner()->running("rl"));
    QVERIFY(window.methodPanel()->rlProgress()->value() >= 0);
    // Stop, as the user does, from the method panel; it can be pressed only while RL runs.
    QPushButton* stop = nullptr;
    for (auto* button : window.methodPanel()->findChildren<QPushButton*>())
        if (button->text() == "Stop")
            stop = button;
    QVERIFY(stop);
    QCOMPARE(stop, window.methodPanel()->richardsonLucyStop());
    QVERIFY(stop->isEnabled());
    QTest::mouseClick(stop, Qt::LeftButton);
    // The cancel flag is set inside the click; from here on, at most the iteration in
    // flight may still report.
    stopAsked = true;
    QVERIFY(!window.runner()->running("rl"));
    QVERIFY(!stop->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!window.worker()->busy(), 10000);
    QVERIFY2(afterStop <= 1, qPrintable(QString::number(afterStop)));
}

void TestMainWindow::trainingPanelTrainsStopsResumesAndLoadsTheModel()
{
    app::MainWindow window;
    window.show();
    auto* training = window.trainingPanel();
    training->setDataSources({ mData });
    training->setEpochs(1, 1);
    training->setBatches(3, 2);
    training->setCrop(64);
    const QString output = mDir.filePath("trained/model.llm");
    training->setOutput(output);
    QSignalSpy trained(training, &app::TrainingPanel::modelTrained);
    QTest::mouseClick(training->startButton(), Qt::LeftButton);
    QVERIFY(training->running());
    QVERIFY(!training->startButton()->isEnabled());
    {
        GapMeter gaps; // the GUI answers while training runs
        QVERIFY(trained.wait(300000));
        const qint64 worst = gaps.worst();
        QVERIFY2(worst < 50, qPrintable(QString("longest gap %1 ms").arg(worst)));
    }
    QCOMPARE(trained.front().front().toString(), output);
    QVERIFY(QFileInfo::exists(output));
    QCOMPARE(training->lossPoints(1).size(), 3);
    QCOMPARE(training->lossPoints(2).size(), 3);
    QCOMPARE(training->lossPoints(2).back().x(), 6.0); // global batch index
    for (std::size_t k = 0; k < 6; ++k) {
        const auto points = training->validationPoints(k);
        QCOMPARE(points.size(), 2); // one per epoch, on the held-out image
        QVERIFY(points.back().y() > 5 && points.back().y() < 60);
    }
    QVERIFY(training->statusText().startsWith("Done"));
    // A new model never replaces the one in use by itself: both are scored on the held-out
    // image, and the user decides.
    QVERIFY(window.methodPanel()->settings().modelPath != output);
    QVERIFY2(training->newModelScore() > 5 && training->newModelScore() < 60,
        qPrintable(QString::number(training->newModelScore())));
    QVERIFY2(training->currentModelScore() > 5 && training->currentModelScore() < 60,
        qPrintable(QString::number(training->currentModelScore())));
    QVERIFY(training->statusText().contains(QString::number(training->newModelScore(), 'f', 2)));
    QVERIFY(
        training->statusText().contains(QString::number(training->currentModelScore(), 'f', 2)));
    QVERIFY(training->useModelButton()->isEnabled());
    QTest::mouseClick(training->useModelButton(), Qt::LeftButton);
    QCOMPARE(window.methodPanel()->settings().modelPath, output);
    QVERIFY(!training->useModelButton()->isEnabled());

    // Stop within one batch, then resume from the checkpoint of the last finished epoch.
    training->setEpochs(2, 40);
    std::atomic<bool> stopAsked { false };
    std::atomic<int> afterStop { 0 };
    connect(
        training->worker(), &app::JobWorker::progress, this,
        [&](const QString&, quint64, const engine::IterationInfo&) {
            if (stopAsked)
                ++afterStop;
        },
        Qt::DirectConnection);
    QSignalSpy stopped(training, &app::TrainingPanel::trainingStopped);
    QSignalSpy batches(training, &app::TrainingPanel::batchDone);
    training->start();
    QTRY_VERIFY_WITH_TIMEOUT(!training->lossPoints(2).isEmpty(), 300000);
    QTest::mouseClick(training->stopButton(), Qt::LeftButton);
    stopAsked = true; // after the flag is set: at most the batch in flight may still report
    QVERIFY(stopped.wait(60000));
    QVERIFY2(afterStop <= 1, qPrintable(QString::number(afterStop)));
    QVERIFY(training->resumeButton()->isEnabled());
    const int stage2Before = int(training->lossPoints(2).size());
    trained.clear();
    training->setEpochs(2, 3); // a shorter stage 2 for the test; the checkpoint's epochs stay
    QTest::mouseClick(training->resumeButton(), Qt::LeftButton);
    QVERIFY(trained.wait(300000));
    // Resumed after stage 1: no new stage-1 batch, stage 2 continued to its end.
    QCOMPARE(training->lossPoints(1).size(), 6);
    QVERIFY(training->lossPoints(2).size() > stage2Before);
    QCOMPARE(training->lossPoints(2).back().x(), 5.0 * 3);
}

void TestMainWindow::exportsResultsGridAndMetrics()
{
    app::MainWindow window;
    window.show();
    window.openDemo();
    QVERIFY(waitIdle(window));
    const QString tiff = mDir.filePath("out/comparison.tif");
    QVERIFY(QDir().mkpath(mDir.filePath("out")));
    QVERIFY(window.exportResults(tiff));
    const engine::Image written = engine::readImage(tiff.toStdString());
    QCOMPARE(written.channels(), std::size_t(6)); // input, latent, wiener, rl, hl, truth
    QCOMPARE(written.channelNames().at(2), std::string("wiener"));
    const auto& wiener = window.runner()->result("wiener")->image;
    QVERIFY(std::equal(wiener.values().begin(), wiener.values().end(), written.plane(2).begin()));
    QVERIFY(written.provenance().find("defocus_um") != std::string::npos);
    QVERIFY(written.provenance().find("UPRE") != std::string::npos);
    // A name ending in .ome.tif gives OME-TIFF with the same channels (the OME-TIFF filter
    // of the dialog names the file so).
    const QString ome = mDir.filePath("out/comparison.ome.tif");
    QCOMPARE(app::ResultExporter::omeTiffPath(mDir.filePath("out/comparison.tif")), ome);
    QVERIFY(window.exportResults(ome));
    QFile omeFile(ome);
    QVERIFY(omeFile.open(QIODevice::ReadOnly));
    const QByteArray omeBytes = omeFile.readAll();
    QVERIFY(omeBytes.contains("<OME ") && !omeBytes.contains("ImageJ="));
    const engine::Image omeWritten = engine::readImage(ome.toStdString());
    QCOMPARE(omeWritten.channelNames(), written.channelNames());
    QVERIFY(
        std::equal(wiener.values().begin(), wiener.values().end(), omeWritten.plane(2).begin()));
    QCOMPARE(omeWritten.provenance(), written.provenance());

    const QString png = mDir.filePath("out/grid.png");
    QVERIFY(window.exportGrid(png));
    const QImage grid(png);
    QVERIFY(!grid.isNull() && grid.width() > 3 * 256);

    const QString csv = mDir.filePath("out/metrics.csv");
    QVERIFY(window.exportMetrics(csv));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5);
    QVERIFY(lines[0].startsWith("method,defocus_um"));
    for (int i = 1; i < lines.size(); ++i) {
        const QString psnr = lines[i].section(',', -2, -2);
        QVERIFY2(psnr.toDouble() > 10, qPrintable(lines[i]));
    }
    // A file that cannot be written: an error, no crash.
    QVERIFY(!window.exportMetrics(mDir.filePath("no/such/folder/m.csv")));
    QVERIFY(!window.lastError().isEmpty());
}

void TestMainWindow::settingsPersist()
{
    {
        app::MainWindow window;
        window.show();
        window.grid()->setColourMap(widgets::ColourMap::Magma);
        window.grid()->setPanelShown("hl", false);
        auto s = window.methodPanel()->settings();
        s.wiener.nsr = 0.05;
        window.methodPanel()->setSettings(s);
        window.methodPanel()->networkViews()->setCurrentIndex(
            window.methodPanel()->networkViews()->findData(2));
        window.defocusControl()->setValue(9.5);
        window.close();
    }
    app::MainWindow again;
    QCOMPARE(again.grid()->colourMap(), widgets::ColourMap::Magma);
    QVERIFY(!again.grid()->panelShown("hl"));
    QVERIFY(again.grid()->panelShown("wiener"));
    QCOMPARE(again.methodPanel()->settings().wiener.nsr, 0.05);
    QCOMPARE(again.methodPanel()->settings().networkViews, 2);
    QCOMPARE(again.defocusControl()->value(), 9.5);
}

void TestMainWindow::mismatchedOrBrokenModelExplainsAndOthersStillRun()
{
    app::MainWindow window;
    window.show();
    window.openDemo();
    QVERIFY(waitIdle(window));
    // Another probe than the model's: the network panels say so; the others follow it.
    auto probe = window.probePanel()->settings();
    probe.optics.energyKeV = 8.0;
    window.probePanel()->setSettings(probe);
    QVERIFY(waitIdle(window));
    auto* latent = window.grid()->view("latent");
    QVERIFY(!latent->hasImage());
    QVERIFY2(latent->placeholderText().contains("trained for another probe"),
        qPrintable(latent->placeholderText()));
    QVERIFY(window.grid()->view("wiener")->hasImage());
    // A broken model file: a message in the panel, the window stays usable.
    const QString broken = mDir.filePath("broken.llm");
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a model");
    file.close();
    window.probePanel()->setSettings(app::ProbeSettings {});
    auto s = window.methodPanel()->settings();
    s.modelPath = broken;
    window.methodPanel()->setSettings(s);
    QVERIFY(waitIdle(window));
    QVERIFY(!latent->hasImage());
    QVERIFY2(
        latent->placeholderText().contains("broken.llm"), qPrintable(latent->placeholderText()));
    QVERIFY(window.grid()->view("wiener")->hasImage());
    QVERIFY(window.runner()->result("wiener"));
}

void TestMainWindow::aboutNamesTheLibrariesAndTheDevice()
{
    app::MainWindow window;
    const QString about = window.aboutText();
    for (const QString& part : { QString("Qt ") + qVersion(), QString("LibTorch 1."),
             QString("FFTW fftw-3"), QString("VTK 9."), QString("GPU: ") })
        QVERIFY2(about.contains(part), qPrintable(part + " not in " + about));
}

void TestMainWindow::largeImagesPreviewTheVisibleRegionFirst()
{
    // Above a megapixel, a zoomed-in view is deblurred first, then the whole image.
    engine::SpecimenOptions s;
    s.width = s.height = 1100;
    s.seed = 9;
    engine::Image blurred
        = engine::convolve(engine::generateSpecimen(s), kernelAt(9e-6), engine::Boundary::Reflect);
    engine::addGaussianNoise(blurred, 0.001, 4);
    const QString path = mDir.filePath("large.tif");
    engine::writeTiff(blurred, path.toStdString());
    app::MainWindow window;
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.grid()->setPanelShown("rl", false); // keeps the test short
    QVERIFY(openAndWait(window, path));
    QVERIFY(waitIdle(window, 300000));
    // Zoom in, as the wheel would: every panel shows the same small region.
    widgets::ImageView::ViewState zoomed;
    zoomed.zoom = 2.0;
    zoomed.centre = QPointF(400, 500);
    zoomed.fitted = false;
    for (const QString& key : window.grid()->panelKeys())
        window.grid()->view(key)->setViewState(zoomed);
    const QRect region = window.grid()->visibleRegion();
    QVERIFY(!region.isEmpty() && region.width() < 600 && region.height() < 600);
    QStringList order; // what arrives, in order
    engine::Image wienerPreview;
    connect(window.runner(), &app::ComparisonRunner::methodPreview, this,
        [&](const QString& key, const QRect& r, const engine::Image& values) {
            order.push_back("preview:" + key);
            QCOMPARE(r, region);
            QCOMPARE(values.width(), std::size_t(region.width()));
            if (key == "wiener")
                wienerPreview = values;
        });
    connect(window.runner(), &app::ComparisonRunner::methodFinished, this,
        [&](const QString& key) { order.push_back("whole:" + key); });
    window.defocusControl()->setValue(9.0);
    QVERIFY(waitIdle(window, 300000));
    // Every preview came before every whole image.
    for (const char* key : { "latent", "wiener", "hl" }) {
        const auto preview = order.indexOf(QString("preview:") + key);
        QVERIFY2(preview >= 0, qPrintable(order.join(',')));
        for (const char* other : { "latent", "wiener", "hl" })
            QVERIFY2(
                preview < order.indexOf(QString("whole:") + other), qPrintable(order.join(',')));
    }
    // In the end each panel shows the whole image's result, exactly.
    const engine::Image input = engine::readImage(path.toStdString());
    comparePanel(window, "wiener", engine::Wiener().run(input, kernelAt(9e-6)), 1e-5f);
    QVERIFY(!window.grid()->panelCaption("wiener").contains("Preview"));
    // The preview itself: Wiener on the region with a kernel-wide margin, inside the region
    // close to the whole image's result (the margin keeps the border effects out).
    const QRect crop = region.adjusted(-64, -64, 64, 64).intersected(QRect(0, 0, 1100, 1100));
    engine::Image part(std::size_t(crop.width()), std::size_t(crop.height()));
    for (int y = 0; y < crop.height(); ++y)
        for (int x = 0; x < crop.width(); ++x)
            part.at(std::size_t(x), std::size_t(y))
                = input.at(std::size_t(crop.x() + x), std::size_t(crop.y() + y));
    const engine::Image partResult = engine::Wiener().run(part, kernelAt(9e-6));
    const engine::Image whole = window.runner()->result("wiener")->image;
    double sum = 0.0, worst = 0.0;
    for (int y = 0; y < region.height(); ++y)
        for (int x = 0; x < region.width(); ++x) {
            const float expected = partResult.at(
                std::size_t(region.x() - crop.x() + x), std::size_t(region.y() - crop.y() + y));
            worst = std::max(worst,
                double(std::abs(wienerPreview.at(std::size_t(x), std::size_t(y)) - expected)));
            sum += std::abs(
                expected - whole.at(std::size_t(region.x() + x), std::size_t(region.y() + y)));
        }
    QVERIFY2(worst < 1e-5, qPrintable(QString::number(worst)));
    QVERIFY2(sum / double(region.width() * region.height()) < 0.01,
        qPrintable(QString::number(sum / double(region.width() * region.height()))));
}

void TestMainWindow::ensembleModelShowsOneViewFirstAndItsAverageLast()
{
    // A kernel-aware model that averages 4 views: after a slider move its panel shows one
    // view at once, the classical panels follow, and the average comes last and stays.
    auto record = engine::ModelRecord::small(engine::Architecture::KernelAware);
    record.width = 8;
    record.latentChannels = 16;
    record.ensembleViews = 4;
    engine::TrainingOptions o; // one short stage 3: a residual that is not zero
    o.record = record;
    o.data = { mData.toStdString() };
    o.epochsStage1 = o.epochsStage2 = 0;
    o.epochsStage3 = 1;
    o.batchesPerEpoch = 2;
    o.batchSize = 2;
    o.learningRate = 1e-2;
    o.seed = 11;
    const QString path = mDir.filePath("views4.llm");
    engine::LatentTrainer(o).run().save(path.toStdString());
    app::MainWindow window;
    window.show();
    auto methods = window.methodPanel()->settings();
    methods.modelPath = path;
    window.methodPanel()->setSettings(methods);
    QVERIFY(openAndWait(window, mSpecimen));
    QVERIFY(waitIdle(window));
    QStringList order;
    engine::Image oneView;
    QString quickCaption;
    int previewViews = 0;
    connect(window.runner(), &app::ComparisonRunner::methodPreview, this,
        [&](const QString& key, const QRect& region, const engine::Image& values, int views) {
            order.push_back("quick:" + key);
            previewViews = views;
            QCOMPARE(region, QRect(0, 0, int(values.width()), int(values.height())));
            if (key == "latent") {
                oneView = values;
                quickCaption = window.grid()->panelCaption("latent");
            }
        });
    connect(window.runner(), &app::ComparisonRunner::methodFinished, this,
        [&](const QString& key) { order.push_back("whole:" + key); });
    window.defocusControl()->setValue(5.0);
    QVERIFY(waitIdle(window));
    const auto quick = order.indexOf("quick:latent"), whole = order.indexOf("whole:latent");
    QVERIFY2(quick >= 0 && whole > quick, qPrintable(order.join(',')));
    for (const char* key : { "wiener", "rl", "hl" }) {
        const auto at = order.indexOf(QString("whole:") + key);
        QVERIFY2(at > quick && at < whole, qPrintable(order.join(',')));
    }
    QVERIFY2(quickCaption.contains("average of 4 views follows"), qPrintable(quickCaption));
    QCOMPARE(previewViews, 4);
    // One view first, the average last: each exactly what the engine gives.
    const engine::Image input = engine::readImage(mSpecimen.toStdString());
    const auto loaded = engine::LatentModel::load(path.toStdString());
    const auto single
        = loaded.deblur(input, 5e-6, engine::LatentMethod::Latent, {}, kernelAt(5e-6), 1);
    float worst = 0.0f;
    for (std::size_t i = 0; i < single.values().size(); ++i)
        worst = std::max(worst, std::abs(oneView.values()[i] - single.values()[i]));
    QVERIFY2(worst < 1e-5f, qPrintable(QString::number(worst)));
    const auto& average = window.runner()->result("latent")->image;
    float apart = 0.0f; // the average is not the one view
    for (std::size_t i = 0; i < single.values().size(); ++i)
        apart = std::max(apart, std::abs(average.values()[i] - single.values()[i]));
    QVERIFY2(apart > 1e-4f, qPrintable(QString::number(apart)));
    comparePanel(window, "latent",
        loaded.deblur(input, 5e-6, engine::LatentMethod::Latent, {}, kernelAt(5e-6)), 1e-5f);
    QVERIFY2(window.grid()->panelCaption("latent").contains("average of 4 views"),
        qPrintable(window.grid()->panelCaption("latent")));
    // The user's choice of views: one (the fastest, no early pass), then eight.
    auto* views = window.methodPanel()->networkViews();
    views->setCurrentIndex(views->findData(1));
    QVERIFY(waitIdle(window));
    comparePanel(window, "latent", single, 1e-5f);
    QVERIFY2(!window.grid()->panelCaption("latent").contains("average"),
        qPrintable(window.grid()->panelCaption("latent")));
    order.clear();
    window.defocusControl()->setValue(5.5);
    QVERIFY(waitIdle(window));
    QVERIFY2(!order.join(',').contains("quick:"), qPrintable(order.join(',')));
    views->setCurrentIndex(views->findData(8));
    QVERIFY(waitIdle(window));
    comparePanel(window, "latent",
        loaded.deblur(input, 5.5e-6, engine::LatentMethod::Latent, {}, kernelAt(5.5e-6), 8), 1e-5f);
    QVERIFY2(window.grid()->panelCaption("latent").contains("average of 8 views"),
        qPrintable(window.grid()->panelCaption("latent")));
    views->setCurrentIndex(views->findData(0));
    // The paper's one-view model of the other tests shows no early pass.
    order.clear();
    methods.modelPath.clear();
    window.methodPanel()->setSettings(methods);
    QVERIFY(waitIdle(window));
    window.defocusControl()->setValue(6.0);
    QVERIFY(waitIdle(window));
    QVERIFY2(!order.join(',').contains("quick:"), qPrintable(order.join(',')));
}

void TestMainWindow::closingWhileTrainingAsksFirst()
{
    app::MainWindow window;
    window.show();
    auto* training = window.trainingPanel();
    training->setDataSources({ mData });
    training->setEpochs(50, 50);
    training->setBatches(3, 2);
    training->setOutput(mDir.filePath("closing/model.llm"));
    training->start();
    QVERIFY(training->running());
    // Answer the question when it comes: No first, then Yes.
    auto answer = [](QMessageBox::StandardButton button) {
        QTimer::singleShot(200, [button] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            QVERIFY(box);
            QVERIFY(box->text().contains("Stop training"));
            box->button(button)->click();
        });
    };
    answer(QMessageBox::No);
    QVERIFY(!window.close());
    QVERIFY(window.isVisible());
    QVERIFY(training->running());
    answer(QMessageBox::Yes);
    QVERIFY(window.close());
}

void TestMainWindow::importedPsfDrivesTheClassicalMethods()
{
    // A measured PSF (a Gaussian bead image) imported in the probe panel.
    engine::Image psf(64, 64);
    for (std::size_t y = 0; y < 64; ++y)
        for (std::size_t x = 0; x < 64; ++x)
            psf.at(x, y)
                = float(std::exp(-((x - 32.0) * (x - 32.0) + (y - 31.0) * (y - 31.0)) / 18.0));
    const QString psfPath = mDir.filePath("bead.tif");
    engine::writeTiff(psf, psfPath.toStdString());
    app::MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, mSpecimen));
    QVERIFY(waitIdle(window));
    auto* probe = window.probePanel();
    QCOMPARE(probe->importProbe(psfPath), QString());
    QVERIFY(probe->settings().source == app::ProbeSettings::Source::Imported);
    QVERIFY(!window.defocusControl()->isEnabled()); // a PSF has no defocus
    QVERIFY(waitIdle(window));
    // Wiener now deblurs with the PSF (centred on its centroid), exactly as the engine does.
    engine::KernelOptions options;
    options.size = 64;
    options.supportFraction = 0.35;
    options.centre = engine::KernelOptions::Centre::Centroid;
    const auto kernel
        = engine::importedKernel(engine::importProbe(psfPath.toStdString()), 0.0, options);
    const engine::Image input = engine::readImage(mSpecimen.toStdString());
    comparePanel(window, "wiener", engine::Wiener().run(input, kernel), 1e-5f);
    QCOMPARE(probe->kernelView()->valueAt(32, 32), kernel.at(32, 32));
    // The paper's network was trained for the zone plate, not for this PSF: it says so.
    QVERIFY2(window.grid()->view("latent")->placeholderText().contains("another probe"),
        qPrintable(window.grid()->view("latent")->placeholderText()));
    // A kernel-aware network deconvolves with the PSF itself: untrained, its panel is
    // exactly the Wiener panel.
    {
        auto record = engine::ModelRecord::small(engine::Architecture::KernelAware);
        record.width = 8;
        record.latentChannels = 16;
        const QString aware = mDir.filePath("aware.llm");
        engine::LatentModel(record, 3).save(aware.toStdString());
        auto methods = window.methodPanel()->settings();
        methods.modelPath = aware;
        window.methodPanel()->setSettings(methods);
        QVERIFY(waitIdle(window));
        comparePanel(window, "latent", engine::Wiener().run(input, kernel), 1e-5f);
        methods.modelPath.clear();
        window.methodPanel()->setSettings(methods);
    }
    // A file that is not a probe: the reason, and the PSF stays.
    const QString bad = mDir.filePath("notaprobe.npy");
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("\x93NUMPY garbage");
    file.close();
    QVERIFY(!probe->importProbe(bad).isEmpty());
    QCOMPARE(probe->settings().importedPath, psfPath);
}

void TestMainWindow::everySizeGivesFiniteValuesOrAClearRefusal_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<bool>("runs"); // false: the kernel does not fit, every method refuses
    QTest::newRow("1 x 1") << 1 << 1 << false;
    QTest::newRow("9 x 41") << 9 << 41 << true;
    QTest::newRow("41 x 9, an XRF map's shape") << 41 << 9 << true;
    QTest::newRow("63 x 65") << 63 << 65 << true;
    QTest::newRow("4097 x 3, wider than a network tile") << 4097 << 3 << true;
}

void TestMainWindow::everySizeGivesFiniteValuesOrAClearRefusal()
{
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(bool, runs);
    // A map sampled at 250 nm: the zone plate's kernel, resampled from 5 nm, covers 3 x 3
    // pixels, so that even small maps can be deblurred.
    engine::Image map { std::size_t(width), std::size_t(height) };
    for (std::size_t i = 0; i < map.size(); ++i)
        map.values()[i] = float(0.2 + 0.6 * ((i * 7919) % 101) / 100.0);
    map.setSpacing({ 250e-9, 250e-9, 0.0 });
    const QString path = mDir.filePath(QString("map_%1x%2.tif").arg(width).arg(height));
    engine::writeTiff(map, path.toStdString());

    auto record = engine::ModelRecord::small(engine::Architecture::KernelAware);
    record.width = 8;
    record.latentChannels = 16;
    const QString aware = mDir.filePath("aware-sizes.llm");
    engine::LatentModel(record, 5).save(aware.toStdString());

    app::MainWindow window;
    window.show();
    auto methods = window.methodPanel()->settings();
    methods.modelPath = aware;
    window.methodPanel()->setSettings(methods);
    QVERIFY(openAndWait(window, path));
    QVERIFY(waitIdle(window));
    const engine::Image& kernel = window.runner()->kernel();
    if (runs)
        QVERIFY2(kernel.width() <= 5 && kernel.width() >= 3,
            qPrintable(QString::number(kernel.width())));

    int shown = 0;
    const QStringList enabled = window.runner()->enabledMethods();
    QVERIFY(enabled.contains("latent") && enabled.contains("wiener") && enabled.contains("hl"));
    for (const QString& key : enabled) {
        auto* view = window.grid()->view(key);
        const app::MethodResult* result = window.runner()->result(key);
        if (!view->hasImage() || !result) {
            // Refused: in words, and nothing kept that an export could write.
            QVERIFY2(!runs, qPrintable(key + ": " + view->placeholderText()));
            QVERIFY2(view->placeholderText().contains("larger than the image"),
                qPrintable(key + ": " + view->placeholderText()));
            QVERIFY(!result);
            continue;
        }
        ++shown;
        QCOMPARE(view->imageWidth(), width);
        QCOMPARE(view->imageHeight(), height);
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x)
                QVERIFY2(std::isfinite(view->valueAt(x, y)), qPrintable(key));
    }
    QCOMPARE(shown, runs ? int(enabled.size()) : 0);

    // The exported stack holds exactly what the panels show, value for value.
    const QString out = mDir.filePath(QString("export_%1x%2.tif").arg(width).arg(height));
    QVERIFY2(window.exportResults(out), qPrintable(window.lastError()));
    const engine::Image written = engine::readImage(out.toStdString());
    QCOMPARE(written.width(), std::size_t(width));
    QCOMPARE(written.height(), std::size_t(height));
    QCOMPARE(written.channels(), std::size_t(1 + shown));
    for (std::size_t c = 1; c < written.channels(); ++c) {
        const QString key = QString::fromStdString(written.channelNames().at(c));
        auto* view = window.grid()->view(key);
        QVERIFY2(view && view->hasImage(), qPrintable(key));
        const auto plane = written.plane(c);
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x)
                QCOMPARE(plane[std::size_t(y) * std::size_t(width) + std::size_t(x)],
                    view->valueAt(x, y));
    }
}

void TestMainWindow::importedProbeTakesPixelSizeAndEnergyInThePanel()
{
    // A complex probe in a .npy without pixel size or energy: it cannot be propagated or
    // resampled until the panel is given both.
    const engine::ComplexProbe focus = engine::focusedProbe(engine::ZonePlateOptics {});
    const QString npy = mDir.filePath("bare_probe.npy");
    {
        QFile file(npy);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const std::size_t n = focus.width;
        QByteArray header
            = QString("{'descr': '<c16', 'fortran_order': False, 'shape': (%1, %2), }")
                  .arg(n)
                  .arg(n)
                  .toLatin1();
        while ((10 + header.size() + 1) % 64 != 0)
            header.append(' ');
        header.append('\n');
        file.write("\x93NUMPY\x01\x00", 8);
        const quint16 length = quint16(header.size());
        file.write(reinterpret_cast<const char*>(&length), 2);
        file.write(header);
        file.write(reinterpret_cast<const char*>(focus.modes.at(0).data()),
            qint64(focus.modes.at(0).size() * sizeof(std::complex<double>)));
    }
    app::MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, mSpecimen));
    QVERIFY(waitIdle(window));
    auto* probe = window.probePanel();
    QCOMPARE(probe->importProbe(npy), QString());
    QVERIFY(waitIdle(window));
    auto* pixel = probe->findChild<QDoubleSpinBox*>("importPixel");
    auto* energy = probe->findChild<QDoubleSpinBox*>("importEnergy");
    QVERIFY(pixel && energy);
    QCOMPARE(pixel->value(), 0.0); // the file has neither
    QCOMPARE(energy->value(), 0.0);
    QVERIFY(energy->isEnabled());
    // At 7 um the probe must be propagated: the kernel asks for what is missing.
    QVERIFY2(probe->kernelView()->placeholderText().contains("pixel size"),
        qPrintable(probe->kernelView()->placeholderText()));
    QVERIFY(!probe->kernelView()->hasImage());

    // Typed in, as a user does: the kernel appears, and equals the simulated probe's.
    pixel->setFocus();
    pixel->selectAll();
    QTest::keyClicks(pixel, "5");
    QTest::keyClick(pixel, Qt::Key_Enter);
    energy->setFocus();
    energy->selectAll();
    QTest::keyClicks(energy, "12");
    QTest::keyClick(energy, Qt::Key_Enter);
    QCOMPARE(pixel->value(), 5.0);
    QCOMPARE(energy->value(), 12.0);
    QVERIFY(waitIdle(window));
    QVERIFY2(probe->kernelView()->hasImage(), qPrintable(probe->kernelView()->placeholderText()));
    engine::KernelOptions options;
    options.size = 64;
    options.supportFraction = 0.35;
    options.centre = engine::KernelOptions::Centre::Centroid;
    const engine::Image expected
        = engine::probeKernel(engine::simulateProbe(engine::ZonePlateOptics {}, 7e-6), options);
    const engine::Image& kernel = window.runner()->kernel();
    QCOMPARE(kernel.width(), expected.width());
    double difference = 0.0;
    for (std::size_t i = 0; i < kernel.size(); ++i)
        difference += std::abs(kernel.values()[i] - expected.values()[i]);
    QVERIFY2(difference < 1e-3, qPrintable(QString::number(difference)));
    QVERIFY(window.grid()->view("wiener")->hasImage());
    // The specimen has no pixel size: the panel says which sampling it assumed.
    QVERIFY2(probe->samplingWarnings().join(' ').contains("no pixel size"),
        qPrintable(probe->samplingWarnings().join(' ')));
}

void TestMainWindow::xrfMapsOpenWithTheirAnalysisAndPixelSize()
{
    // Two analyses of one element, 20 x 16, ROI values 1000 above Fitted; 0.25 µm steps.
    const QString map = mDir.filePath("twoanalyses.h5t"), bare = mDir.filePath("noaxes.h5");
    for (const QString& file : { map, bare }) {
        testwriters::Hdf5Out out(file.toStdString());
        std::vector<double> fitted(16 * 20), roi(16 * 20);
        for (std::size_t i = 0; i < fitted.size(); ++i) {
            fitted[i] = double(i % 20);
            roi[i] = fitted[i] + 1000.0;
        }
        out.doubles("/MAPS/XRF_Analyzed/Fitted/Counts_Per_Sec", { 1, 16, 20 }, fitted);
        out.doubles("/MAPS/XRF_Analyzed/ROI/Counts_Per_Sec", { 1, 16, 20 }, roi);
        if (file == map) {
            std::vector<double> xs(20), ys(16);
            for (std::size_t i = 0; i < xs.size(); ++i)
                xs[i] = 0.25 * double(i);
            for (std::size_t i = 0; i < ys.size(); ++i)
                ys[i] = 0.25 * double(i);
            out.doubles("/MAPS/Scan/x_axis", { 20 }, xs);
            out.doubles("/MAPS/Scan/y_axis", { 16 }, ys);
        }
    }
    app::MainWindow window;
    window.show();
    QMenu* menu = nullptr;
    for (QAction* a : window.menuBar()->actions())
        for (QAction* b : a->menu() ? a->menu()->actions() : QList<QAction*> {})
            if (b->menu() && b->text().contains("Analysis"))
                menu = b->menu();
    QVERIFY(menu);
    QVERIFY(openAndWait(window, mStack));
    QVERIFY(!menu->isEnabled()); // a TIFF has no analyses

    QVERIFY(openAndWait(window, map));
    QCOMPARE(window.windowTitle(), QString("twoanalyses.h5t \u2014 Fitted \u2014 LatentLens"));
    QCOMPARE(window.xrfAnalyses(), (QStringList { "Fitted", "ROI" }));
    QVERIFY(menu->isEnabled());
    QCOMPARE(menu->actions().size(), 2);
    QVERIFY(window.findChild<QAction*>("analysis_Fitted")->isChecked());
    QCOMPARE(window.image().spacing().x, 2.5e-7);
    QVERIFY(std::abs(window.probePanel()->imagePixelSize() - 2.5e-7) < 1e-12);
    auto* input = window.grid()->view(app::MainWindow::inputKey);
    QCOMPARE(input->valueAt(3, 2), 3.0f);

    QSignalSpy opened(&window, &app::MainWindow::fileOpened);
    window.findChild<QAction*>("analysis_ROI")->trigger();
    QVERIFY(opened.wait(30000));
    QCOMPARE(window.windowTitle(), QString("twoanalyses.h5t \u2014 ROI \u2014 LatentLens"));
    QCOMPARE(window.xrfAnalysis(), QString("ROI"));
    QVERIFY(window.findChild<QAction*>("analysis_ROI")->isChecked());
    QCOMPARE(input->valueAt(3, 2), 1003.0f);
    QCOMPARE(window.currentFile(), map);

    // Maps without scan axes: shown, with the reason for the unknown pixel size.
    QVERIFY(openAndWait(window, bare));
    QCOMPARE(window.image().spacing().x, 0.0);
    const QString message = window.statusBar()->currentMessage();
    QVERIFY2(message.contains("noaxes.h5") && message.contains("pixel size is left unknown"),
        qPrintable(message));
    QVERIFY(waitIdle(window));
}

void TestMainWindow::stackShorterThanDeclaredSaysSo()
{
    // Three pages whose ImageJ description declares six: a stack cut short.
    const QString stack = mDir.filePath("short.tif");
    engine::writeTiff(engine::Image(20, 10, 3), stack.toStdString());
    testwriters::declareSixOfThreePlanes(stack.toStdString());
    app::MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, stack));
    QCOMPARE(window.image().planeCount(), std::size_t(3));
    const QString message = window.statusBar()->currentMessage();
    QVERIFY2(
        message.contains("declares 6 planes") && message.contains("3 of 6"), qPrintable(message));
    QVERIFY(waitIdle(window));
}

void TestMainWindow::trainingDockShowsEveryButtonAt1600By1000()
{
    app::MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showDock(window.trainingPanel());
    QCoreApplication::processEvents();
    const auto buttons = window.trainingPanel()->findChildren<QPushButton*>();
    QVERIFY(buttons.size() >= 6);
    for (QPushButton* button : buttons) {
        if (!button->isVisible())
            continue;
        // Fully inside the dock's visible area: nothing cut off, no sideways scrolling.
        QVERIFY2(button->visibleRegion().boundingRect() == button->rect(),
            qPrintable(button->text()
                + QString(" at x %1 of a panel %2 wide")
                      .arg(button->mapTo(window.trainingPanel(), QPoint()).x())
                      .arg(window.trainingPanel()->parentWidget()->width())));
    }
}

void TestMainWindow::wheelChangesOnlyTheFocusedControl()
{
    app::MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showDock(window.trainingPanel());
    auto* combo = window.trainingPanel()->findChild<QComboBox*>("trainingArchitecture");
    QVERIFY(combo);
    auto wheel = [&] {
        const QPointF at(combo->width() / 2.0, combo->height() / 2.0);
        QWheelEvent event(at, combo->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton,
            Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(combo, &event);
    };
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.setFocus();
    QVERIFY(!combo->hasFocus());
    const int before = combo->currentIndex();
    wheel(); // scrolling over the dock: the network choice stays
    QCOMPARE(combo->currentIndex(), before);
    combo->setFocus();
    QTRY_VERIFY(combo->hasFocus());
    wheel(); // clicked or tabbed into: the wheel changes it
    QVERIFY(combo->currentIndex() != before);
}

void TestMainWindow::sliderDragLandsOnEveryValueTheCaptionNames()
{
    widgets::DefocusControl control;
    control.resize(260, 80); // a slider of about 113 pixels, as in a narrow probe dock
    control.show();
    QVERIFY(QTest::qWaitForWindowExposed(&control));
    QSlider* slider = control.slider();
    const double perPixel = (control.maximum() - control.minimum()) / slider->width();
    const double snap = control.dragStep();
    QVERIFY2(snap >= perPixel * 0.9 && snap <= 0.5, qPrintable(QString::number(snap)));
    // A drag that ends a few hundredths off 12 lands on 12.00, as the caption says.
    slider->setSliderDown(true);
    slider->setValue(int(std::lround((12.03 - control.minimum()) / 0.01)));
    slider->setSliderDown(false);
    QCOMPARE(control.value(), 12.0);
    QCOMPARE(control.spinBox()->value(), 12.0);
    // The keyboard keeps 0.01 um steps.
    control.setValue(12.0);
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_Right);
    QVERIFY(std::abs(control.value() - 12.01) < 1e-9);
}

void TestMainWindow::demoMarksItsTrueBlurAndSaysWhatItShows()
{
    app::MainWindow window;
    window.show();
    window.openDemo();
    QCOMPARE(window.defocusControl()->trueValue(), 7.0);
    auto* label = window.defocusControl()->findChild<QLabel*>("trainedLabel");
    QVERIFY2(label->text().contains("7.00"), qPrintable(label->text()));
    QVERIFY2(window.statusBar()->currentMessage().contains("Demo:"),
        qPrintable(window.statusBar()->currentMessage()));
    QVERIFY(waitIdle(window));
    QVERIFY(openAndWait(window, mStack)); // a file's true blur is unknown
    QVERIFY(std::isnan(window.defocusControl()->trueValue()));
    QVERIFY(waitIdle(window));
}

void TestMainWindow::trainingFormIsCheckedWhileItIsEdited()
{
    app::MainWindow window;
    window.show();
    auto* training = window.trainingPanel();
    auto* error = training->findChild<QLabel*>("trainingFormError");
    QVERIFY(error);
    training->setDataSources({ mData });
    QTRY_VERIFY(training->startButton()->isEnabled());
    QVERIFY(error->isHidden());
    // A crop below the kernel: said at once, and Start is off.
    training->setCrop(32);
    QVERIFY(!training->startButton()->isEnabled());
    QVERIFY2(error->text().contains("kernel size"), qPrintable(error->text()));
    // A typed crop that is not a multiple of 4 snaps to one.
    training->setCrop(66);
    QCOMPARE(training->options().crop, std::size_t(68));
    QVERIFY(training->startButton()->isEnabled());
    // A reference defocus outside the list: the same.
    auto* reference = training->findChild<QLineEdit*>("trainingReference");
    reference->setText("4");
    QVERIFY(!training->startButton()->isEnabled());
    QVERIFY2(error->text().contains("reference"), qPrintable(error->text()));
    reference->setText("3");
    QVERIFY(training->startButton()->isEnabled());
}

void TestMainWindow::everyControlHasATooltip()
{
    app::MainWindow window;
    window.show();
    QStringList missing;
    auto check = [&](QWidget* w, const QString& what) {
        if (w->toolTip().isEmpty() && w->window() == &window)
            missing << QString("%1 '%2' (%3)")
                           .arg(what, w->objectName(),
                               w->parentWidget() ? w->parentWidget()->metaObject()->className()
                                                 : "");
    };
    for (auto* w : window.findChildren<QAbstractButton*>()) {
        if (w->inherits("QDockWidgetTitleButton") || w->inherits("QToolButton"))
            continue; // dock title buttons and tool bar buttons speak through their actions
        check(w, w->metaObject()->className() + QString(" ") + w->text());
    }
    for (auto* w : window.findChildren<QComboBox*>())
        check(w, "QComboBox " + w->currentText());
    for (auto* w : window.findChildren<QAbstractSpinBox*>())
        if (!w->parentWidget()->inherits("QAbstractSpinBox"))
            check(w, w->metaObject()->className());
    for (auto* w : window.findChildren<QSlider*>())
        check(w, "QSlider");
    for (auto* w : window.findChildren<QLineEdit*>())
        if (!w->parentWidget()->inherits("QAbstractSpinBox")
            && !w->parentWidget()->inherits("QComboBox"))
            check(w, "QLineEdit " + w->text());
    for (const QString& m : missing)
        qWarning("no tooltip: %s", qPrintable(m));
    QCOMPARE(missing.size(), 0);
}

void TestMainWindow::userGuideOpensFromTheHelpMenu()
{
    app::MainWindow window;
    window.show();
    QAction* guide = nullptr;
    for (QAction* menu : window.menuBar()->actions())
        if (menu->menu())
            for (QAction* a : menu->menu()->actions())
                if (a->text().contains("User Guide"))
                    guide = a;
    QVERIFY(guide);
    QCOMPARE(guide->shortcut(), QKeySequence(QKeySequence::HelpContents));
    guide->trigger();
    auto* dialog = window.findChild<QDialog*>("userGuide");
    QVERIFY(dialog && dialog->isVisible());
    auto* text = dialog->findChild<QTextBrowser*>("userGuideText");
    const QString plain = text->toPlainText();
    // Task by task, as docs/user-guide.md has it.
    for (const char* heading : { "XRF map", "Compare the methods", "Retrain", "command line" })
        QVERIFY2(plain.contains(heading, Qt::CaseInsensitive), heading);
    // Its screenshots are built in, too.
    QVERIFY(!QImage(":/guide/images/studio-demo.png").isNull());
}

namespace {

/// A 2-channel x 2-slice stack of 72 x 64 pixels at 250 nm (the probe's kernel then covers
/// a few pixels), 16-bit, with named channels.
engine::Image smallHyperstack()
{
    engine::Image stack(72, 64, 2, 2, 1);
    for (std::size_t p = 0; p < stack.planeCount(); ++p)
        for (std::size_t i = 0; i < stack.planeSize(); ++i)
            stack.plane(p)[i] = float((100 + (i * 7919 + p * 131) % 997) / 65535.0);
    stack.setSpacing({ 250e-9, 250e-9, 1e-6 });
    stack.setChannelNames({ "DAPI", "actin" });
    return stack;
}

} // namespace

void TestMainWindow::wholeStackEqualsEachPlaneAloneAndExportsRoundTrip()
{
    const QString path = mDir.filePath("hyperstack.tif");
    engine::TiffWriteOptions u16;
    u16.sampleType = engine::TiffWriteOptions::SampleType::UInt16;
    engine::writeTiff(smallHyperstack(), path.toStdString(), u16);
    app::MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, path));
    QVERIFY(waitIdle(window));
    window.grid()->setPanelShown("latent", false); // two methods: Wiener and RL
    window.grid()->setPanelShown("hl", false);
    QVERIFY(waitIdle(window));
    QSignalSpy finished(&window, &app::MainWindow::stackFinished);
    window.deblurStack();
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.first().first().toBool(), false);
    const app::StackResults* results = window.stackResults();
    QVERIFY(results);
    QCOMPARE(results->methods(), (QStringList { "wiener", "rl" }));
    // Each plane equals that plane deblurred alone, with the same kernel and settings.
    const engine::Image input = engine::readImage(path.toStdString());
    const engine::Image kernel = window.runner()->kernel();
    const auto& settings = window.runner()->methodSettings();
    for (std::size_t p = 0; p < input.planeCount(); ++p) {
        const engine::Image plane = input.extractPlane(p);
        const engine::Image wiener = engine::Wiener(settings.wiener).run(plane, kernel);
        const engine::Image rl = engine::RichardsonLucy(settings.rl).run(plane, kernel);
        const auto a = results->plane("wiener", p), b = results->plane("rl", p);
        QVERIFY(a && b);
        QVERIFY(std::equal(a->values().begin(), a->values().end(), wiener.values().begin()));
        QVERIFY(std::equal(b->values().begin(), b->values().end(), rl.values().begin()));
    }
    // The navigator shows the stored planes at once, in every panel.
    window.setCurrentPlane(3);
    QVERIFY(waitIdle(window));
    QVERIFY2(window.runner()->result("wiener")->parameters.contains("stack run"),
        qPrintable(window.runner()->result("wiener")->parameters));
    comparePanel(window, "wiener", *results->plane("wiener", 3), 0.0f);

    // Export, one file per method: shape, spacing, channel names and raw counts round-trip.
    const QString out = mDir.filePath("export/stack.tif");
    QVERIFY(QDir().mkpath(mDir.filePath("export")));
    QVERIFY(window.exportStackResults(out, app::MainWindow::StackLayout::FilePerMethod));
    const engine::Image written
        = engine::readImage(mDir.filePath("export/stack_wiener.tif").toStdString());
    QCOMPARE(written.channels(), std::size_t(2));
    QCOMPARE(written.depth(), std::size_t(2));
    QCOMPARE(written.channelNames(), (std::vector<std::string> { "DAPI", "actin" }));
    QVERIFY(std::abs(written.spacing().x - 250e-9) < 1e-15);
    QVERIFY(std::abs(written.spacing().z - 1e-6) < 1e-12);
    QCOMPARE(written.intensityScale(), 65535.0);
    for (std::size_t p = 0; p < 4; ++p) {
        const auto expected = results->plane("wiener", p);
        const auto got = written.plane(p);
        for (std::size_t i = 0; i < got.size(); i += 97)
            QVERIFY(std::abs(got[i] - expected->values()[i])
                <= 1e-6f * std::abs(expected->values()[i]) + 1e-9f);
    }
    // The file holds raw counts, as the CLI writes them: not [0, 1].
    QFile raw(mDir.filePath("export/stack_wiener.tif"));
    QVERIFY(raw.open(QIODevice::ReadOnly));
    QVERIFY(raw.readAll().contains("latentlens.scale=65535"));
    QVERIFY(written.provenance().find("wiener_planes") != std::string::npos);
    // Never onto the image itself: refused, and the file stays as it was.
    const QByteArray original = [&] {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    QVERIFY(!window.exportResults(path));
    QVERIFY(window.lastError().contains("computed from"));
    QVERIFY(!window.exportStackResults(path, app::MainWindow::StackLayout::MethodsAsChannels));
    QFile again(path);
    QVERIFY(again.open(QIODevice::ReadOnly));
    QCOMPARE(again.readAll(), original);
    // One file, the methods as channels.
    const QString both = mDir.filePath("export/both.tif");
    QVERIFY(window.exportStackResults(both, app::MainWindow::StackLayout::MethodsAsChannels));
    const engine::Image merged = engine::readImage(both.toStdString());
    QCOMPARE(merged.channels(), std::size_t(4));
    QCOMPARE(merged.channelNames().at(3), std::string("rl: actin"));
    QVERIFY(waitIdle(window));
}

void TestMainWindow::stoppingTheStackKeepsTheFinishedPlanes()
{
    // Six planes at the probe's own 5 nm sampling (the 64 x 64 kernel): Richardson-Lucy takes
    // a good fraction of a second per plane, far longer than the Stop takes to arrive.
    const QString path = mDir.filePath("stack_stop.tif");
    {
        engine::Image stack(384, 384, 6);
        for (std::size_t p = 0; p < stack.planeCount(); ++p)
            for (std::size_t i = 0; i < stack.planeSize(); ++i)
                stack.plane(p)[i] = float(0.1 + 0.5 * ((i * 7919 + p * 131) % 997) / 997.0);
        stack.setSpacing({ 5e-9, 5e-9, 0.0 });
        engine::writeTiff(stack, path.toStdString());
    }
    app::MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, path));
    QVERIFY(waitIdle(window));
    for (const char* key : { "latent", "wiener", "hl" })
        window.grid()->setPanelShown(key, false);
    QVERIFY(waitIdle(window));
    // Stop as soon as the first plane is done.
    connect(
        window.runner(), &app::ComparisonRunner::stackProgress, &window, [&window](int done, int) {
            if (done == 1)
                window.stopStack();
        });
    QSignalSpy finished(&window, &app::MainWindow::stackFinished);
    window.deblurStack();
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.first().first().toBool(), true); // stopped
    const auto planes = window.stackResults()->planesOf("rl");
    QVERIFY(!planes.empty());
    QCOMPARE(planes.front(), std::size_t(0));
    QVERIFY2(planes.size() < 6, qPrintable(QString::number(planes.size())));
    // What was finished is exported as a stack of those planes.
    const QString out = mDir.filePath("stopped.tif");
    QVERIFY(window.exportStackResults(out, app::MainWindow::StackLayout::FilePerMethod));
    QCOMPARE(engine::readImage(mDir.filePath("stopped_rl.tif").toStdString()).planeCount(),
        planes.size());
    // Methods as channels needs every plane: a clear refusal.
    QVERIFY(!window.exportStackResults(
        mDir.filePath("stopped_all.tif"), app::MainWindow::StackLayout::MethodsAsChannels));
    QVERIFY(window.lastError().contains("every plane"));
    QVERIFY(waitIdle(window));
}

void TestMainWindow::stackResultsBeyondTheBudgetGoToDisk()
{
    // A budget of two planes: the third and fourth go to the temporary file.
    const std::size_t w = 50, h = 40, bytes = w * h * sizeof(float);
    app::StackResults results(w, h, 4, 2 * bytes);
    for (std::size_t p = 0; p < 4; ++p) {
        engine::Image plane(w, h);
        for (std::size_t i = 0; i < plane.size(); ++i)
            plane.values()[i] = float(p * 1000 + i);
        results.add("wiener", p, plane, QString("plane %1").arg(p));
    }
    QCOMPARE(results.bytesInMemory(), 2 * bytes);
    QCOMPARE(results.bytesOnDisk(), 2 * bytes);
    for (std::size_t p = 0; p < 4; ++p) {
        const auto plane = results.plane("wiener", p);
        QVERIFY(plane);
        QCOMPARE(plane->values()[7], float(p * 1000 + 7));
    }
    QCOMPARE(results.parametersOf("wiener").last(), QString("plane 3"));
    QVERIFY(app::defaultStackBudget() > (std::size_t(1) << 28));
}

void TestMainWindow::profileShowsOnlyCurrentResultsAndClipsTheLine()
{
    app::MainWindow window;
    window.show();
    window.openDemo();
    QVERIFY(waitIdle(window));
    QVERIFY(window.profileView()->seriesNames().size() >= 4);
    // A line longer than the next image (20 x 10): clipped to it.
    window.grid()->setProfileLine(QLineF(5, 5, 200, 5));
    QVERIFY(openAndWait(window, mStack));
    const QLineF line = window.grid()->profileLine();
    QVERIFY(!line.isNull());
    QVERIFY2(line.x2() <= 20.0 && line.x1() == 5.0, qPrintable(QString::number(line.x2())));
    // The classical methods fail on it (the kernel is larger than 20 x 10) and the stack has
    // no ground truth: none of the demo's curves remain.
    QVERIFY(waitIdle(window));
    const QStringList names = window.profileView()->seriesNames();
    QVERIFY2(
        names.contains("Input") && !names.contains("Wiener") && !names.contains("Ground truth"),
        qPrintable(names.join(", ")));
    for (const QString& key : app::ComparisonRunner::methodKeys())
        if (names.contains(app::ComparisonRunner::methodName(key)))
            QVERIFY(window.runner()->result(key));
}

void TestMainWindow::hyperLaplacianAlphaShownIsTheExactExponent()
{
    // The spin box reads 0.667; the engine gets 2/3 itself, which it solves in closed form
    // (0.667 went through bisection, 16-25 times slower).
    app::MethodPanel panel;
    QCOMPARE(panel.settings().hl.alpha, 2.0 / 3.0);
    auto s = panel.settings();
    s.hl.alpha = 0.5;
    panel.setSettings(s);
    QCOMPARE(panel.settings().hl.alpha, 0.5);
    s.hl.alpha = 0.8;
    panel.setSettings(s);
    QCOMPARE(panel.settings().hl.alpha, 0.8);
}

QTEST_MAIN(TestMainWindow)
void TestMainWindow::exportsOnAFullDiskOrReadOnlyFolderLeaveNoFile()
{
    app::MainWindow window;
    window.show();
    window.openDemo();
    QVERIFY(waitIdle(window));
    const QDir dir(mDir.filePath("faults"));
    QVERIFY(QDir().mkpath(dir.path()));
    const QByteArray older = "an older export that a failed one must not damage";
    const QStringList names { "comparison.tif", "grid.png", "metrics.csv" };
    for (const auto& name : names) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(older) == older.size());
    }
    auto exportTo = [&](const QString& name) {
        const QString path = dir.filePath(name);
        return name.endsWith(".tif") ? window.exportResults(path)
            : name.endsWith(".png")  ? window.exportGrid(path)
                                     : window.exportMetrics(path);
    };
    auto everyExportFails = [&] {
        for (const auto& name : names) {
            if (exportTo(name) || !window.lastError().contains(name)) {
                qWarning() << name << window.lastError();
                return false;
            }
        }
        return true;
    };
    auto onlyTheOlderFilesAreLeft = [&] {
        QStringList left = dir.entryList(QDir::Files | QDir::Hidden);
        left.sort();
        QStringList expected = names;
        expected.sort();
        if (left != expected)
            return false;
        for (const auto& name : names) {
            QFile f(dir.filePath(name));
            if (!f.open(QIODevice::ReadOnly) || f.readAll() != older)
                return false;
        }
        return true;
    };

    // A full disk: a file-size limit below every export's size (as `ulimit -f` sets) makes
    // the writes fail as ENOSPC would; the studio ignores SIGXFSZ as its main() does.
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit saved {};
    QVERIFY(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
    rlimit small = saved;
    small.rlim_cur = 16;
    QVERIFY(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    const bool failedWhenFull = everyExportFails();
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previousHandler);
    QVERIFY(failedWhenFull);
    QVERIFY(onlyTheOlderFilesAreLeft());

    // A folder that cannot be written to (as root, which writes anywhere: as nobody).
    const auto readOnly = QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
        | QFile::ReadOther | QFile::ExeOther;
    const auto tempPermissions = QFile::permissions(mDir.path());
    QVERIFY(QFile::setPermissions(mDir.path(), tempPermissions | readOnly));
    QVERIFY(QFile::setPermissions(dir.path(), readOnly));
    const bool root = ::geteuid() == 0;
    if (root)
        QVERIFY(::seteuid(65534) == 0);
    const bool failedWhenLocked = everyExportFails();
    if (root)
        QVERIFY(::seteuid(0) == 0);
    QFile::setPermissions(dir.path(), readOnly | QFile::WriteOwner);
    QFile::setPermissions(mDir.path(), tempPermissions);
    QVERIFY(failedWhenLocked);
    QVERIFY(onlyTheOlderFilesAreLeft());

    // With room again every export replaces its older file.
    for (const auto& name : names)
        QVERIFY(exportTo(name));
    QCOMPARE(
        engine::readImage(dir.filePath("comparison.tif").toStdString()).channels(), std::size_t(6));
}

void TestMainWindow::badFilesOfTheRobustnessTable_data()
{
    // docs/robustness.md, "Bad input", the studio's column: a file that cannot be read is an
    // error box naming it, and the image shown before stays; a file with NaN pixels opens,
    // and every method's panel says why it has no result.
    QTest::addColumn<QByteArray>("bytes"); // empty: made in the test
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("message");
    QTest::newRow("corrupt TIFF") << QByteArray("II*\0garbage", 11) << "corrupt.tif"
                                  << "not a readable TIFF";
    QTest::newRow("empty file") << QByteArray() << "empty.tif"
                                << "the file is empty";
    QTest::newRow("text named .tif") << QByteArray("not an image\n") << "text.tif"
                                     << "unknown file type";
    QTest::newRow("missing file") << QByteArray() << "missing.tif"
                                  << "does not exist";
    QTest::newRow("truncated TIFF") << QByteArray() << "truncated.tif"
                                    << "not a readable TIFF";
    QTest::newRow("NaN pixel") << QByteArray() << "nan.tif"
                               << "NaN or infinite";
    // Read first in latentlens-cli's helper process, as the studio's main sets up.
    QTest::newRow("HDF5 file that crashes the HDF5 library")
        << QByteArray() << "crashes-hdf5.h5"
        << "the library that reads it failed on it";
}

void TestMainWindow::badFilesOfTheRobustnessTable()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, name);
    QFETCH(QString, message);
    const QString path = mDir.filePath("robustness-" + name);
    if (name == "truncated.tif" || name == "nan.tif") {
        engine::SpecimenOptions s;
        s.width = s.height = 96;
        engine::Image image = engine::generateSpecimen(s);
        if (name == "nan.tif")
            image.at(10, 10) = std::nanf("");
        engine::writeTiff(image, path.toStdString());
        if (name == "truncated.tif") {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.resize(f.size() / 2));
        }
    } else if (name == "crashes-hdf5.h5") {
        QFile::remove(path);
        QVERIFY(QFile::copy(
            LATENTLENS_SOURCE_DIR "/tests/fuzz/regressions/xrf/h5f_accum_read_segv.h5", path));
    } else if (name != "missing.tif") {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(bytes), bytes.size());
    }
    engine::setIsolatedReader({ LATENTLENS_CLI_PATH, "check-file" });
    const auto noHelper = qScopeGuard([] { engine::setIsolatedReader({}); });
    app::MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, mStack));
    if (name == "nan.tif") {
        QVERIFY(openAndWait(window, path));
        QVERIFY(waitIdle(window));
        for (const char* key : { "wiener", "rl", "hl" }) {
            auto* view = window.grid()->view(key);
            QVERIFY2(!view->hasImage(), key);
            QVERIFY2(
                view->placeholderText().contains(message), qPrintable(view->placeholderText()));
        }
        return;
    }
    QSignalSpy failed(&window, &app::MainWindow::fileFailed);
    window.openFile(path);
    QVERIFY(failed.wait(10000));
    auto* box = window.findChild<QMessageBox*>("errorBox");
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY2(box->text().contains(name), qPrintable(box->text()));
    QVERIFY2(window.lastError().contains(message), qPrintable(window.lastError()));
    QCOMPARE(window.currentFile(), mStack);
    box->accept();
}

#include "tst_mainwindow.moc"
