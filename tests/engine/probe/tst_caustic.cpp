#include "engine/core/exception.h"
#include "engine/probe/caustic.h"
#include "engine/probe/probe.h"

#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace latentlens;

namespace {

engine::ZonePlateOptics smallOptics()
{
    engine::ZonePlateOptics optics;
    optics.gridSize = 128;
    return optics;
}

float planePeak(const engine::Image& stack, std::size_t z)
{
    const auto plane = stack.plane(z);
    return *std::max_element(plane.begin(), plane.end());
}

} // namespace

class TestCaustic : public QObject
{
    Q_OBJECT

private slots:
    void shapeAndSpacing();
    void focusIsTheBrightestPlane();
    void centreOfTheField();
    void symmetricAboutFocus();
    void rejectsBadArguments_data();
    void rejectsBadArguments();
};

void TestCaustic::shapeAndSpacing()
{
    const auto optics = smallOptics();
    const auto stack = engine::causticStack(optics, { -20e-6, -10e-6, 0.0, 10e-6, 20e-6 }, 32);
    QCOMPARE(stack.width(), std::size_t(32));
    QCOMPARE(stack.height(), std::size_t(32));
    QCOMPARE(stack.depth(), std::size_t(5));
    QCOMPARE(stack.spacing().x, optics.pixelSize);
    QVERIFY(std::abs(stack.spacing().z - 10e-6) < 1e-12);
    QVERIFY(stack.allFinite());
    // Uneven steps have no single z spacing.
    const auto uneven = engine::causticStack(optics, { -20e-6, 0.0, 5e-6 }, 16);
    QCOMPARE(uneven.spacing().z, 0.0);
}

void TestCaustic::focusIsTheBrightestPlane()
{
    // Energy spreads out away from focus: the peak falls on both sides.
    const auto stack = engine::causticStack(smallOptics(), { -40e-6, 0.0, 40e-6 }, 64);
    QVERIFY(planePeak(stack, 1) > 2.0f * planePeak(stack, 0));
    QVERIFY(planePeak(stack, 1) > 2.0f * planePeak(stack, 2));
}

void TestCaustic::centreOfTheField()
{
    // The crop is the centre of the propagated field: the in-focus plane equals the focused
    // probe's intensity there.
    const auto optics = smallOptics();
    const auto full = engine::focusedProbe(optics).intensity();
    const auto stack = engine::causticStack(optics, { 0.0, 1e-6 }, 16);
    const std::size_t x0 = (optics.gridSize - 16) / 2;
    for (std::size_t y = 0; y < 16; ++y)
        for (std::size_t x = 0; x < 16; ++x)
            QVERIFY(std::abs(stack.at(x, y, 0) - full.at(x0 + x, x0 + y))
                <= 1e-6f * full.at(optics.gridSize / 2, optics.gridSize / 2));
}

void TestCaustic::symmetricAboutFocus()
{
    // The focused field of a symmetric pupil is real, so |P(-z)|^2 = |P(z)|^2.
    engine::ZonePlateOptics optics; // the defaults, as the studio's caustic uses them
    const auto stack = engine::causticStack(optics, { -15e-6, 15e-6 }, 128);
    double a = 0.0, b = 0.0, diff = 0.0;
    for (std::size_t i = 0; i < stack.planeSize(); ++i) {
        a += stack.plane(0)[i];
        b += stack.plane(1)[i];
        diff += std::abs(stack.plane(0)[i] - stack.plane(1)[i]);
    }
    qInfo() << "energy in the crop at -15 and +15 um:" << a << b << "L1 difference" << diff;
    QVERIFY(diff < 1e-3 * (a + b));
}

void TestCaustic::rejectsBadArguments_data()
{
    QTest::addColumn<std::vector<double>>("defocus");
    QTest::addColumn<int>("crop");
    QTest::newRow("no defocus") << std::vector<double>() << 16;
    QTest::newRow("NaN defocus") << std::vector<double> { 0.0, std::nan("") } << 16;
    QTest::newRow("crop 0") << std::vector<double> { 0.0 } << 0;
    QTest::newRow("crop larger than the grid") << std::vector<double> { 0.0 } << 129;
}

void TestCaustic::rejectsBadArguments()
{
    QFETCH(std::vector<double>, defocus);
    QFETCH(int, crop);
    QVERIFY_THROWS_EXCEPTION(
        engine::InvalidArgument, engine::causticStack(smallOptics(), defocus, std::size_t(crop)));
}

QTEST_APPLESS_MAIN(TestCaustic)
#include "tst_caustic.moc"
