#include "renderbaseline.h"
#include "widgets/causticview.h"

#include <QApplication>
#include <QtTest>

#include <cmath>
#include <vector>

using namespace latentlens;
using widgets::CausticView;

namespace {

// A Gaussian beam's intensity around its waist: 48 x 48 planes at 21 defocus values from
// -10 to 10 µm, waist 3 pixels, Rayleigh range 3 µm (the shape of a probe's caustic).
struct Beam
{
    std::vector<float> values;
    std::vector<double> defocus;
};

Beam gaussianBeam()
{
    const int n = 48, planes = 21;
    Beam beam;
    beam.values.resize(std::size_t(n) * std::size_t(n) * std::size_t(planes));
    for (int z = 0; z < planes; ++z) {
        const double d = -10.0 + z;
        beam.defocus.push_back(d);
        const double w = 3.0 * std::sqrt(1.0 + (d / 3.0) * (d / 3.0));
        for (int y = 0; y < n; ++y)
            for (int x = 0; x < n; ++x) {
                const double r2 = std::pow(x - n / 2.0, 2) + std::pow(y - n / 2.0, 2);
                beam.values[(std::size_t(z) * n + std::size_t(y)) * n + std::size_t(x)]
                    = float(std::exp(-2.0 * r2 / (w * w)) / (w * w));
            }
    }
    return beam;
}

} // namespace

class TestCausticView : public QObject
{
    Q_OBJECT

private slots:
    void planeFollowsTheDefocus();
    void rejectsMismatchedDefocus();
};

void TestCausticView::planeFollowsTheDefocus()
{
    CausticView view;
    if (!view.usable())
        QSKIP(qPrintable("no usable OpenGL here (run under xvfb-run): " + view.message()));
    const Beam beam = gaussianBeam();
    view.setCaustic({ beam.values.data(), 48, 48, 21, 1.0, 1.0, 1.0 }, beam.defocus);
    view.setCurrentDefocus(-6.0);
    view.resize(300, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QImage before = view.grabFramebuffer();
    QVERIFY(testing::greyStdDev(before) > 5.0);
    view.setCurrentDefocus(6.0);
    const QImage after = view.grabFramebuffer();
    const double difference = testing::meanAbsoluteDifference(before, after);
    QVERIFY2(difference > 1.0, qPrintable(QString("mean |difference| %1").arg(difference)));
    const auto result = testing::compareWithBaseline(after, "causticview");
    QVERIFY2(result.ok, qPrintable(result.message));
}

void TestCausticView::rejectsMismatchedDefocus()
{
    CausticView view(nullptr, CausticView::OpenGL::ForceUnavailable);
    const Beam beam = gaussianBeam();
    view.setCaustic({ beam.values.data(), 48, 48, 21, 1.0, 1.0, 1.0 }, beam.defocus);
    QVERIFY(view.hasCaustic());
    view.setCurrentDefocus(50.0);
    QCOMPARE(view.currentDefocus(), 50.0);
    view.setCaustic({ beam.values.data(), 48, 48, 21, 1.0, 1.0, 1.0 }, { 0.0, 1.0 });
    QVERIFY(!view.hasCaustic());
}

LATENTLENS_GL_TEST_MAIN(TestCausticView)
#include "tst_causticview.moc"
