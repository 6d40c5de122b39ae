#include "engine/deconv/hyperlaplacian.h"
#include "engine/eval/metrics.h"
#include "engine/forward/forwardmodel.h"
#include "engine/forward/specimen.h"
#include "engine/probe/probe.h"

#include "tests/engine/support/deconvtesting.h"

#include <QtTest>

using namespace latentlens;
using namespace latentlens::testing;

namespace {

// Brute force: the best of 200001 points on [-|v| - 0.1, |v| + 0.1] and 0.
double bruteForce(double v, double beta, double alpha)
{
    const double lo = -std::abs(v) - 0.1, hi = std::abs(v) + 0.1;
    double best = 0.0, bestCost = 0.5 * beta * v * v;
    for (int i = 0; i <= 200000; ++i) {
        const double w = lo + (hi - lo) * i / 200000.0;
        const double c = std::pow(std::abs(w), alpha) + 0.5 * beta * (w - v) * (w - v);
        if (c < bestCost) {
            bestCost = c;
            best = w;
        }
    }
    return best;
}

double cost(double w, double v, double beta, double alpha)
{
    return std::pow(std::abs(w), alpha) + 0.5 * beta * (w - v) * (w - v);
}

} // namespace

class TestHyperLaplacian : public QObject
{
    Q_OBJECT

private slots:
    void solversMatchBruteForce_data();
    void solversMatchBruteForce();
    void convexExponentsHaveClosedForms();
    void tableMatchesTheExactSolver();
    void tablesMatchTheClosedForms_data();
    void tablesMatchTheClosedForms();
    void tabulatedWStepMatchesTheExactOne_data();
    void tabulatedWStepMatchesTheExactOne();
    void deltaKernelWithStrongDataTermReturnsTheImage();
    void improvesABlurredSpecimen();
    void paperPresetAndBadOptions();
};

void TestHyperLaplacian::solversMatchBruteForce_data()
{
    QTest::addColumn<double>("alpha");
    QTest::addColumn<double>("beta");
    for (double beta : { 1.0, 8.0, 64.0, 181.0 }) {
        QTest::newRow(qPrintable(QString("1/2, beta %1").arg(beta))) << 0.5 << beta;
        QTest::newRow(qPrintable(QString("2/3, beta %1").arg(beta))) << 2.0 / 3.0 << beta;
    }
}

void TestHyperLaplacian::solversMatchBruteForce()
{
    QFETCH(double, alpha);
    QFETCH(double, beta);
    for (double v : { -1.3, -0.4, -0.05, 0.0, 0.02, 0.1, 0.25, 0.5, 0.9, 2.0 }) {
        const double analytic
            = alpha == 0.5 ? engine::shrinkHalf(v, beta) : engine::shrinkTwoThirds(v, beta);
        const double exact = engine::shrinkExact(v, beta, alpha);
        const double brute = bruteForce(v, beta, alpha);
        // Compare costs (the minimiser can jump between 0 and the interior minimum when the
        // two tie); the grid resolves w to about 1e-5.
        const double cb = cost(brute, v, beta, alpha);
        QVERIFY2(cost(analytic, v, beta, alpha) <= cb + 1e-6,
            qPrintable(QString("v %1: analytic %2, brute %3").arg(v).arg(analytic).arg(brute)));
        QVERIFY2(cost(exact, v, beta, alpha) <= cb + 1e-6,
            qPrintable(QString("v %1: exact %2, brute %3").arg(v).arg(exact).arg(brute)));
        QVERIFY2(std::abs(analytic - exact) < 1e-6
                || std::abs(cost(analytic, v, beta, alpha) - cost(exact, v, beta, alpha)) < 1e-9,
            qPrintable(QString("v %1: analytic %2, exact %3").arg(v).arg(analytic).arg(exact)));
    }
}

void TestHyperLaplacian::convexExponentsHaveClosedForms()
{
    for (double v : { -0.7, 0.05, 0.3, 1.5 }) {
        // alpha = 1: soft threshold at 1/beta; alpha = 2: w = beta v / (beta + 2).
        QVERIFY(std::abs(engine::shrinkExact(v, 8.0, 1.0)
                    - std::copysign(std::max(std::abs(v) - 0.125, 0.0), v))
            < 1e-12);
        QVERIFY(std::abs(engine::shrinkExact(v, 8.0, 2.0) - 8.0 * v / 10.0) < 1e-9);
        QVERIFY(std::abs(engine::shrinkExact(v, 8.0, 1.5) - bruteForce(v, 8.0, 1.5)) < 2e-5);
    }
}

void TestHyperLaplacian::tableMatchesTheExactSolver()
{
    const engine::ShrinkTable table(22.6, 0.8);
    double worst = 0.0;
    for (int i = -500; i <= 500; ++i) {
        const double v = i * 0.0071;
        worst = std::max(worst,
            std::abs(cost(table(v), v, 22.6, 0.8)
                - cost(engine::shrinkExact(v, 22.6, 0.8), v, 22.6, 0.8)));
    }
    QVERIFY2(worst < 1e-4, qPrintable(QString::number(worst)));
    QCOMPARE(table(5.0), engine::shrinkExact(5.0, 22.6, 0.8)); // beyond the table
}

void TestHyperLaplacian::tablesMatchTheClosedForms_data()
{
    QTest::addColumn<double>("alpha");
    QTest::addColumn<double>("beta");
    for (double beta : { 1.0, 8.0, 64.0, 181.0 }) {
        QTest::newRow(qPrintable(QString("1/2, beta %1").arg(beta))) << 0.5 << beta;
        QTest::newRow(qPrintable(QString("2/3, beta %1").arg(beta))) << 2.0 / 3.0 << beta;
    }
}

void TestHyperLaplacian::tablesMatchTheClosedForms()
{
    QFETCH(double, alpha);
    QFETCH(double, beta);
    // As HyperLaplacian::run makes them: 4096 samples over twice an image's range.
    const engine::ShrinkTable table(beta, alpha, 2.0, 4096);
    auto exact = [&](double v) {
        return alpha == 0.5 ? engine::shrinkHalf(v, beta) : engine::shrinkTwoThirds(v, beta);
    };
    // The jump from 0 sits where the closed form's does (to float precision)...
    const double t = table.threshold();
    if (t < 2.0) {
        QCOMPARE(exact(t * (1 - 1e-6)), 0.0);
        QVERIFY(exact(t * (1 + 1e-6)) > 0.0);
    }
    // ...and above it the interpolation is within float rounding of the closed form.
    double worst = 0.0;
    for (int i = -20000; i <= 20000; ++i) {
        const double v = i * 1.9999 / 20000.0;
        if (std::abs(std::abs(v) - t) < 1e-6 * t)
            continue; // the tie itself may go either way
        worst = std::max(worst, std::abs(table(v) - exact(v)));
    }
    QVERIFY2(worst < 1e-5, qPrintable(QString::number(worst)));
    QCOMPARE(table(-3.0), exact(-3.0)); // beyond the table: the closed form
}

void TestHyperLaplacian::tabulatedWStepMatchesTheExactOne_data()
{
    QTest::addColumn<double>("alpha");
    QTest::addColumn<double>("noise");
    QTest::newRow("1/2") << 0.5 << 0.001;
    QTest::newRow("2/3") << 2.0 / 3.0 << 0.001;
    QTest::newRow("2/3, noisy") << 2.0 / 3.0 << 0.02;
    QTest::newRow("0.8") << 0.8 << 0.001;
}

void TestHyperLaplacian::tabulatedWStepMatchesTheExactOne()
{
    QFETCH(double, alpha);
    QFETCH(double, noise);
    engine::SpecimenOptions s;
    s.width = s.height = 128;
    const auto truth = engine::generateSpecimen(s);
    const auto kernel = engine::probeKernel(engine::simulateProbe({}, 7e-6));
    auto blurred = engine::convolve(truth, kernel);
    engine::addGaussianNoise(blurred, noise, 3);
    engine::HyperLaplacianOptions o;
    o.alpha = alpha;
    const auto tabulated = engine::HyperLaplacian(o).run(blurred, kernel);
    o.exactShrinkage = true;
    const auto exact = engine::HyperLaplacian(o).run(blurred, kernel);
    const double difference = std::abs(engine::psnr(tabulated.values(), truth.values())
        - engine::psnr(exact.values(), truth.values()));
    QVERIFY2(difference < 1e-3, qPrintable(QString("%1 dB").arg(difference)));
    const double worst = maxAbsDifference(tabulated, exact);
    QVERIFY2(worst < 1e-4, qPrintable(QString::number(worst)));
}

void TestHyperLaplacian::deltaKernelWithStrongDataTermReturnsTheImage()
{
    engine::Image delta(3, 3);
    delta.at(1, 1) = 1.0f;
    const auto image = bandLimited(40, 36);
    engine::HyperLaplacianOptions o;
    o.lambda = 1e7;
    QVERIFY(maxAbsDifference(engine::HyperLaplacian(o).run(image, delta), image) < 1e-3);
}

void TestHyperLaplacian::improvesABlurredSpecimen()
{
    engine::SpecimenOptions s;
    s.width = s.height = 128;
    const auto truth = engine::generateSpecimen(s);
    const auto kernel = engine::probeKernel(engine::simulateProbe({}, 7e-6));
    auto blurred = engine::convolve(truth, kernel);
    engine::addGaussianNoise(blurred, 0.001, 2);
    for (double alpha : { 0.5, 2.0 / 3.0, 0.8 }) {
        engine::HyperLaplacianOptions o;
        o.alpha = alpha;
        const auto result = engine::HyperLaplacian(o).run(blurred, kernel);
        const double gain = engine::psnr(result.values(), truth.values())
            - engine::psnr(blurred.values(), truth.values());
        QVERIFY2(gain > 1.0, qPrintable(QString("alpha %1 gains %2 dB").arg(alpha).arg(gain)));
    }
}

void TestHyperLaplacian::paperPresetAndBadOptions()
{
    const auto paper = engine::HyperLaplacianOptions::paper();
    QCOMPARE(paper.lambda, 2000.0);
    QVERIFY(std::abs(paper.alpha - 2.0 / 3.0) < 1e-12);
    engine::HyperLaplacianOptions o;
    o.alpha = 0.0;
    QVERIFY_THROWS_EXCEPTION(
        engine::InvalidArgument, engine::HyperLaplacian(o).run(ramp(20, 20), gaussianKernel(3, 1)));
}

QTEST_GUILESS_MAIN(TestHyperLaplacian)
#include "tst_hyperlaplacian.moc"
