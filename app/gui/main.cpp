#include "app/gui/mainwindow.h"
#include "app/gui/trainingpanel.h"
#include "widgets/comparisongrid.h"
#include "widgets/lineprofileview.h"
#include "widgets/vtkopenglview.h"

#include "engine/buildinfo.h"
#include "engine/core/isolatedread.h"
#include "engine/net/latentmodel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QSurfaceFormat>
#include <QTimer>
#include <QTranslator>

#include <csignal>
#include <cstdio>

namespace {

/// Saves a picture of the window to `target` and quits (for documentation).
void saveScreenshot(QWidget* window, const QString& target)
{
    QApplication::processEvents();
    const bool saved = window->grab().save(target);
    if (!saved)
        std::fprintf(stderr, "latentlens: cannot write the screenshot to %s\n", qPrintable(target));
    QApplication::exit(saved ? 0 : 1);
}

/// Where translations are looked for, in order: the installed folder beside the program
/// (<prefix>/share/latentlens/translations, when there is one), then the copy built in.
QStringList translationFolders()
{
    QStringList folders;
    const QDir installed(QApplication::applicationDirPath() + "/../share/latentlens/translations");
    if (installed.exists())
        folders << installed.canonicalPath();
    folders << QStringLiteral(":/i18n");
    return folders;
}

} // namespace

int main(int argc, char** argv)
{
    latentlens::engine::tuneRuntime(); // before any thread allocates
    // Past a file-size limit an export fails with EFBIG and says so (as on a full disk),
    // instead of SIGXFSZ killing the studio with the user's results.
    std::signal(SIGXFSZ, SIG_IGN);
    // The 3-D dock's VTK views need OpenGL 3.2 core; every context shares with the window's.
    QSurfaceFormat::setDefaultFormat(latentlens::widgets::VtkOpenGLView::defaultFormat());
    QApplication app(argc, argv);
    QApplication::setApplicationName("LatentLens");
    QApplication::setOrganizationName("LatentLens");
    QApplication::setApplicationVersion(
        QString::fromStdString(latentlens::engine::versionString()));
    // HDF5 files and models are read first by latentlens-cli, installed beside the studio, in
    // a helper process (engine/core/isolatedread.h): a corrupt file that crashes HDF5 or
    // LibTorch gives an error box instead of closing the studio with the user's work.
    const QString helper = QApplication::applicationDirPath() + QStringLiteral("/latentlens-cli");
    if (QFileInfo(helper).isExecutable())
        latentlens::engine::setIsolatedReader({ helper.toStdString(), "check-file" });

    // English first, for its plural forms ("1 slice", "3 slices"); the user's language, when
    // there is a translation, is installed after it and so takes precedence.
    QTranslator english, translator;
    const QStringList folders = translationFolders();
    for (const QString& folder : folders)
        if (english.load("latentlens_en", folder)) {
            QApplication::installTranslator(&english);
            break;
        }
    // View > Language overrides the system's language (from the next start).
    const QString chosen = QSettings().value(QStringLiteral("language")).toString();
    const QLocale language = chosen.isEmpty() ? QLocale() : QLocale(chosen);
    for (const QString& folder : folders)
        if (translator.load(language, "latentlens", "_", folder)) {
            QApplication::installTranslator(&translator);
            break;
        }

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main",
        "LatentLens studio: non-blind deblurring for fluorescence microscopy. Without a file "
        "it opens the built-in demo."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("file", QApplication::translate("main", "Image to open."));
    QCommandLineOption screenshot("screenshot",
        QApplication::translate("main",
            "When every method has finished (or a training run with --train-demo), save a "
            "picture of the window to <png> and quit (for documentation)."),
        "png");
    QCommandLineOption blur("blur",
        QApplication::translate("main",
            "Use the opened image as the ground truth: blur it with the probe at the current "
            "defocus and deblur that."));
    QCommandLineOption trainDemo("train-demo",
        QApplication::translate("main",
            "Show the training panel and train a short demonstration run (3 + 3 epochs of 10 "
            "batches) on the images in <folder>, saving the model to the system's temporary "
            "folder."),
        "folder");
    QCommandLineOption profile("profile",
        QApplication::translate(
            "main", "Draw the line profile from (x1, y1) to (x2, y2), in image pixels."),
        "x1,y1,x2,y2");
    parser.addOption(screenshot);
    parser.addOption(blur);
    parser.addOption(profile);
    parser.addOption(trainDemo);
    parser.process(app);

    latentlens::app::MainWindow window;
    window.show();
    const QString target = parser.value(screenshot);
    bool waitForIdle = parser.isSet(screenshot) && !parser.isSet(trainDemo);
    if (!parser.positionalArguments().isEmpty()) {
        const QString path = parser.positionalArguments().first();
        QObject::connect(&window, &latentlens::app::MainWindow::fileFailed, &app,
            [&](const QString&, const QString& message) {
                std::fprintf(stderr, "latentlens: %s\n", qPrintable(message));
                if (parser.isSet(screenshot))
                    QApplication::exit(1);
            });
        if (parser.isSet(blur))
            QObject::connect(&window, &latentlens::app::MainWindow::fileOpened, &window,
                [&window](const QString&) {
                    // The kernel is the first job after the image: blur once it is there.
                    QObject::connect(
                        window.runner(), &latentlens::app::ComparisonRunner::kernelReady, &window,
                        [&window] { window.simulateBlur(); }, Qt::SingleShotConnection);
                });
        window.openFile(path);
    } else {
        window.openDemo();
    }
    if (parser.isSet(profile)) {
        const QStringList v = parser.value(profile).split(',');
        if (v.size() != 4) {
            std::fprintf(stderr, "latentlens: --profile needs x1,y1,x2,y2\n");
            return 2;
        }
        const QLineF line(v[0].toDouble(), v[1].toDouble(), v[2].toDouble(), v[3].toDouble());
        // After the image (and a --blur) is shown: each new image keeps the line.
        QObject::connect(
            &window, &latentlens::app::MainWindow::comparisonIdle, &window, [&window, line] {
                if (window.grid()->profileLine() != line)
                    window.grid()->setProfileLine(line);
            });
    }
    if (parser.isSet(trainDemo)) {
        auto* training = window.trainingPanel();
        window.showDock(training, 640);
        // Room for the training charts: the line profile is not what this run is about.
        if (auto* dock = qobject_cast<QDockWidget*>(window.profileView()->parentWidget()))
            dock->hide();
        training->setDataSources({ parser.value(trainDemo) });
        training->setEpochs(3, 3, 3);
        training->setBatches(10, 8);
        training->setOutput(QDir::temp().filePath("latentlens-train-demo.llm"));
        training->start();
        if (parser.isSet(screenshot)) {
            // The comparison keeps its model until the user chooses the new one: the picture
            // shows the panel with both models' scores as soon as training ends.
            QObject::connect(training, &latentlens::app::TrainingPanel::modelTrained, &window,
                [&window, target] {
                    QTimer::singleShot(
                        0, &window, [&window, target] { saveScreenshot(&window, target); });
                });
            QObject::connect(training, &latentlens::app::TrainingPanel::trainingFailed, &app,
                [](const QString& message) {
                    std::fprintf(stderr, "latentlens: training failed: %s\n", qPrintable(message));
                    QApplication::exit(1);
                });
        }
    }
    if (waitForIdle) {
        // Every method of the first request done; later requests (e.g. after --blur) too.
        auto* settle = new QTimer(&window);
        settle->setSingleShot(true);
        settle->setInterval(1500);
        QObject::connect(settle, &QTimer::timeout, &window, [&window, target] {
            if (!window.runner()->busy())
                saveScreenshot(&window, target);
        });
        QObject::connect(window.runner(), &latentlens::app::ComparisonRunner::idle, settle,
            qOverload<>(&QTimer::start));
    }
    return app.exec();
}
