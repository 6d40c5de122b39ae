#include "app/gui/mainwindow.h"

#include "app/gui/jobworker.h"

#include "engine/buildinfo.h"
#include "engine/evaluation.h"
#include "engine/exception.h"
#include "engine/forwardmodel.h"
#include "engine/imageio.h"
#include "engine/latentmodel.h"
#include "engine/probe.h"
#include "engine/specimen.h"
#include "widgets/defocuscontrol.h"
#include "widgets/imageview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSpinBox>
#include <QStatusBar>
#include <QToolBar>

#include <cmath>
#include <optional>

namespace latentlens::app {

struct DemoNetwork
{
    std::optional<engine::LatentModel> model;
    engine::EncodedImage encoded;
};

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    mView = new widgets::ImageView(this);
    mView->setPlaceholderText(
        tr("Open a fluorescence image or stack (File \u25b8 Open, or drop a file here)."));
    setCentralWidget(mView);
    setAcceptDrops(true);

    mPixelLabel = new QLabel(this);
    mInfoLabel = new QLabel(this);
    statusBar()->addWidget(mPixelLabel, 1);
    statusBar()->addPermanentWidget(mInfoLabel);
    connect(mView, &widgets::ImageView::pixelHovered, this, [this](int x, int y, float value) {
        mPixelLabel->setText(tr("x %1, y %2: %3").arg(x).arg(y).arg(double(value), 0, 'g', 6));
    });
    connect(mView, &widgets::ImageView::pixelLeft, mPixelLabel, &QLabel::clear);

    mWorker = new JobWorker(this);
    connect(mWorker, &JobWorker::finished, this,
        [this](const QString&, quint64 id, const QVariant& result, double) {
            demoJobFinished(id, result);
        });
    connect(mWorker, &JobWorker::failed, this,
        [this](const QString&, quint64 id, const QString& message) { demoJobFailed(id, message); });

    mDefocus = new widgets::DefocusControl(this);
    mDefocus->setEnabled(false);
    mDefocus->setToolTip(tr("Deblurs the demo again at this defocus (needs the default model)"));
    auto* dock = new QDockWidget(tr("Defocus"), this);
    dock->setObjectName("defocusDock");
    dock->setWidget(mDefocus);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    connect(mDefocus, &widgets::DefocusControl::valueChanged, this, &MainWindow::redeblurDemo);

    createActions();
    updateTitle();
    resize(1000, 720);
    QSettings settings;
    restoreGeometry(settings.value("mainWindow/geometry").toByteArray());
    restoreState(settings.value("mainWindow/state").toByteArray());
}

MainWindow::~MainWindow()
{
    stopDemoDeblur(); // the worker, a child, then cancels what runs and joins
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open\u2026"), this, &MainWindow::chooseFile);
    open->setShortcut(QKeySequence::Open);
    file->addAction(tr("Open &Demo"), this, &MainWindow::openDemo);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* fit = view->addAction(tr("&Fit to Window"), mView, &widgets::ImageView::fitToWindow);
    fit->setShortcut(Qt::CTRL | Qt::Key_0);
    QAction* contrast
        = view->addAction(tr("&Auto Contrast"), this, [this] { mView->autoContrast(); });
    contrast->setShortcut(Qt::CTRL | Qt::Key_A);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About LatentLens"), this, &MainWindow::showAbout);

    QToolBar* navigator = addToolBar(tr("Navigator"));
    navigator->setObjectName("navigator");
    navigator->addWidget(new QLabel(tr("Plane "), navigator));
    mPlaneBox = new QSpinBox(navigator);
    mPlaneBox->setObjectName("planeBox");
    mPlaneBox->setRange(1, 1);
    mPlaneBox->setEnabled(false);
    mPlaneBox->setToolTip(tr("Plane of the stack (channel fastest, then z, then time)"));
    navigator->addWidget(mPlaneBox);
    mPlaneCount = new QLabel(navigator);
    navigator->addWidget(mPlaneCount);
    connect(mPlaneBox, &QSpinBox::valueChanged, this, [this](int v) { showPlane(v - 1); });
}

void MainWindow::chooseFile()
{
    QSettings settings;
    const QString folder = settings.value("lastFolder").toString();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Image"), folder,
        tr("Images (*.tif *.tiff *.png *.jpg *.jpeg);;Fluorescence maps (*.h5 *.hdf5);;All files "
           "(*)"));
    if (path.isEmpty())
        return;
    settings.setValue("lastFolder", QFileInfo(path).absolutePath());
    openFile(path);
}

bool MainWindow::openFile(const QString& path)
{
    engine::Image loaded;
    try {
        loaded = engine::readImage(path.toStdString());
    } catch (const engine::IoError& e) {
        showError(tr("Cannot open %1").arg(QFileInfo(path).fileName()),
            tr("The file %1 could not be opened: %2")
                .arg(path, QString::fromStdString(e.reason())));
        emit fileFailed(path, mLastError);
        return false;
    } catch (const std::exception& e) {
        showError(tr("Cannot open %1").arg(QFileInfo(path).fileName()),
            tr("The file %1 could not be opened: %2").arg(path, QString::fromUtf8(e.what())));
        emit fileFailed(path, mLastError);
        return false;
    }
    setImage(std::move(loaded), path, QFileInfo(path).fileName());
    emit fileOpened(path);
    return true;
}

void MainWindow::openDemo()
{
    constexpr double defocus = 7e-6, noiseVariance = 0.001;
    constexpr std::uint64_t seed = 7;
    engine::Image demo;
    try {
        engine::SpecimenOptions specimen;
        specimen.seed = seed;
        const engine::Image truth = engine::generateSpecimen(specimen);
        const engine::Image kernel
            = engine::probeKernel(engine::simulateProbe(engine::ZonePlateOptics {}, defocus));
        engine::Image blurred = engine::convolve(truth, kernel, engine::Boundary::Reflect);
        engine::addGaussianNoise(blurred, noiseVariance, seed);
        demo = engine::Image(truth.width(), truth.height(), 1, 2);
        std::copy(blurred.values().begin(), blurred.values().end(), demo.plane(0).begin());
        std::copy(truth.values().begin(), truth.values().end(), demo.plane(1).begin());
        demo.setSpacing(kernel.spacing());
        demo.setChannelNames({ tr("blurred: probe at %1 µm, noise variance %2")
                                   .arg(defocus * 1e6)
                                   .arg(noiseVariance)
                                   .toStdString(),
            tr("ground truth").toStdString() });
    } catch (const std::exception& e) {
        showError(tr("Cannot build the demo"),
            tr("The demo could not be computed: %1").arg(QString::fromUtf8(e.what())));
        return;
    }
    engine::Image blurred = demo.extractPlane(0);
    setImage(std::move(demo), QString(), tr("Demo"));
    deblurDemo(blurred, defocus);
}

void MainWindow::deblurDemo(const engine::Image& blurred, double defocus)
{
    stopDemoDeblur();
    const auto model = engine::defaultModelPath();
    if (!model) {
        statusBar()->showMessage(
            tr("No default model was found, so the demo shows no network deblur."), 10000);
        emit demoDeblurFinished(tr("no default model"));
        return;
    }
    mDemoDefocus = defocus;
    mDemoModel = QFileInfo(QString::fromStdString(model->string())).fileName();
    auto network = std::make_shared<DemoNetwork>();
    mDemoNetwork = network;
    mDemoJob = mWorker->submit(QStringLiteral("demo-latent"),
        [network, blurred, defocus, path = *model](const engine::Progress& progress) {
            network->model = engine::LatentModel::load(path);
            network->model->setDevice(engine::ComputeDevice::Auto);
            network->encoded = network->model->encode(blurred, progress);
            auto image = network->model->decode(
                network->encoded, defocus, engine::LatentMethod::Latent, progress);
            QList<double> trained; // µm
            for (double d : network->model->record().defocus)
                trained.push_back(d * 1e6);
            return QVariant(QVariantList { QVariant::fromValue(std::move(image)),
                QString::fromStdString(network->model->deviceName()),
                QVariant::fromValue(trained) });
        });
    statusBar()->showMessage(tr("Deblurring the demo with the default model\u2026"));
}

void MainWindow::demoJobFinished(quint64 id, const QVariant& result)
{
    if (id != mDemoJob)
        return; // stale: another image was opened meanwhile
    mDemoJob = 0;
    const auto parts = result.toList();
    const auto deblurred = parts.at(0).value<engine::Image>();
    if (parts.size() > 2) { // the first deblur: the slider now works on the demo
        const auto trained = parts.at(2).value<QList<double>>();
        const QSignalBlocker blocker(mDefocus);
        mDefocus->setTrainedValues({ trained.begin(), trained.end() });
        mDefocus->setValue(mDemoDefocus * 1e6);
        mDefocus->setEnabled(true);
    }
    // Append the result as a further plane (or replace the previous deblur), keeping the
    // plane and view the user has.
    const int plane = currentPlane();
    const std::size_t planes = std::min<std::size_t>(mImage.planeCount(), 2);
    engine::Image grown(mImage.width(), mImage.height(), 1, planes + 1);
    for (std::size_t p = 0; p < planes; ++p)
        std::copy(mImage.plane(p).begin(), mImage.plane(p).end(), grown.plane(p).begin());
    std::copy(deblurred.values().begin(), deblurred.values().end(), grown.plane(planes).begin());
    grown.setSpacing(mImage.spacing());
    auto names = mImage.channelNames();
    names.resize(planes);
    names.push_back(tr("deformable latent-space deblur at %1 µm (%2)")
                        .arg(mDemoDefocus * 1e6)
                        .arg(mDemoModel)
                        .toStdString());
    grown.setChannelNames(names);
    mImage = std::move(grown);
    {
        const QSignalBlocker blocker(mPlaneBox);
        mPlaneBox->setRange(1, int(mImage.planeCount()));
        mPlaneBox->setEnabled(true);
    }
    showPlane(plane);
    statusBar()->showMessage(
        tr("Network deblur of the demo done (%1).").arg(parts.at(1).toString()), 10000);
    emit demoDeblurFinished(QString());
}

void MainWindow::demoJobFailed(quint64 id, const QString& message)
{
    if (id != mDemoJob)
        return;
    mDemoJob = 0;
    statusBar()->showMessage(tr("The demo's network deblur failed: %1").arg(message), 10000);
    emit demoDeblurFinished(message);
}

void MainWindow::stopDemoDeblur()
{
    if (!mDemoJob)
        return;
    mWorker->cancel(QStringLiteral("demo-latent"));
    mDemoJob = 0; // whatever it still reports is stale
}

void MainWindow::redeblurDemo(double micrometres)
{
    if (!mDemoNetwork || mImage.planeCount() != 3)
        return; // the demo with its network plane is not shown
    auto network = mDemoNetwork;
    const double defocus = micrometres * 1e-6;
    mDemoDefocus = defocus;
    // Replaces a pending or running request of the same key: no backlog while dragging.
    mDemoJob = mWorker->submit(
        QStringLiteral("demo-latent"), [network, defocus](const engine::Progress& progress) {
            auto image = network->model->decode(
                network->encoded, defocus, engine::LatentMethod::Latent, progress);
            return QVariant(QVariantList { QVariant::fromValue(std::move(image)),
                QString::fromStdString(network->model->deviceName()) });
        });
}

void MainWindow::setImage(engine::Image image, const QString& path, const QString& title)
{
    stopDemoDeblur(); // its result belongs to the image being replaced
    mDemoNetwork.reset();
    mDefocus->setEnabled(false);
    mImage = std::move(image);
    mCurrentFile = path;
    mDocumentTitle = title;
    mLastError.clear();
    const int planes = static_cast<int>(mImage.planeCount());
    {
        const QSignalBlocker blocker(mPlaneBox);
        mPlaneBox->setRange(1, planes);
        mPlaneBox->setValue(1);
        mPlaneBox->setEnabled(planes > 1);
    }
    const auto& s = mImage.spacing();
    QString info = tr("%1 \u00d7 %2 px").arg(mImage.width()).arg(mImage.height())
        + tr(", %n slice(s)", "", int(mImage.depth()))
        + tr(", %n channel(s)", "", int(mImage.channels()))
        + tr(", %n frame(s)", "", int(mImage.frames()));
    if (s.x > 0)
        info += tr(", pixel %1 nm").arg(s.x * 1e9, 0, 'g', 4);
    mInfoLabel->setText(info);
    mView->fitToWindow();
    showPlane(0);
    updateTitle();
}

int MainWindow::currentPlane() const
{
    return mPlaneBox->value() - 1;
}

void MainWindow::setCurrentPlane(int plane)
{
    mPlaneBox->setValue(plane + 1);
}

void MainWindow::showPlane(int plane)
{
    if (mImage.empty() || plane < 0 || std::size_t(plane) >= mImage.planeCount())
        return;
    const auto& names = mImage.channelNames();
    const std::size_t channel = std::size_t(plane) % mImage.channels();
    QString count = tr(" of %1").arg(mImage.planeCount());
    if (channel < names.size() && !names[channel].empty())
        count += QStringLiteral("  \u2014  ") + QString::fromStdString(names[channel]);
    mPlaneCount->setText(count);
    auto values = mImage.plane(std::size_t(plane));
    mView->setImage(static_cast<int>(mImage.width()), static_cast<int>(mImage.height()),
        std::vector<float>(values.begin(), values.end()));
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

void MainWindow::showAbout()
{
    QString libraries;
    for (const auto& [name, version] : engine::libraryVersions())
        libraries += QStringLiteral("<li>%1 %2</li>")
                         .arg(QString::fromStdString(name), QString::fromStdString(version));
    QMessageBox::about(this, tr("About LatentLens"),
        tr("<h3>LatentLens %1</h3>"
           "<p>Non-blind deblurring for fluorescence microscopy with a deformable latent "
           "space.</p><p>Built on Qt %2 and:</p><ul>%3</ul><p>GPU: %4</p>")
            .arg(QString::fromStdString(engine::versionString()), QString::fromLatin1(qVersion()),
                libraries,
                engine::cudaAvailable() ? tr("a CUDA device is available")
                                        : tr("none; computing on the CPU")));
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
    QSettings settings;
    settings.setValue("mainWindow/geometry", saveGeometry());
    settings.setValue("mainWindow/state", saveState());
    QMainWindow::closeEvent(event);
}

} // namespace latentlens::app
