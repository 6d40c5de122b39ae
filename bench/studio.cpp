// The studio's slider, measured through the real window: how long after a defocus move
// each panel shows its result (and its preview: of the visible region, when zoomed in on a
// large image, or the network's one view while its model's average of several views is
// computed). The reference is the Wiener job's own time in the same run, so the figures
// can be compared across machines as ratios. Offscreen: QT_QPA_PLATFORM=offscreen.
//
// usage: latentlens-bench-studio IMAGE [--zoom]   (docs/studio.md has the figures)

#include "app/gui/comparisonrunner.h"
#include "app/gui/jobworker.h"
#include "app/gui/mainwindow.h"

#include "engine/net/latentmodel.h"
#include "widgets/comparisongrid.h"
#include "widgets/defocuscontrol.h"
#include "widgets/imageview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QTimer>

#include <cstdio>

using namespace latentlens;

namespace {

bool idle(app::MainWindow& window)
{
    return !window.runner()->busy() && !window.worker()->busy();
}

// Runs the event loop, as the studio's exec() does, until `done`. Not processEvents(flags,
// ms) in a loop: that overload drops WaitForMoreEvents and spins, and the spinning GUI
// thread took a core from the worker (the network's job took twice its standalone time
// here until 2026-11-30).
template <typename Done> void waitUntil(Done done)
{
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    poll.start(20);
    if (!done())
        loop.exec();
}

void waitIdle(QApplication& application, app::MainWindow& window)
{
    waitUntil([&] { return idle(window); });
    application.processEvents();
}

} // namespace

int main(int argc, char** argv)
{
    engine::tuneRuntime(); // as the studio's main() does, before any thread allocates
    QApplication application(argc, argv);
    QApplication::setOrganizationName("LatentLensBench");
    if (argc < 2) {
        std::fprintf(stderr, "usage: latentlens-bench-studio IMAGE [--zoom]\n");
        return 2;
    }
    app::MainWindow window;
    window.resize(1500, 950);
    window.show();
    QElapsedTimer clock;
    clock.start();
    bool failed = false;
    QObject::connect(&window, &app::MainWindow::fileFailed, [&](const QString&, const QString& m) {
        std::fprintf(stderr, "%s\n", qPrintable(m));
        failed = true;
    });
    window.openFile(QString::fromLocal8Bit(argv[1]));
    waitUntil([&] {
        return failed || (window.image().width() > 0 && idle(window) && clock.elapsed() > 500);
    });
    if (failed)
        return 1;
    std::printf("image %zu x %zu: opened and every method shown after %.2f s\n",
        window.image().width(), window.image().height(), clock.elapsed() / 1000.0);
    if (argc > 2 && QString(argv[2]) == "--zoom") {
        widgets::ImageView::ViewState view;
        view.zoom = 1.0;
        view.centre = QPointF(window.image().width() / 2.0, window.image().height() / 2.0);
        view.fitted = false;
        for (const QString& key : window.grid()->panelKeys())
            window.grid()->view(key)->setViewState(view);
        const QRect region = window.grid()->visibleRegion();
        std::printf("zoomed to 1:1, visible region %d x %d\n", region.width(), region.height());
    }
    QHash<QString, qint64> shown, preview;
    QObject::connect(window.runner(), &app::ComparisonRunner::methodFinished,
        [&](const QString& key) { shown[key] = clock.elapsed(); });
    QObject::connect(window.runner(), &app::ComparisonRunner::methodPreview,
        [&](const QString& key) { preview[key] = clock.elapsed(); });
    std::printf("%-8s %-9s %10s %10s %10s %12s\n", "defocus", "method", "preview_s", "shown_s",
        "job_s", "shown/wiener");
    for (double micrometres : { 5.0, 9.0, 12.0 }) {
        shown.clear();
        preview.clear();
        clock.restart();
        window.defocusControl()->setValue(micrometres);
        waitIdle(application, window);
        const auto* wiener = window.runner()->result("wiener");
        for (const QString& key : app::ComparisonRunner::methodKeys()) {
            const auto* result = window.runner()->result(key);
            if (!shown.contains(key) || !result)
                continue;
            std::printf("%-8.1f %-9s %10s %10.2f %10.2f %12.1f\n", micrometres, qPrintable(key),
                preview.contains(key) ? qPrintable(QString::number(preview[key] / 1000.0, 'f', 2))
                                      : "-",
                shown[key] / 1000.0, result->seconds,
                wiener ? shown[key] / 1000.0 / wiener->seconds : 0.0);
        }
    }
    return 0;
}
