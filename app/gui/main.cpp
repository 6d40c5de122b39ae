#include "app/gui/mainwindow.h"

#include "engine/buildinfo.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName("LatentLens");
    QApplication::setOrganizationName("LatentLens");
    QApplication::setApplicationVersion(
        QString::fromStdString(latentlens::engine::versionString()));

    QTranslator translator;
    if (translator.load(QLocale(), "latentlens", "_", ":/i18n"))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main",
        "LatentLens studio: non-blind deblurring for "
        "fluorescence microscopy."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("file", QApplication::translate("main", "Image to open."));
    QCommandLineOption screenshot("screenshot",
        QApplication::translate("main",
            "Save a picture of the window to <png> and quit "
            "(for documentation)."),
        "png");
    parser.addOption(screenshot);
    parser.process(app);

    latentlens::app::MainWindow window;
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openFile(parser.positionalArguments().first());
    else
        window.openDemo();
    if (parser.isSet(screenshot)) {
        const QString target = parser.value(screenshot);
        QTimer::singleShot(800, &window, [&window, target] {
            const bool saved = window.grab().save(target);
            if (!saved)
                qCritical("cannot write the screenshot to %s", qPrintable(target));
            QApplication::exit(saved ? 0 : 1);
        });
    }
    return app.exec();
}
