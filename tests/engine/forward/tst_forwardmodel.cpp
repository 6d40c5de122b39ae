#include "engine/core/exception.h"
#include "engine/forward/forwardmodel.h"

#include <QtTest>

#include <cmath>
#include <limits>
#include <random>

using namespace latentlens;

namespace {

engine::Image randomImage(std::size_t w, std::size_t h, unsigned seed, std::size_t planes = 1)
{
    engine::Image img(w, h, planes);
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> u(0.0f, 1.0f);
    for (float& v : img.values())
        v = u(rng);
    return img;
}

std::ptrdiff_t wrap(std::ptrdiff_t i, std::ptrdiff_t n, engine::Boundary b)
{
    if (b == engine::Boundary::Periodic)
        return ((i % n) + n) % n;
    const std::ptrdiff_t period = 2 * n;
    i = ((i % period) + period) % period;
    return i < n ? i : period - 1 - i;
}

// Textbook convolution, B(x) = sum_k K(k) I(x - (k - c)).
engine::Image direct(const engine::Image& img, const engine::Image& k, engine::Boundary b)
{
    engine::Image out(img.width(), img.height());
    const auto w = std::ptrdiff_t(img.width()), h = std::ptrdiff_t(img.height());
    const auto cx = std::ptrdiff_t(k.width() / 2), cy = std::ptrdiff_t(k.height() / 2);
    for (std::ptrdiff_t y = 0; y < h; ++y)
        for (std::ptrdiff_t x = 0; x < w; ++x) {
            double s = 0;
            for (std::ptrdiff_t ky = 0; ky < std::ptrdiff_t(k.height()); ++ky)
                for (std::ptrdiff_t kx = 0; kx < std::ptrdiff_t(k.width()); ++kx)
                    s += k.at(kx, ky)
                        * img.at(wrap(x - (kx - cx), w, b), wrap(y - (ky - cy), h, b));
            out.at(x, y) = float(s);
        }
    return out;
}

// Sample mean and unbiased variance of all values.
std::pair<double, double> meanAndVariance(const engine::Image& img)
{
    double mean = 0, var = 0;
    for (float v : img.values())
        mean += v;
    mean /= double(img.size());
    for (float v : img.values())
        var += (v - mean) * (v - mean);
    return { mean, var / double(img.size() - 1) };
}

} // namespace

class TestForwardModel : public QObject
{
    Q_OBJECT

private slots:
    void deltaKernelReturnsImage_data();
    void deltaKernelReturnsImage();
    void fftEqualsDirect_data();
    void fftEqualsDirect();
    void offCentreDeltaShifts();
    void periodicConvolutionConservesFlux();
    void gaussianNoiseHasRequestedVariance();
    void poissonNoiseHasShotVariance();
    void badKernelsAreRefused();
};

void TestForwardModel::deltaKernelReturnsImage_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("boundary");
    for (int size : { 1, 4, 5, 64 })
        for (int b : { 0, 1 })
            QTest::addRow("%d %s", size, b ? "reflect" : "periodic") << size << b;
}

void TestForwardModel::deltaKernelReturnsImage()
{
    QFETCH(int, size);
    QFETCH(int, boundary);
    const auto img = randomImage(97, 70, 1, 2);
    engine::Image delta(size, size);
    delta.at(size / 2, size / 2) = 1.0f;
    const auto out = engine::convolve(img, delta, engine::Boundary(boundary));
    for (std::size_t i = 0; i < img.size(); ++i)
        QVERIFY(std::abs(out.data()[i] - img.data()[i]) < 1e-5f);
}

void TestForwardModel::fftEqualsDirect_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("kernelWidth");
    QTest::addColumn<int>("kernelHeight");
    QTest::addColumn<int>("boundary");
    QTest::newRow("periodic 3x3") << 16 << 12 << 3 << 3 << 0;
    QTest::newRow("periodic even 4x6") << 21 << 17 << 4 << 6 << 0;
    QTest::newRow("reflect 5x5") << 20 << 15 << 5 << 5 << 1;
    QTest::newRow("reflect even 8x2") << 19 << 23 << 8 << 2 << 1;
    QTest::newRow("reflect kernel = image") << 9 << 9 << 9 << 9 << 1;
}

void TestForwardModel::fftEqualsDirect()
{
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(int, kernelWidth);
    QFETCH(int, kernelHeight);
    QFETCH(int, boundary);
    const auto img = randomImage(width, height, 7);
    const auto kernel = randomImage(kernelWidth, kernelHeight, 11);
    const auto fast = engine::convolve(img, kernel, engine::Boundary(boundary));
    const auto slow = direct(img, kernel, engine::Boundary(boundary));
    for (std::size_t i = 0; i < img.size(); ++i)
        QVERIFY2(std::abs(fast.data()[i] - slow.data()[i]) < 1e-4f,
            qPrintable(QString("%1: %2 vs %3").arg(i).arg(fast.data()[i]).arg(slow.data()[i])));
}

void TestForwardModel::offCentreDeltaShifts()
{
    const auto img = randomImage(32, 32, 3);
    engine::Image k(5, 5);
    k.at(3, 2) = 1.0f; // one pixel right of the centre
    const auto out = engine::convolve(img, k, engine::Boundary::Periodic);
    for (std::size_t y = 0; y < 32; ++y)
        for (std::size_t x = 0; x < 32; ++x)
            QVERIFY(std::abs(out.at(x, y) - img.at((x + 31) % 32, y)) < 1e-5f);
}

void TestForwardModel::periodicConvolutionConservesFlux()
{
    const auto img = randomImage(50, 40, 5);
    auto k = randomImage(9, 9, 6);
    double ksum = 0;
    for (float v : k.values())
        ksum += v;
    for (float& v : k.values())
        v = float(v / ksum);
    const auto out = engine::convolve(img, k, engine::Boundary::Periodic);
    double a = 0, b = 0;
    for (std::size_t i = 0; i < img.size(); ++i) {
        a += img.data()[i];
        b += out.data()[i];
    }
    QVERIFY(std::abs(a - b) < 1e-6 * a * 100);
}

void TestForwardModel::gaussianNoiseHasRequestedVariance()
{
    engine::Image a(512, 512), b(512, 512), c(512, 512);
    engine::addGaussianNoise(a, 0.02, 42);
    engine::addGaussianNoise(b, 0.02, 42);
    engine::addGaussianNoise(c, 0.02, 43);
    const auto [mean, var] = meanAndVariance(a);
    // Standard error of the variance estimate: 0.02 * sqrt(2 / n) = 5.5e-5.
    QVERIFY2(std::abs(var - 0.02) < 4 * 0.02 * std::sqrt(2.0 / double(a.size())),
        qPrintable(QString::number(var)));
    QVERIFY(std::abs(mean) < 4 * std::sqrt(0.02 / double(a.size())));
    QVERIFY(std::equal(a.values().begin(), a.values().end(), b.values().begin())); // seeded
    QVERIFY(!std::equal(a.values().begin(), a.values().end(), c.values().begin()));
}

void TestForwardModel::poissonNoiseHasShotVariance()
{
    engine::Image img(400, 400);
    for (float& v : img.values())
        v = 0.5f;
    const double photons = 200.0;
    engine::addPoissonGaussianNoise(img, photons, 0.0, 9);
    const auto [mean, var] = meanAndVariance(img);
    QVERIFY(std::abs(mean - 0.5) < 0.002);
    const double expected = 0.5 / photons; // Poisson: variance = mean count / photons^2
    QVERIFY2(std::abs(var - expected) < 0.03 * expected, qPrintable(QString::number(var)));
}

void TestForwardModel::badKernelsAreRefused()
{
    const auto img = randomImage(16, 16, 1);
    engine::Image zero(3, 3), nan(3, 3), negative(3, 3), big(17, 3), stack(3, 3, 2);
    nan.at(1, 1) = std::numeric_limits<float>::quiet_NaN();
    negative.at(1, 1) = 1.0f;
    negative.at(0, 0) = -0.5f;
    big.at(1, 1) = 1.0f;
    stack.at(1, 1) = 1.0f;
    for (const auto* k : { &zero, &nan, &negative, &big, &stack })
        QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument, engine::convolve(img, *k));
    QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument, engine::validateKernel(engine::Image()));
}

QTEST_GUILESS_MAIN(TestForwardModel)
#include "tst_forwardmodel.moc"
