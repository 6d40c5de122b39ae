// The 3-D views' speed (docs/benchmarks.md) and their pictures (docs/images/, docs/studio.md).
//
//   latentlens-bench-volume [--size WxHxD] [--frames N]
//       Renders a synthetic stack (default 512x512x64) in a VolumeView of 600x600 pixels and
//       reports the time to build the VTK data from the float stack (VolumeView::setVolume,
//       on the GUI thread) and the median time per frame while the camera turns (5 degrees a
//       frame; each frame is a paint and a read-back through grabFramebuffer).
//   latentlens-bench-volume --grab-dock STACK.tif VOLUME.png CAUSTIC.png [RESULT.tif]
//       Shows the studio's 3-D dock (VolumeDock) with STACK (and RESULT, a deblurred STACK,
//       beside it) and the default probe and saves its two tabs as pictures, as the studio
//       draws them.
// Needs an X display with OpenGL 3.2: run it under `xvfb-run -a -s "-screen 0 1600x1000x24"`.
#include "app/gui/jobworker.h"
#include "app/gui/probepanel.h"
#include "app/gui/volumedock.h"
#include "bench/benchtiming.h"
#include "engine/io/imageio.h"
#include "widgets/causticview.h"
#include "widgets/defocuscontrol.h"
#include "widgets/volumeview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSignalSpy>
#include <QSurfaceFormat>
#include <QTabWidget>
#include <QTest>
#include <QTimer>

#include <vtkCamera.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkSmartVolumeMapper.h>
#include <vtkVolume.h>
#include <vtkVolumeCollection.h>

#include <cmath>
#include <cstdio>
#include <random>
#include <string>

using namespace latentlens;

namespace {

// Blurred spheres ("nuclei") of random size and brightness on a dim background.
std::vector<float> syntheticStack(int w, int h, int d)
{
    std::vector<float> values(std::size_t(w) * std::size_t(h) * std::size_t(d), 0.02f);
    std::mt19937 random(7);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (int n = 0; n < 40; ++n) {
        const double cx = unit(random) * w, cy = unit(random) * h, cz = unit(random) * d;
        const double r = 8.0 + 24.0 * unit(random), b = 0.3 + 0.7 * unit(random);
        const int x0 = std::max(0, int(cx - r)), x1 = std::min(w, int(cx + r) + 1);
        const int y0 = std::max(0, int(cy - r)), y1 = std::min(h, int(cy + r) + 1);
        for (int z = 0; z < d; ++z)
            for (int y = y0; y < y1; ++y)
                for (int x = x0; x < x1; ++x) {
                    const double dz = 4.0 * (z - cz);
                    const double q
                        = ((x - cx) * (x - cx) + (y - cy) * (y - cy) + dz * dz) / (r * r);
                    if (q < 1.0)
                        values[(std::size_t(z) * std::size_t(h) + std::size_t(y)) * std::size_t(w)
                            + std::size_t(x)]
                            += float(b * (1.0 - q));
                }
    }
    return values;
}

const char* renderModeName(widgets::VolumeView& view)
{
    vtkVolumeCollection* volumes = view.renderer()->GetVolumes();
    volumes->InitTraversal();
    vtkVolume* volume = volumes->GetNextVolume();
    auto* mapper = volume ? vtkSmartVolumeMapper::SafeDownCast(volume->GetMapper()) : nullptr;
    if (!mapper)
        return "none";
    switch (mapper->GetLastUsedRenderMode()) {
    case vtkSmartVolumeMapper::GPURenderMode:
        return "GPU ray casting";
    case vtkSmartVolumeMapper::RayCastRenderMode:
        return "CPU ray casting";
    default:
        return "other";
    }
}

int speed(int w, int h, int d, int frames)
{
    const auto values = syntheticStack(w, h, d);
    widgets::VolumeView view;
    if (!view.usable()) {
        std::fprintf(stderr, "latentlens-bench-volume: %s\n", qPrintable(view.message()));
        return 1;
    }
    view.resize(600, 600);
    view.show();
    QEventLoop().processEvents();
    const widgets::VolumeData data { values.data(), w, h, d, 1.0, 1.0, 3.0 };
    const double build = bench::timeIt(5, [&] { view.setVolume(data); });
    view.setContrast(0.05, 1.0);
    QElapsedTimer first;
    first.start();
    view.grabFramebuffer(); // the first frame uploads the volume
    const double firstFrame = first.nsecsElapsed() * 1e-9;
    vtkCamera* camera = view.renderer()->GetActiveCamera();
    const double perFrame = bench::timeIt(frames, [&] {
        camera->Azimuth(5.0);
        view.grabFramebuffer();
    });
    // As a mouse drag renders: the interactor asks the render window for 15 frames per
    // second while the mouse moves, and VTK's volume mapper then samples the rays more
    // coarsely (AutoAdjustSampleDistances); the still frame after the drag is full quality.
    view.renderWindow()->SetDesiredUpdateRate(15.0);
    const double perInteractive = bench::timeIt(frames, [&] {
        camera->Azimuth(5.0);
        view.grabFramebuffer();
    });
    view.renderWindow()->SetDesiredUpdateRate(0.0001);
    std::printf("stack %dx%dx%d (%.1f MB of float), view 600x600, %s\n", w, h, d,
        double(values.size()) * 4.0 / 1e6, renderModeName(view));
    // The OpenGL renderer (llvmpipe under Xvfb), from VTK's own report.
    const std::string report = view.renderWindow()->ReportCapabilities();
    for (const char* key : { "OpenGL renderer string", "OpenGL version string" }) {
        const auto at = report.find(key);
        if (at != std::string::npos)
            std::printf("%s\n", report.substr(at, report.find('\n', at) - at).c_str());
    }
    std::printf("build VTK data (setVolume, GUI thread): %.1f ms (median of 5)\n", build * 1e3);
    std::printf("first frame (upload + render):          %.1f ms\n", firstFrame * 1e3);
    std::printf("frame while turning (render + read-back): %.1f ms (median of %d)\n",
        perFrame * 1e3, frames);
    std::printf("frame while dragging (15 fps asked, as the interactor does): %.1f ms (median "
                "of %d)\n",
        perInteractive * 1e3, frames);
    return 0;
}

bool waitFor(QObject* sender, const char* signal, int milliseconds)
{
    QSignalSpy spy(sender, signal);
    return spy.wait(milliseconds);
}

int grabDock(const QString& stackPath, const QString& volumeOut, const QString& causticOut,
    const QString& resultPath)
{
    const engine::Image stack = engine::readImage(stackPath.toStdString());
    app::JobWorker worker;
    app::ProbePanel probe;
    app::VolumeDock dock(&worker, &probe);
    dock.resize(resultPath.isEmpty() ? 900 : 1300, 520);
    dock.show();
    dock.setStack(stack);
    if (!resultPath.isEmpty()) // a deblurred stack beside it, with the same camera
        dock.setResult(engine::readImage(resultPath.toStdString()));
    if (!dock.volumeView()->usable()) {
        std::fprintf(
            stderr, "latentlens-bench-volume: %s\n", qPrintable(dock.volumeView()->message()));
        return 1;
    }
    if (!waitFor(&dock, SIGNAL(volumeShown()), 60000)) {
        std::fprintf(stderr, "latentlens-bench-volume: the volume did not come\n");
        return 1;
    }
    QTest::qWait(300);
    dock.volumeView()->grabFramebuffer();
    if (!dock.grab().save(volumeOut))
        return 1;
    auto* tabs = dock.findChild<QTabWidget*>("volumeTabs");
    tabs->setCurrentIndex(1);
    if (!waitFor(&dock, SIGNAL(causticShown()), 120000)) {
        std::fprintf(stderr, "latentlens-bench-volume: the caustic did not come\n");
        return 1;
    }
    probe.defocusControl()->setValue(7.0);
    QTest::qWait(300);
    dock.causticView()->grabFramebuffer();
    if (!dock.grab().save(causticOut))
        return 1;
    std::printf("saved %s and %s\n", qPrintable(volumeOut), qPrintable(causticOut));
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QSurfaceFormat::setDefaultFormat(widgets::VtkOpenGLView::defaultFormat());
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    try {
        if ((args.size() == 5 || args.size() == 6) && args[1] == "--grab-dock")
            return grabDock(args[2], args[3], args[4], args.size() == 6 ? args[5] : QString());
        int w = 512, h = 512, d = 64, frames = 20;
        for (int i = 1; i + 1 < args.size(); i += 2) {
            if (args[i] == "--size") {
                const auto sizes = args[i + 1].split('x');
                if (sizes.size() != 3)
                    throw std::invalid_argument("--size wants WxHxD");
                w = sizes[0].toInt();
                h = sizes[1].toInt();
                d = sizes[2].toInt();
            } else if (args[i] == "--frames") {
                frames = args[i + 1].toInt();
            }
        }
        return speed(w, h, d, std::max(1, frames));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "latentlens-bench-volume: %s\n", e.what());
        return 1;
    }
}
