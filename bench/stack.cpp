// The studio's whole-stack deblur, measured through the real window (offscreen): planes per
// second of each method at a plane size, and the process's peak memory against the stack
// results' budget. Wiener's throughput in the same run is the reference for the others.
//
// usage: latentlens-bench-stack SIZE PLANES [--methods latent,wiener,rl,hl]
//                                [--budget-mb MB] [--together]
//   --together   all methods in one run (the memory figure); else one run per method
//                (the throughput figures)
// QT_QPA_PLATFORM=offscreen. docs/benchmarks.md has the figures.

#include "app/gui/comparisonrunner.h"
#include "app/gui/jobworker.h"
#include "app/gui/mainwindow.h"
#include "app/gui/stackresults.h"

#include "engine/forward/forwardmodel.h"
#include "engine/forward/specimen.h"
#include "engine/io/imageio.h"
#include "engine/net/latentmodel.h"
#include "widgets/comparisongrid.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <cstdio>
#include <cstring>
#include <string>

using namespace latentlens;

namespace {

double peakMegabytes()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // kilobytes on Linux
}

void waitIdle(QApplication& application, app::MainWindow& window)
{
    do
        application.processEvents(QEventLoop::WaitForMoreEvents, 50);
    while (window.runner()->busy() || window.worker()->busy());
    application.processEvents();
}

} // namespace

int main(int argc, char** argv)
{
    engine::tuneRuntime();
    QApplication application(argc, argv);
    QApplication::setOrganizationName("LatentLensBench");
    if (argc < 3) {
        std::fprintf(stderr,
            "usage: latentlens-bench-stack SIZE PLANES [--methods LIST] "
            "[--budget-mb MB] [--together]\n");
        return 2;
    }
    const std::size_t size = std::stoul(argv[1]), planes = std::stoul(argv[2]);
    QStringList methods { "latent", "wiener", "rl", "hl" };
    double budgetMb = 0.0;
    bool together = false;
    for (int i = 3; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--methods") && i + 1 < argc)
            methods = QString(argv[++i]).split(',');
        else if (!std::strcmp(argv[i], "--budget-mb") && i + 1 < argc)
            budgetMb = std::stod(argv[++i]);
        else if (!std::strcmp(argv[i], "--together"))
            together = true;
    }
    // A stack of synthetic specimens (float32 TIFF).
    QTemporaryDir dir;
    const QString path = dir.filePath("stack.tif");
    {
        engine::Image stack(size, size, planes);
        engine::SpecimenOptions s;
        s.width = s.height = size;
        for (std::size_t p = 0; p < planes; ++p) {
            s.seed = p + 1;
            const auto plane = engine::generateSpecimen(s);
            std::copy(plane.values().begin(), plane.values().end(), stack.plane(p).begin());
        }
        // The probe's own 5 nm sampling: the 64 x 64 kernel of the demo, the heavy case.
        stack.setSpacing({ 5e-9, 5e-9, 1e-6 });
        engine::writeImage(stack, path.toStdString());
    }
    app::MainWindow window;
    window.resize(1500, 950);
    window.show();
    if (budgetMb > 0)
        window.setStackBudget(std::size_t(budgetMb * 1024 * 1024));
    window.openFile(path);
    do
        application.processEvents(QEventLoop::WaitForMoreEvents, 50);
    while (window.currentFile() != path);
    waitIdle(application, window);
    const double before = peakMegabytes();
    std::printf("stack %zu x %zu x %zu, %s, peak before the run %.0f MB\n", size, size, planes,
        together ? "all methods in one run" : "one run per method", before);

    auto run = [&](const QStringList& keys) {
        for (const QString& key : app::ComparisonRunner::methodKeys())
            window.grid()->setPanelShown(key, keys.contains(key));
        waitIdle(application, window);
        QSignalSpy finished(&window, &app::MainWindow::stackFinished);
        QElapsedTimer clock;
        clock.start();
        window.deblurStack();
        while (finished.isEmpty())
            application.processEvents(QEventLoop::WaitForMoreEvents, 100);
        return double(clock.elapsed()) / 1e3;
    };
    if (together) {
        const double seconds = run(methods);
        const auto* results = window.stackResults();
        std::printf("%s: %.1f s, %.3f planes/s (all methods)\n", qPrintable(methods.join('+')),
            seconds, double(planes) / seconds);
        std::printf("results: %.0f MB in memory, %.0f MB in the temporary file, budget %.0f MB\n",
            double(results->bytesInMemory()) / 1048576.0,
            double(results->bytesOnDisk()) / 1048576.0, double(results->budgetBytes()) / 1048576.0);
    } else {
        double wiener = 0.0;
        for (const QString& m : QStringList { "wiener" } + methods) {
            if (m == "wiener" && wiener > 0)
                continue;
            const double seconds = run({ m });
            const double rate = double(planes) / seconds;
            if (m == "wiener")
                wiener = rate;
            std::printf("%-8s %.2f planes/s (%.2f s per plane; %.2fx Wiener's time)\n",
                qPrintable(m), rate, seconds / double(planes), wiener / rate);
        }
    }
    std::printf("peak memory of the process: %.0f MB\n", peakMegabytes());
    return 0;
}
