#include "renderbaseline.h"
#include "widgets/volumeview.h"

#include <vtkCamera.h>
#include <vtkRenderer.h>

#include <QApplication>
#include <QtTest>

#include <cmath>
#include <vector>

using namespace latentlens;
using widgets::VolumeView;

namespace {

// A 64 x 64 x 16 stack: a bright sphere (radius 12 voxels, z spacing twice x) on a faint
// gradient.
std::vector<float> sphereStack(int w, int h, int d)
{
    std::vector<float> values(std::size_t(w) * std::size_t(h) * std::size_t(d));
    for (int z = 0; z < d; ++z)
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                const double dx = x - w / 2.0, dy = y - h / 2.0, dz = 2.0 * (z - d / 2.0);
                const double r = std::sqrt(dx * dx + dy * dy + dz * dz);
                values[(std::size_t(z) * std::size_t(h) + std::size_t(y)) * std::size_t(w)
                    + std::size_t(x)]
                    = float((r < 12.0 ? 0.9 : 0.0) + 0.05 * x / w);
            }
    return values;
}

} // namespace

class TestVolumeView : public QObject
{
    Q_OBJECT

private slots:
    void rendersASphere();
    void contrastAndSlicesClamp();
    void linkedCamerasShareOneCamera();
};

void TestVolumeView::rendersASphere()
{
    VolumeView view;
    if (!view.usable())
        QSKIP(qPrintable("no usable OpenGL here (run under xvfb-run): " + view.message()));
    const auto values = sphereStack(64, 64, 16);
    view.setVolume({ values.data(), 64, 64, 16, 1.0, 1.0, 2.0 });
    view.setContrast(0.0, 1.0);
    view.resize(300, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QImage picture = view.grabFramebuffer();
    QCOMPARE(picture.size(), QSize(300, 300));
    // Not a blank (background-only) picture.
    QVERIFY2(testing::greyStdDev(picture) > 10.0,
        qPrintable(QString("grey std dev %1").arg(testing::greyStdDev(picture))));
    const auto result = testing::compareWithBaseline(picture, "volumeview");
    QVERIFY2(result.ok, qPrintable(result.message));
}

void TestVolumeView::contrastAndSlicesClamp()
{
    VolumeView view(nullptr, VolumeView::OpenGL::ForceUnavailable);
    const auto values = sphereStack(32, 24, 8);
    view.setVolume({ values.data(), 32, 24, 8, 0.0, 0.0, 0.0 });
    QVERIFY(view.hasVolume());
    QCOMPARE(view.dimensions(), (std::array<int, 3> { 32, 24, 8 }));
    QCOMPARE(view.sliceIndex(), (std::array<int, 3> { 16, 12, 4 }));
    view.setSliceIndex(-5, 100, 7);
    QCOMPARE(view.sliceIndex(), (std::array<int, 3> { 0, 23, 7 }));
    view.setContrast(0.2, 0.8);
    view.setContrast(0.5, 0.5); // ignored: an empty range
    QCOMPARE(view.contrastLow(), 0.2);
    QCOMPARE(view.contrastHigh(), 0.8);
    view.setVolume({ values.data(), 32, 24, 1, 0.0, 0.0, 0.0 }); // a plane is no volume
    QVERIFY(!view.hasVolume());
}

void TestVolumeView::linkedCamerasShareOneCamera()
{
    VolumeView a(nullptr, VolumeView::OpenGL::ForceUnavailable);
    VolumeView b(nullptr, VolumeView::OpenGL::ForceUnavailable);
    b.linkCamera(&a);
    QVERIFY(a.renderer() != b.renderer());
    QCOMPARE(b.renderer()->GetActiveCamera(), a.renderer()->GetActiveCamera());
    b.linkCamera(nullptr);
    QVERIFY(b.renderer()->GetActiveCamera() != a.renderer()->GetActiveCamera());
}

LATENTLENS_GL_TEST_MAIN(TestVolumeView)
#include "tst_volumeview.moc"
