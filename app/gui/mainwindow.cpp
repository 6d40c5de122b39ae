#include "app/gui/mainwindow.h"

#include "app/gui/jobworker.h"
#include "app/gui/methodpanel.h"
#include "app/gui/probepanel.h"
#include "app/gui/recentfiles.h"
#include "app/gui/resultexporter.h"
#include "app/gui/stackresults.h"
#include "app/gui/studiosettings.h"
#include "app/gui/syntheticcase.h"
#include "app/gui/trainingpanel.h"
#include "app/gui/volumedock.h"
#include "app/gui/wheelguard.h"

#include "engine/buildinfo.h"
#include "engine/core/exception.h"
#include "engine/core/provenance.h"
#include "engine/io/imageio.h"
#include "engine/io/xrfio.h"
#include "engine/net/latentmodel.h"
#include "widgets/comparisongrid.h"
#include "widgets/defocuscontrol.h"
#include "widgets/lineprofileview.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDialog>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QStatusBar>
#include <QTextBrowser>
#include <QTimer>
#include <QToolBar>
#include <QUrl>
#include <QVBoxLayout>

#include <vtkVersion.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace latentlens::app {

namespace {

/// `line` clipped to `bounds` (Liang-Barsky); a null line when nothing of it is inside.
QLineF clippedLine(const QLineF& line, const QRectF& bounds)
{
    double t0 = 0.0, t1 = 1.0;
    const double dx = line.dx(), dy = line.dy();
    const double p[4] = { -dx, dx, -dy, dy };
    const double q[4] = { line.x1() - bounds.left(), bounds.right() - line.x1(),
        line.y1() - bounds.top(), bounds.bottom() - line.y1() };
    for (int k = 0; k < 4; ++k) {
        if (p[k] == 0.0) {
            if (q[k] < 0.0)
                return {};
            continue;
        }
        const double t = q[k] / p[k];
        if (p[k] < 0.0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
    }
    if (t0 >= t1)
        return {};
    return QLineF(line.pointAt(t0), line.pointAt(t1));
}

QString formatSeconds(double seconds)
{
    return seconds < 1.0 ? MainWindow::tr("%1 ms").arg(std::lround(seconds * 1000))
                         : MainWindow::tr("%1 s").arg(seconds, 0, 'f', 2);
}

QDockWidget* dockFor(QWidget* widget)
{
    for (QWidget* w = widget; w; w = w->parentWidget())
        if (auto* dock = qobject_cast<QDockWidget*>(w))
            return dock;
    return nullptr;
}

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setAcceptDrops(true);
    qApp->installEventFilter(new WheelGuard(this));
    mWorker = new JobWorker(this);
    mRunner = new ComparisonRunner(mWorker, this);
    createPanels();
    createActions();
    mExporter = std::make_unique<ResultExporter>(mRunner, mGrid, inputKey, truthKey);
    mSettings
        = std::make_unique<StudioSettings>(this, mProbe, mMethods, mGrid, mTraining, truthKey);
    mSettings->restore();
    mTraining->setCurrentModel(mMethods->settings().modelPath);
    updateTitle();
    updateBusy();
}

MainWindow::~MainWindow()
{
    // The runner uses the worker: it goes first. The worker, a child, then stops what runs
    // and joins its thread.
    delete mRunner;
    mRunner = nullptr;
}

void MainWindow::createPanels()
{
    mGrid = new widgets::ComparisonGrid(this);
    mGrid->addPanel(inputKey, tr("Input"));
    for (const QString& key : ComparisonRunner::methodKeys())
        mGrid->addPanel(key, ComparisonRunner::methodName(key));
    mGrid->addPanel(truthKey, tr("Ground truth"));
    mGrid->setPanelShown("nodeform", false);
    mGrid->setPanelShown(truthKey, false);
    for (const QString& key : mGrid->panelKeys())
        mGrid->clearPanel(
            key, tr("Open a fluorescence image or stack (File \u25b8 Open, or drop a file here)."));
    setCentralWidget(mGrid);
    connect(mGrid, &widgets::ComparisonGrid::shownPanelsChanged, this,
        [this](const QStringList& shown) {
            QStringList methods;
            for (const QString& key : shown)
                if (ComparisonRunner::methodKeys().contains(key))
                    methods.push_back(key);
            mRunner->setEnabledMethods(methods);
            updateProfile();
        });
    connect(mGrid, &widgets::ComparisonGrid::profileLineChanged, this, &MainWindow::updateProfile);

    auto addDock = [this](QWidget* widget, const QString& title, const QString& name,
                       Qt::DockWidgetArea area, bool scroll) {
        auto* dock = new QDockWidget(title, this);
        dock->setObjectName(name);
        if (scroll) {
            auto* scroller = new QScrollArea(dock);
            scroller->setWidget(widget);
            scroller->setWidgetResizable(true);
            scroller->setMinimumWidth(320);
            dock->setWidget(scroller);
        } else {
            dock->setWidget(widget);
        }
        addDockWidget(area, dock);
        return dock;
    };
    mProbe = new ProbePanel;
    addDock(mProbe, tr("Probe"), "probeDock", Qt::LeftDockWidgetArea, true);
    mMethods = new MethodPanel;
    QDockWidget* methods
        = addDock(mMethods, tr("Methods"), "methodDock", Qt::RightDockWidgetArea, true);
    mTraining = new TrainingPanel;
    QDockWidget* training
        = addDock(mTraining, tr("Training"), "trainingDock", Qt::RightDockWidgetArea, true);
    tabifyDockWidget(methods, training);
    methods->raise();
    mProfile = new widgets::LineProfileView;
    addDock(mProfile, tr("Line profile"), "profileDock", Qt::BottomDockWidgetArea, false);
    mVolumeDock = new VolumeDock(mWorker, mProbe);
    addDock(mVolumeDock, tr("3-D"), "volumeDock", Qt::RightDockWidgetArea, false)->hide();

    connect(mProbe->defocusControl(), &widgets::DefocusControl::valueChanged, this,
        [this](double micrometres) { mRunner->setDefocus(micrometres * 1e-6); });
    connect(mProbe, &ProbePanel::settingsChanged, mRunner, &ComparisonRunner::setProbe);
    connect(mProbe, &ProbePanel::imagePixelSizeChanged, this, [this] {
        if (!mImage->empty())
            showPlane(mPlane);
    });
    connect(mMethods, &MethodPanel::settingsChanged, mRunner, &ComparisonRunner::setMethodSettings);
    connect(mMethods, &MethodPanel::cancelRequested, mRunner, &ComparisonRunner::cancel);
    connect(mMethods, &MethodPanel::cancelRequested, this, [this] { updateBusy(); });
    // A trained model replaces the one in use only when the user says so (the training
    // panel shows both models' scores first).
    connect(mTraining, &TrainingPanel::useModelRequested, this, [this](const QString& path) {
        auto settings = mMethods->settings();
        settings.modelPath = path;
        mMethods->setSettings(settings); // reloads the network panels with the new model
        statusBar()->showMessage(tr("The new model %1 is now used.").arg(path), 10000);
    });
    connect(mMethods, &MethodPanel::settingsChanged, mTraining,
        [this](const MethodSettings& settings) { mTraining->setCurrentModel(settings.modelPath); });

    connect(mRunner, &ComparisonRunner::kernelReady, mProbe, &ProbePanel::showKernel);
    connect(mRunner, &ComparisonRunner::kernelFailed, mProbe, &ProbePanel::showKernelError);
    connect(mRunner, &ComparisonRunner::methodStarted, this, [this](const QString& key) {
        mGrid->setPanelProgress(key, 0);
        if (key == "rl")
            mMethods->setRichardsonLucyProgress(0);
        updateBusy();
    });
    connect(mRunner, &ComparisonRunner::methodProgress, this, [this](const QString& key, int p) {
        mGrid->setPanelProgress(key, p);
        if (key == "rl")
            mMethods->setRichardsonLucyProgress(p);
    });
    connect(mRunner, &ComparisonRunner::methodFinished, this, &MainWindow::methodFinished);
    mRunner->setViewRegionProvider([this] { return mGrid->visibleRegion(); });
    connect(mRunner, &ComparisonRunner::methodPreview, this, &MainWindow::showPreview);
    connect(mRunner, &ComparisonRunner::methodFailed, this,
        [this](const QString& key, const QString& message) {
            mGrid->clearPanel(key, tr("No result: %1").arg(message));
            mGrid->setPanelCaption(key, QString());
            updateBusy();
            updateProfile();
        });
    connect(mRunner, &ComparisonRunner::modelLoaded, this,
        [this](const QString& name, const QList<double>& trained, const QString& device) {
            mProbe->defocusControl()->setTrainedValues({ trained.begin(), trained.end() });
            mDevice = device;
            QStringList values;
            for (double d : trained)
                values.push_back(QString::number(d, 'g', 3));
            mMethods->setModelInfo(tr("%1 on %2; trained at %3 \u00b5m")
                                       .arg(name, device, values.join(QStringLiteral(", "))));
        });
    connect(mRunner, &ComparisonRunner::idle, this, [this] {
        updateBusy();
        emit comparisonIdle();
    });

    mInfoLabel = new QLabel(this);
    mBusyLabel = new QLabel(this);
    mBusyBar = new QProgressBar(this);
    mBusyBar->setRange(0, 0);
    mBusyBar->setMaximumWidth(160);
    mCancelButton = new QPushButton(tr("Cancel"), this);
    mCancelButton->setToolTip(tr("Stop every running method (Esc)"));
    connect(mCancelButton, &QPushButton::clicked, mRunner, &ComparisonRunner::cancelAll);
    mStackBar = new QProgressBar(this);
    mStackBar->setObjectName("stackProgress");
    mStackBar->setMaximumWidth(260);
    mStackBar->setToolTip(tr("The whole-stack deblur: planes done and the time left"));
    mStackBar->hide();
    mStackStop = new QPushButton(tr("Stop Stack"), this);
    mStackStop->setObjectName("stackStop");
    mStackStop->setToolTip(tr("Stop the whole-stack deblur; the finished planes are kept"));
    mStackStop->hide();
    connect(mStackStop, &QPushButton::clicked, this, &MainWindow::stopStack);
    connect(mRunner, &ComparisonRunner::stackProgress, this, [this](int done, int total) {
        mStackBar->setRange(0, total);
        mStackBar->setValue(done);
        const double elapsed = double(QDateTime::currentMSecsSinceEpoch() - mStackStarted) / 1e3;
        const double left = done > 0 ? elapsed / done * (total - done) : 0.0;
        mStackBar->setFormat(tr("Stack %v/%m, %1 s left").arg(left, 0, 'f', 0));
    });
    connect(mRunner, &ComparisonRunner::stackFinished, this,
        [this](bool stopped, const QString& error) {
            mStackBar->hide();
            mStackStop->hide();
            if (!mStackResults) // another image was opened meanwhile
                return;
            std::size_t planes = 0;
            for (const QString& m : mStackResults->methods())
                planes = std::max(planes, mStackResults->planesOf(m).size());
            if (!error.isEmpty())
                showError(tr("The stack deblur stopped"),
                    tr("%1 The %n finished plane(s) are kept.", "", int(planes)).arg(error));
            else if (stopped)
                statusBar()->showMessage(
                    tr("Stack deblur stopped: %n plane(s) finished and kept.", "", int(planes)));
            else
                statusBar()->showMessage(
                    tr("Stack deblurred: %n plane(s); the navigator shows them in every panel, "
                       "File \u25b8 Export Stack Results writes them.",
                        "", int(planes)));
            // The 3-D dock shows a complete result beside the stack, the network's first.
            for (const QString& key : { QStringLiteral("latent"), QStringLiteral("wiener"),
                     QStringLiteral("rl"), QStringLiteral("hl"), QStringLiteral("nodeform") })
                if (mStackResults->planesOf(key).size() == mStackResults->planeCount()) {
                    try {
                        mVolumeDock->setResult(stackResultImage(key));
                    } catch (const std::exception&) {
                        // the 3-D view is optional; the results stay for export
                    }
                    break;
                }
            emit stackFinished(stopped);
        });
    mStackBudget = defaultStackBudget();
    // A plane the stack run computed with the current settings is shown, not recomputed.
    mRunner->setStoredResults([this](const QString& key) -> std::optional<MethodResult> {
        if (!mStackResults || mStackResults->context != mRunner->contextKey())
            return std::nullopt;
        auto values = mStackResults->plane(key, std::size_t(mPlane));
        if (!values)
            return std::nullopt;
        MethodResult r;
        r.image = std::move(*values);
        const QStringList parameters = mStackResults->parametersOf(key);
        r.parameters
            = tr("%1 (stack run)").arg(parameters.isEmpty() ? QString() : parameters.first());
        r.defocus = mRunner->defocus();
        return r;
    });
    statusBar()->addPermanentWidget(mStackBar);
    statusBar()->addPermanentWidget(mStackStop);
    statusBar()->addWidget(mBusyLabel, 1);
    statusBar()->addPermanentWidget(mBusyBar);
    statusBar()->addPermanentWidget(mCancelButton);
    statusBar()->addPermanentWidget(mInfoLabel);
    connect(mWorker, &JobWorker::finished, this,
        [this](const QString& key, quint64 id, const QVariant& result, double) {
            if (key != "open" || id != mOpenJob)
                return;
            mOpenJob = 0;
            const QVariantMap out = result.toMap();
            const QString path = out["path"].toString();
            auto image = out["image"].value<engine::Image>();
            if (out["truth"].toBool()) {
                if (image.width() != mImage->width() || image.height() != mImage->height()) {
                    showError(tr("Cannot use %1").arg(QFileInfo(path).fileName()),
                        tr("The ground truth must have the image's size (%1 \u00d7 %2 px); %3 "
                           "is %4 \u00d7 %5 px.")
                            .arg(mImage->width())
                            .arg(mImage->height())
                            .arg(path)
                            .arg(image.width())
                            .arg(image.height()));
                    emit fileFailed(path, mLastError);
                    return;
                }
                mTruth = image.extractPlane(0);
                showPlane(mPlane);
                emit fileOpened(path);
                return;
            }
            mAnalyses = out["analyses"].toStringList();
            mAnalysis = out["analysis"].toString();
            const QString name = QFileInfo(path).fileName();
            setImage(std::move(image), std::nullopt, path,
                mAnalysis.isEmpty() ? name : tr("%1 \u2014 %2").arg(name, mAnalysis));
            updateAnalysisMenu();
            mRecentFiles->add(path);
            // What the reader could not use (scan positions that give no pixel size, a
            // stack holding fewer planes than it declares): shown until the next message.
            const QStringList warnings = out["warnings"].toStringList();
            if (!warnings.isEmpty())
                statusBar()->showMessage(
                    tr("%1: %2").arg(name, warnings.join(QStringLiteral(" "))));
            emit fileOpened(path);
        });
    connect(mWorker, &JobWorker::failed, this,
        [this](const QString& key, quint64 id, const QString& message) {
            if (key != "open" || id != mOpenJob)
                return;
            mOpenJob = 0;
            updateBusy();
            const QString path = mWorker->property("openPath").toString();
            showError(tr("Cannot open %1").arg(QFileInfo(path).fileName()),
                tr("The file %1 could not be opened: %2").arg(path, message));
            emit fileFailed(path, mLastError);
        });
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open\u2026"), this, &MainWindow::chooseFile);
    open->setShortcut(QKeySequence::Open);
    mRecentFiles = new RecentFiles(file->addMenu(tr("Open &Recent")), this);
    connect(mRecentFiles, &RecentFiles::openRequested, this, &MainWindow::openFile);
    mAnalysisMenu = file->addMenu(tr("XRF &Analysis"));
    mAnalysisMenu->setToolTip(tr("The analysis of an XRF-Maps file to show (Fitted, NNLS, "
                                 "ROI, \u2026)"));
    mAnalysisGroup = new QActionGroup(this);
    mAnalysisGroup->setExclusive(true);
    updateAnalysisMenu();
    file->addAction(tr("Open &Ground Truth\u2026"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Ground Truth"),
            QSettings().value("lastFolder").toString(),
            tr("Images (*.tif *.tiff *.png *.jpg *.jpeg);;All files (*)"));
        if (!path.isEmpty())
            openGroundTruth(path);
    });
    QAction* demo = file->addAction(tr("Open &Demo"), this, &MainWindow::openDemo);
    demo->setShortcut(Qt::CTRL | Qt::Key_D);
    QAction* simulate
        = file->addAction(tr("&Blur This Image as Ground Truth"), this, [this] { simulateBlur(); });
    simulate->setShortcut(Qt::CTRL | Qt::Key_B);
    simulate->setToolTip(
        tr("Use the current plane as the ground truth and blur it with the current probe"));
    file->addSeparator();
    QAction* exportTiff
        = file->addAction(tr("&Export Results as TIFF\u2026"), this, [this] { chooseExport(0); });
    exportTiff->setShortcut(Qt::CTRL | Qt::Key_E);
    QAction* exportPng
        = file->addAction(tr("Export &Grid as PNG\u2026"), this, [this] { chooseExport(1); });
    exportPng->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_E);
    file->addAction(tr("Export &Metrics as CSV\u2026"), this, [this] { chooseExport(2); });
    file->addAction(tr("Export &Stack Results\u2026"), this, &MainWindow::chooseStackExport);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* fit = view->addAction(tr("&Fit to Window"), this, [this] {
        for (const QString& key : mGrid->panelKeys())
            mGrid->view(key)->fitToWindow();
    });
    fit->setShortcut(Qt::CTRL | Qt::Key_0);
    QAction* next
        = view->addAction(tr("&Next Plane"), this, [this] { setCurrentPlane(mPlane + 1); });
    next->setShortcut(Qt::Key_PageDown);
    QAction* previous
        = view->addAction(tr("&Previous Plane"), this, [this] { setCurrentPlane(mPlane - 1); });
    previous->setShortcut(Qt::Key_PageUp);
    view->addSeparator();
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        view->addAction(dock->toggleViewAction());

    QMenu* compute = menuBar()->addMenu(tr("&Compute"));
    QAction* again
        = compute->addAction(tr("&Recompute All"), mRunner, &ComparisonRunner::recomputeAll);
    again->setShortcut(QKeySequence::Refresh);
    QAction* cancel = compute->addAction(tr("&Cancel"), mRunner, &ComparisonRunner::cancelAll);
    cancel->setShortcut(Qt::Key_Escape);
    auto step = [this](double delta) {
        auto* control = mProbe->defocusControl();
        control->setValue(control->value() + delta);
    };
    compute->addSeparator();
    QAction* wholeStack
        = compute->addAction(tr("Deblur &Whole Stack"), this, [this] { deblurStack(); });
    wholeStack->setObjectName("deblurStack");
    wholeStack->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_D);
    wholeStack->setToolTip(tr("Run the shown methods over every plane of the stack"));
    compute->addAction(tr("Deblur Stack, &This Channel Only"), this, [this] {
        std::vector<std::size_t> planes;
        const std::size_t channels = std::max<std::size_t>(1, mImage->channels());
        for (std::size_t p = std::size_t(mPlane) % channels; p < mImage->planeCount();
             p += channels)
            planes.push_back(p);
        deblurStack(planes);
    });
    compute->addAction(tr("&Stop Stack Deblur"), this, &MainWindow::stopStack);
    compute->addSeparator();
    QAction* more = compute->addAction(tr("Defocus +0.1 \u00b5m"), this, [step] { step(0.1); });
    more->setShortcut(Qt::Key_BracketRight);
    QAction* less = compute->addAction(tr("Defocus \u2212"
                                          "0.1 \u00b5m"),
        this, [step] { step(-0.1); });
    less->setShortcut(Qt::Key_BracketLeft);

    view->addSeparator();
    QMenu* language = view->addMenu(tr("&Language"));
    language->setObjectName("languageMenu");
    auto* languages = new QActionGroup(language);
    const QString chosen = QSettings().value(QStringLiteral("language")).toString();
    // Each language named in itself, so that it can be found whatever is shown now.
    const std::pair<QString, QString> choices[] = { { QString(), tr("System Default") },
        { QStringLiteral("en"), QStringLiteral("English") },
        { QStringLiteral("de"), QStringLiteral("Deutsch") },
        { QStringLiteral("zh_CN"), QStringLiteral("\u4e2d\u6587\uff08\u7b80\u4f53\uff09") } };
    for (const auto& [code, name] : choices) {
        QAction* action = language->addAction(name);
        action->setObjectName(QStringLiteral("language_") + (code.isEmpty() ? "system" : code));
        action->setCheckable(true);
        action->setChecked(code == chosen);
        languages->addAction(action);
        connect(action, &QAction::triggered, this, [this, code = code, name = name] {
            QSettings().setValue(QStringLiteral("language"), code);
            QMessageBox::information(this, tr("Language"),
                tr("LatentLens will be shown in %1 when it is next started.").arg(name));
        });
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* guide = help->addAction(tr("&User Guide"), this, &MainWindow::showUserGuide);
    guide->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&About LatentLens"), this, &MainWindow::showAbout);

    QToolBar* navigator = addToolBar(tr("Navigator"));
    navigator->setObjectName("navigator");
    auto addBox = [this, navigator](const QString& label, const QString& name, const QString& tip) {
        navigator->addWidget(new QLabel(label, navigator));
        auto* box = new QSpinBox(navigator);
        box->setObjectName(name);
        box->setRange(1, 1);
        box->setEnabled(false);
        box->setToolTip(tip);
        navigator->addWidget(box);
        connect(box, &QSpinBox::valueChanged, this, [this] {
            const std::size_t c = std::size_t(mChannelBox->value() - 1);
            const std::size_t z = std::size_t(mSliceBox->value() - 1);
            const std::size_t t = std::size_t(mFrameBox->value() - 1);
            showPlane(int(c + mImage->channels() * (z + mImage->depth() * t)));
        });
        return box;
    };
    mChannelBox = addBox(tr(" Channel "), "channelBox", tr("Channel of the image"));
    mSliceBox = addBox(tr(" Slice "), "sliceBox", tr("Z slice of the stack"));
    mFrameBox = addBox(tr(" Frame "), "frameBox", tr("Time point of the series"));
    mPlaneName = new QLabel(navigator);
    navigator->addWidget(mPlaneName);
}

void MainWindow::chooseFile()
{
    QSettings settings;
    const QString folder = settings.value("lastFolder").toString();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Image"), folder,
        tr("Images (*.tif *.tiff *.png *.jpg *.jpeg);;Fluorescence maps (*.h5 *.hdf5 *.h5t *.hdf "
           "*.nxs);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue("lastFolder", QFileInfo(path).absolutePath());
    openFile(path);
}

void MainWindow::openFile(const QString& path)
{
    mRunner->cancelAll(); // the worker runs one job at a time: make room for the file
    submitOpen(path, false);
    mBusyLabel->setText(tr("Opening %1\u2026").arg(QFileInfo(path).fileName()));
    updateBusy();
}

void MainWindow::openXrfAnalysis(const QString& analysis)
{
    if (mCurrentFile.isEmpty() || !mAnalyses.contains(analysis))
        return;
    mRunner->cancelAll();
    submitOpen(mCurrentFile, false, analysis);
    mBusyLabel->setText(
        tr("Opening %1 (%2)\u2026").arg(QFileInfo(mCurrentFile).fileName(), analysis));
    updateBusy();
}

void MainWindow::updateAnalysisMenu()
{
    mAnalysisMenu->clear(); // deletes the actions, which leaves the group empty
    for (const QString& analysis : mAnalyses) {
        QAction* action = mAnalysisMenu->addAction(analysis);
        action->setObjectName(QStringLiteral("analysis_") + analysis);
        action->setCheckable(true);
        action->setChecked(analysis == mAnalysis);
        mAnalysisGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, analysis] { openXrfAnalysis(analysis); });
    }
    mAnalysisMenu->setEnabled(!mAnalyses.isEmpty());
}

void MainWindow::openGroundTruth(const QString& path)
{
    if (mImage->empty()) {
        showError(tr("No image"), tr("Open an image before its ground truth."));
        emit fileFailed(path, mLastError);
        return;
    }
    submitOpen(path, true);
}

void MainWindow::submitOpen(const QString& path, bool truth, const QString& analysis)
{
    mWorker->setProperty("openPath", path);
    mOpenJob = mWorker->submit("open", [path, truth, analysis](const engine::Progress&) {
        const std::filesystem::path file = path.toStdString();
        engine::ImageReadOptions options;
        options.xrfAnalysis = analysis.toStdString();
        std::vector<std::string> found;
        auto image = engine::readImage(file, options, &found);
        const auto names = engine::xrfAnalyses(file);
        QStringList analyses, warnings;
        for (const auto& a : names)
            analyses.push_back(QString::fromStdString(a));
        for (const auto& w : found)
            warnings.push_back(QString::fromStdString(w));
        const QString shown = names.empty() ? QString()
            : analysis.isEmpty() ? QString::fromStdString(engine::preferredXrfAnalysis(names))
                                 : analysis;
        return QVariant(QVariantMap { { "image", QVariant::fromValue(std::move(image)) },
            { "path", path }, { "truth", truth }, { "analyses", analyses }, { "analysis", shown },
            { "warnings", warnings } });
    });
}

void MainWindow::openDemo()
{
    SyntheticCase demo;
    try {
        demo = SyntheticCase::demo();
    } catch (const std::exception& e) {
        showError(tr("Cannot build the demo"),
            tr("The demo could not be computed: %1").arg(QString::fromUtf8(e.what())));
        return;
    }
    // The demo is made with the default probe: show the methods with that probe.
    mRunner->cancelAll();
    {
        const QSignalBlocker a(mProbe), b(mProbe->defocusControl());
        mProbe->setSettings(demo.probe);
        mProbe->defocusControl()->setValue(demo.defocus * 1e6);
    }
    mRunner->setProbe(demo.probe);
    mRunner->setDefocus(demo.defocus);
    mAnalyses.clear();
    mAnalysis.clear();
    updateAnalysisMenu();
    const double middle = double(demo.truth.height()) / 2.0, width = double(demo.truth.width());
    setImage(std::move(demo.blurred), std::move(demo.truth), QString(), tr("Demo"));
    mProbe->defocusControl()->setTrueValue(demo.defocus * 1e6);
    // What the demo shows, in one line, until the next message.
    statusBar()->showMessage(tr("Demo: a synthetic specimen blurred by the zone-plate probe at "
                                "%1 \u00b5m (the red mark on the slider) with noise; each "
                                "panel is one method's deblur, scored against the known "
                                "truth. Open your own image with File \u25b8 Open.")
                                 .arg(demo.defocus * 1e6));
    // A line across the middle, so that the profile shows what the methods recover.
    mGrid->setProfileLine(QLineF(0.1 * width, middle, 0.9 * width, middle));
}

bool MainWindow::simulateBlur(double noiseVariance)
{
    const engine::Image& kernel = mRunner->kernel();
    if (mImage->empty() || kernel.empty()) {
        showError(tr("Cannot blur"), tr("Open an image and wait for the kernel to be computed."));
        return false;
    }
    SyntheticCase blurred;
    try {
        blurred = SyntheticCase::fromPlane(
            *mImage, mPlane, kernel, mProbe->defocusControl()->value(), noiseVariance);
    } catch (const std::exception& e) {
        showError(tr("Cannot blur"), QString::fromUtf8(e.what()));
        return false;
    }
    const QString title = tr("%1 (blurred)").arg(mDocumentTitle);
    setImage(std::move(blurred.blurred), std::move(blurred.truth), mCurrentFile, title);
    mProbe->defocusControl()->setTrueValue(blurred.defocus * 1e6);
    return true;
}

void MainWindow::setImage(engine::Image image, std::optional<engine::Image> truth,
    const QString& path, const QString& title)
{
    // Another image: the stack run's results belong to the previous one.
    mRunner->stopStack();
    mStackResults.reset();
    mImage = std::make_shared<const engine::Image>(std::move(image));
    mVolumeDock->setStack(*mImage);
    mVolumeDock->setResult(engine::Image());
    mTruth = std::move(truth);
    // A file's true blur is unknown; the synthetic cases mark theirs after this.
    mProbe->defocusControl()->setTrueValue(std::numeric_limits<double>::quiet_NaN());
    mCurrentFile = path;
    mDocumentTitle = title;
    mLastError.clear();
    mProbe->setImageSize(mImage->width(), mImage->height());
    mProbe->setImagePixelSize(mImage->spacing().x);
    const auto& s = mImage->spacing();
    QString info = tr("%1 \u00d7 %2 px").arg(mImage->width()).arg(mImage->height())
        + tr(", %n slice(s)", "", int(mImage->depth()))
        + tr(", %n channel(s)", "", int(mImage->channels()))
        + tr(", %n frame(s)", "", int(mImage->frames()));
    if (s.x > 0)
        info += tr(", pixel %1 nm").arg(s.x * 1e9, 0, 'g', 4);
    mInfoLabel->setText(info);
    for (const QString& key : mGrid->panelKeys())
        mGrid->view(key)->fitToWindow();
    // A profile line drawn on the previous image is clipped to this one (or dropped).
    if (const QLineF line = mGrid->profileLine(); !line.isNull())
        mGrid->setProfileLine(
            clippedLine(line, QRectF(0, 0, double(mImage->width()), double(mImage->height()))));
    mPlane = 0;
    updateNavigator();
    showPlane(0);
    updateTitle();
}

void MainWindow::updateNavigator()
{
    const std::pair<QSpinBox*, std::size_t> boxes[] = { { mChannelBox, mImage->channels() },
        { mSliceBox, mImage->depth() }, { mFrameBox, mImage->frames() } };
    for (auto [box, count] : boxes) {
        const QSignalBlocker blocker(box);
        box->setRange(1, std::max<int>(1, int(count)));
        box->setEnabled(count > 1);
    }
    const std::size_t plane = std::size_t(mPlane);
    const std::size_t c = mImage->channels() ? plane % mImage->channels() : 0;
    const std::size_t rest = mImage->channels() ? plane / mImage->channels() : 0;
    const QSignalBlocker a(mChannelBox), b(mSliceBox), d(mFrameBox);
    mChannelBox->setValue(int(c) + 1);
    mSliceBox->setValue(int(mImage->depth() ? rest % mImage->depth() : 0) + 1);
    mFrameBox->setValue(int(mImage->depth() ? rest / mImage->depth() : 0) + 1);
}

void MainWindow::setCurrentPlane(int plane)
{
    if (mImage->empty() || plane < 0 || std::size_t(plane) >= mImage->planeCount())
        return;
    showPlane(plane);
    updateNavigator();
}

void MainWindow::showPlane(int plane)
{
    if (mImage->empty() || plane < 0 || std::size_t(plane) >= mImage->planeCount())
        return;
    mPlane = plane;
    const auto& names = mImage->channelNames();
    const std::size_t channel = std::size_t(plane) % mImage->channels();
    QString name = tr("  plane %1 of %2").arg(plane + 1).arg(mImage->planeCount());
    if (channel < names.size() && !names[channel].empty())
        name += QStringLiteral("  \u2014  ") + QString::fromStdString(names[channel]);
    mPlaneName->setText(name);
    updateInputPanel();
    updateTruthPanel();
    for (const QString& key : ComparisonRunner::methodKeys())
        mGrid->setPanelCaption(key, tr("computing\u2026"));
    std::optional<engine::Image> truth;
    if (mTruth)
        truth = *mTruth;
    mRunner->setInput(
        mImage->extractPlane(std::size_t(plane)), std::move(truth), mProbe->imagePixelSize());
    updateBusy();
    updateProfile();
}

void MainWindow::updateInputPanel()
{
    auto values = mImage->plane(std::size_t(mPlane));
    mGrid->setPanelImage(inputKey, int(mImage->width()), int(mImage->height()),
        std::vector<float>(values.begin(), values.end()));
    QString caption = mDocumentTitle;
    if (mTruth) {
        try {
            const auto [psnr, ssim] = ComparisonRunner::quality(values, *mTruth);
            caption += tr(" \u00b7 PSNR %1 dB").arg(psnr, 0, 'f', 2);
            if (std::isfinite(ssim))
                caption += tr(" \u00b7 SSIM %1").arg(ssim, 0, 'f', 3);
        } catch (const engine::Exception&) {
            // NaN in the input: no metric, the panel still shows the picture.
        }
    }
    mGrid->setPanelCaption(inputKey, caption);
}

void MainWindow::updateTruthPanel()
{
    mGrid->setPanelShown(truthKey, bool(mTruth));
    if (!mTruth) {
        mGrid->clearPanel(truthKey, tr("No ground truth: File \u25b8 Open Ground Truth."));
        return;
    }
    mGrid->setPanelImage(truthKey, int(mTruth->width()), int(mTruth->height()),
        std::vector<float>(mTruth->values().begin(), mTruth->values().end()));
    mGrid->setPanelCaption(truthKey, tr("known: PSNR and SSIM are measured against it"));
}

void MainWindow::methodFinished(const QString& key)
{
    const MethodResult* r = mRunner->result(key);
    if (!r)
        return;
    mGrid->setPanelImage(key, int(r->image.width()), int(r->image.height()),
        std::vector<float>(r->image.values().begin(), r->image.values().end()));
    QString caption = tr("%1 \u00b7 %2").arg(r->parameters, formatSeconds(r->seconds));
    if (std::isfinite(r->psnr))
        caption += tr(" \u00b7 PSNR %1 dB").arg(r->psnr, 0, 'f', 2);
    if (std::isfinite(r->ssim))
        caption += tr(" \u00b7 SSIM %1").arg(r->ssim, 0, 'f', 3);
    mGrid->setPanelCaption(key, caption);
    mMethods->setChosen(key, r->parameters);
    if (key == "rl")
        mMethods->setRichardsonLucyProgress(100);
    updateBusy();
    updateProfile();
}

void MainWindow::showPreview(
    const QString& key, const QRect& region, const engine::Image& values, int views)
{
    // Pasted into what the panel shows (its last result, else the input), so that the
    // visible region changes at once; the caption and the progress bar say the whole image
    // is still to come.
    const int w = int(mImage->width()), h = int(mImage->height());
    const auto* view = mGrid->view(key);
    std::vector<float> shown;
    if (view->hasImage() && view->imageWidth() == w && view->imageHeight() == h) {
        shown = view->values();
    } else {
        const auto plane = mImage->plane(std::size_t(mPlane));
        shown.assign(plane.begin(), plane.end());
    }
    for (int y = 0; y < region.height(); ++y)
        for (int x = 0; x < region.width(); ++x)
            shown[std::size_t(region.y() + y) * std::size_t(w) + std::size_t(region.x() + x)]
                = values.at(std::size_t(x), std::size_t(y));
    mGrid->setPanelImage(key, w, h, std::move(shown));
    mGrid->setPanelCaption(key,
        views > 1 ? tr("One view of the network; the average of %1 views follows…").arg(views)
                  : tr("Preview of the visible region at %1 µm; the whole image follows…")
                        .arg(mRunner->defocus() * 1e6, 0, 'g', 3));
    mGrid->setPanelProgress(key, 0);
}

void MainWindow::updateProfile()
{
    QList<widgets::LineProfileView::Profile> profiles;
    const QStringList methods = ComparisonRunner::methodKeys();
    if (!mGrid->profileLine().isNull())
        for (const QString& key : mGrid->shownPanels()) {
            // A method's panel may still hold the previous plane's result: only a result of
            // the plane shown is plotted.
            if ((methods.contains(key) && !mRunner->result(key)) || (key == truthKey && !mTruth))
                continue;
            auto values = mGrid->profile(key);
            if (!values.empty())
                profiles.push_back({ mGrid->panelTitle(key), std::move(values) });
        }
    mProfile->setProfiles(profiles);
}

void MainWindow::deblurStack(std::vector<std::size_t> planes)
{
    if (mImage->empty()) {
        showError(tr("Nothing to deblur"), tr("Open an image or a stack first."));
        return;
    }
    if (planes.empty())
        for (std::size_t p = 0; p < mImage->planeCount(); ++p)
            planes.push_back(p);
    QStringList methods;
    for (const QString& key : ComparisonRunner::methodKeys())
        if (mRunner->enabledMethods().contains(key))
            methods.push_back(key);
    mStackResults = std::make_shared<StackResults>(
        mImage->width(), mImage->height(), mImage->planeCount(), mStackBudget);
    mStackStarted = QDateTime::currentMSecsSinceEpoch();
    mStackBar->setRange(0, int(planes.size() * std::size_t(methods.size())));
    mStackBar->setValue(0);
    mStackBar->setFormat(tr("Stack %v/%m"));
    mStackBar->show();
    mStackStop->show();
    // The image is shared with the job, not copied: it stays as it is while the job runs
    // (opening another file replaces mImage, and the job keeps its own reference).
    mRunner->deblurStack(mImage, std::move(planes), methods, mStackResults);
}

void MainWindow::stopStack()
{
    mRunner->stopStack();
}

bool MainWindow::exportStackResults(const QString& path, StackLayout layout, bool uint16)
{
    if (!mStackResults || mStackResults->methods().isEmpty()) {
        showError(tr("Nothing to export"), tr("Deblur the whole stack first (Compute menu)."));
        return false;
    }
    const StackResults& results = *mStackResults;
    const std::size_t planes = results.planeCount();
    auto planeList = [](const std::vector<std::size_t>& list) {
        QStringList out;
        for (std::size_t p : list)
            out << QString::number(p + 1);
        return out.join(',').toStdString();
    };
    auto provenanceFor = [&](const QStringList& methods) {
        engine::Provenance provenance;
        provenance.operation = "studio stack deblur";
        if (!mCurrentFile.isEmpty())
            provenance.inputs.push_back(mCurrentFile.toStdString());
        provenance.parent = mImage->provenance();
        provenance.parameters.emplace_back(
            "defocus_um", QString::number(mRunner->defocus() * 1e6).toStdString());
        for (const QString& m : methods) {
            provenance.parameters.emplace_back(
                m.toStdString() + "_planes", planeList(results.planesOf(m)));
            QStringList distinct = results.parametersOf(m);
            distinct.removeDuplicates();
            provenance.parameters.emplace_back(
                m.toStdString(), distinct.join(QStringLiteral(" | ")).toStdString());
        }
        return provenance.toJson();
    };
    engine::TiffWriteOptions options;
    if (uint16)
        options.sampleType = engine::TiffWriteOptions::SampleType::UInt16;
    const QStringList methods = results.methods();
    try {
        if (layout == StackLayout::FilePerMethod) {
            const QFileInfo info(path);
            for (const QString& method : methods) {
                engine::Image out = stackResultImage(method);
                out.setProvenance(provenanceFor({ method }));
                const QString file = info.dir().filePath(
                    info.completeBaseName() + "_" + method + "." + info.suffix());
                if (overwritesInput(file))
                    return false;
                engine::writeImage(out, file.toStdString(), options);
            }
        } else {
            for (const QString& method : methods)
                if (results.planesOf(method).size() != planes)
                    throw engine::InvalidArgument(
                        tr("%1 did not finish every plane; export one file per method instead.")
                            .arg(ComparisonRunner::methodName(method))
                            .toStdString());
            const std::size_t c = mImage->channels(), m = std::size_t(methods.size());
            engine::Image out(
                mImage->width(), mImage->height(), mImage->depth(), c * m, mImage->frames());
            std::vector<std::string> names;
            for (std::size_t k = 0; k < m; ++k) {
                const engine::Image one = stackResultImage(methods[int(k)]);
                for (std::size_t t = 0; t < mImage->frames(); ++t)
                    for (std::size_t z = 0; z < mImage->depth(); ++z)
                        for (std::size_t ch = 0; ch < c; ++ch) {
                            const auto from = one.plane(one.planeIndex(ch, z, t));
                            std::copy(from.begin(), from.end(),
                                out.plane(out.planeIndex(k * c + ch, z, t)).begin());
                        }
                for (std::size_t ch = 0; ch < c; ++ch) {
                    const auto& source = mImage->channelNames();
                    std::string name = methods[int(k)].toStdString();
                    if (c > 1)
                        name += ": "
                            + (ch < source.size() && !source[ch].empty() ? source[ch]
                                                                         : std::to_string(ch + 1));
                    names.push_back(name);
                }
            }
            out.setChannelNames(names);
            out.setSpacing(mImage->spacing());
            out.setIntensityScale(mImage->intensityScale());
            out.setProvenance(provenanceFor(methods));
            if (overwritesInput(path))
                return false;
            engine::writeImage(out, path.toStdString(), options);
        }
    } catch (const std::exception& e) {
        showError(tr("Cannot export"), QString::fromUtf8(e.what()));
        return false;
    }
    statusBar()->showMessage(
        tr("Wrote the stack results of %n method(s).", "", int(methods.size())), 8000);
    return true;
}

engine::Image MainWindow::stackResultImage(const QString& method) const
{
    // The input's shape, scale, spacing and names when every plane was computed; else the
    // finished planes as a z stack.
    const StackResults& results = *mStackResults;
    const auto done = results.planesOf(method);
    const bool whole = done.size() == results.planeCount();
    engine::Image out = whole ? engine::Image(mImage->width(), mImage->height(), mImage->depth(),
                            mImage->channels(), mImage->frames())
                              : engine::Image(mImage->width(), mImage->height(), done.size());
    for (std::size_t i = 0; i < done.size(); ++i) {
        const auto plane = results.plane(method, done[i]);
        if (!plane)
            throw engine::IoError("", "a stack result could not be read back.");
        std::copy(
            plane->values().begin(), plane->values().end(), out.plane(whole ? done[i] : i).begin());
    }
    if (whole)
        out.setChannelNames(mImage->channelNames());
    out.setSpacing(mImage->spacing());
    out.setIntensityScale(mImage->intensityScale()); // raw counts for integer data
    return out;
}

bool MainWindow::overwritesInput(const QString& path)
{
    const QFileInfo target(path), input(mCurrentFile);
    if (mCurrentFile.isEmpty() || !target.exists()
        || target.canonicalFilePath() != input.canonicalFilePath())
        return false;
    showError(tr("Cannot export"),
        tr("%1 is the image the results were computed from; choose another name so that "
           "it is not overwritten.")
            .arg(path));
    return true;
}

void MainWindow::chooseStackExport()
{
    if (!mStackResults) {
        showError(tr("Nothing to export"), tr("Deblur the whole stack first (Compute menu)."));
        return;
    }
    const QStringList choices { tr("One file per method, float32"),
        tr("One file per method, 16-bit"), tr("One file, the methods as channels, float32"),
        tr("One file, the methods as channels, 16-bit") };
    bool ok = false;
    const QString choice = QInputDialog::getItem(this, tr("Export Stack Results"),
        tr("Layout and sample type (values in the input's own scale):"), choices, 0, false, &ok);
    if (!ok)
        return;
    const int index = int(choices.indexOf(choice));
    const QString base
        = mCurrentFile.isEmpty() ? tr("stack") : QFileInfo(mCurrentFile).completeBaseName();
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Stack Results"),
        QDir(QSettings().value("lastFolder").toString()).filePath(base + "_deblurred.tif"),
        tr("TIFF (*.tif *.tiff)"));
    if (path.isEmpty())
        return;
    exportStackResults(path,
        index < 2 ? StackLayout::FilePerMethod : StackLayout::MethodsAsChannels, index % 2 == 1);
}

void MainWindow::updateBusy()
{
    QStringList running;
    for (const QString& key : ComparisonRunner::methodKeys())
        if (mRunner->running(key))
            running.push_back(ComparisonRunner::methodName(key));
    const bool busy = !running.isEmpty() || mOpenJob != 0;
    mBusyBar->setVisible(busy);
    mCancelButton->setEnabled(!running.isEmpty());
    mMethods->setRichardsonLucyRunning(mRunner->running(QStringLiteral("rl")));
    if (!running.isEmpty())
        mBusyLabel->setText(tr("Computing: %1").arg(running.join(QStringLiteral(", "))));
    else if (!mOpenJob)
        mBusyLabel->clear();
}

QStringList MainWindow::recentFiles() const
{
    return mRecentFiles->files();
}

bool MainWindow::exportResults(const QString& path)
{
    if (mImage->empty()) {
        showError(tr("Nothing to export"), tr("Open an image first."));
        return false;
    }
    if (overwritesInput(path))
        return false;
    ResultExporter::Comparison comparison;
    comparison.image = mImage.get();
    comparison.plane = mPlane;
    comparison.truth = mTruth ? &*mTruth : nullptr;
    comparison.file = mCurrentFile;
    comparison.probe = mProbe->settings();
    comparison.defocusUm = mProbe->defocusControl()->value();
    const int panels = mExporter->writeComparison(path, comparison);
    if (panels == 0) {
        showError(tr("Cannot export"), mExporter->errorString());
        return false;
    }
    statusBar()->showMessage(tr("Wrote %1 (%n panel(s)).", "", panels).arg(path), 8000);
    return true;
}

bool MainWindow::exportGrid(const QString& path)
{
    if (!mExporter->writeGrid(path)) {
        showError(tr("Cannot export"), mExporter->errorString());
        return false;
    }
    statusBar()->showMessage(tr("Wrote %1.").arg(path), 8000);
    return true;
}

bool MainWindow::exportMetrics(const QString& path)
{
    if (!mExporter->writeMetrics(path)) {
        showError(tr("Cannot export"), mExporter->errorString());
        return false;
    }
    statusBar()->showMessage(tr("Wrote %1.").arg(path), 8000);
    return true;
}

void MainWindow::chooseExport(int kind)
{
    const QString base = mCurrentFile.isEmpty() ? QStringLiteral("latentlens-demo")
                                                : QFileInfo(mCurrentFile).completeBaseName();
    const QString folder = QSettings().value("exportFolder").toString();
    const QString suffix[] = { "_comparison.tif", "_grid.png", "_metrics.csv" };
    const QString omeFilter = tr("OME-TIFF (*.ome.tif *.ome.tiff)");
    const QString filter[] = { tr("TIFF (*.tif *.tiff)") + ";;" + omeFilter,
        tr("PNG image (*.png)"), tr("CSV (*.csv)") };
    QString chosenFilter;
    QString path = QFileDialog::getSaveFileName(this, tr("Export"),
        QDir(folder).filePath(base + suffix[kind]), filter[kind], &chosenFilter);
    if (path.isEmpty())
        return;
    if (kind == 0 && chosenFilter == omeFilter) // the name says the format (ResultExporter)
        path = ResultExporter::omeTiffPath(path);
    QSettings().setValue("exportFolder", QFileInfo(path).absolutePath());
    if (kind == 0)
        exportResults(path);
    else if (kind == 1)
        exportGrid(path);
    else
        exportMetrics(path);
}

void MainWindow::showDock(QWidget* panel, int width)
{
    if (QDockWidget* dock = dockFor(panel)) {
        dock->show();
        dock->raise();
        if (width > 0) // once the layout has placed the dock
            QTimer::singleShot(
                0, this, [this, dock, width] { resizeDocks({ dock }, { width }, Qt::Horizontal); });
    }
}

widgets::DefocusControl* MainWindow::defocusControl() const
{
    return mProbe->defocusControl();
}

void MainWindow::showError(const QString& title, const QString& message)
{
    mLastError = message;
    // Window-modal and non-blocking: the window stays responsive and tests can close it.
    auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName("errorBox");
    box->open();
}

QString MainWindow::aboutText() const
{
    QString libraries;
    for (const auto& [name, version] : engine::libraryVersions())
        libraries += QStringLiteral("<li>%1 %2</li>")
                         .arg(QString::fromStdString(name), QString::fromStdString(version));
    libraries
        += QStringLiteral("<li>VTK %1</li>").arg(QString::fromLatin1(vtkVersion::GetVTKVersion()));
    const QString gpu = engine::cudaAvailable()
        ? tr("a CUDA device is available; the network runs on %1").arg(mDevice)
        : tr("none; everything runs on the CPU");
    return tr("<h3>LatentLens %1</h3>"
              "<p>Non-blind deblurring for fluorescence microscopy with a deformable latent "
              "space.</p><p>Built on Qt %2 and:</p><ul>%3</ul><p>GPU: %4</p>")
        .arg(QString::fromStdString(engine::versionString()), QString::fromLatin1(qVersion()),
            libraries, gpu);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About LatentLens"), aboutText());
}

void MainWindow::showUserGuide()
{
    if (!mGuide) {
        mGuide = new QDialog(this);
        mGuide->setObjectName("userGuide");
        mGuide->setWindowTitle(tr("LatentLens User Guide"));
        mGuide->resize(900, 800);
        auto* browser = new QTextBrowser(mGuide);
        browser->setObjectName("userGuideText");
        browser->setOpenExternalLinks(true);
        // The guide (docs/user-guide.md) and its screenshots are built into the program.
        browser->setSource(
            QUrl(QStringLiteral("qrc:/guide/user-guide.md")), QTextDocument::MarkdownResource);
        auto* layout = new QVBoxLayout(mGuide);
        layout->addWidget(browser);
    }
    mGuide->show();
    mGuide->raise();
}

void MainWindow::updateTitle()
{
    setWindowTitle(mDocumentTitle.isEmpty() ? tr("LatentLens")
                                            : tr("%1 \u2014 LatentLens").arg(mDocumentTitle));
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const auto urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile())
        openFile(urls.first().toLocalFile());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (mTraining->running()) {
        // Hours of training must not end by a stray click.
        const auto answer = QMessageBox::question(this, tr("Training is running"),
            tr("Stop training and quit? The last finished epoch is kept in %1; Resume in the "
               "Training panel continues from it.")
                .arg(mTraining->checkpointPath()),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
    }
    mSettings->save();
    QMainWindow::closeEvent(event);
}

} // namespace latentlens::app
