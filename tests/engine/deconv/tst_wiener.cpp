#include "engine/deconv/wiener.h"
#include "engine/forward/forwardmodel.h"
#include "engine/io/tiffio.h"

#include "tests/engine/support/deconvtesting.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace latentlens;
using namespace latentlens::testing;

class TestWiener : public QObject
{
    Q_OBJECT

private slots:
    void deltaKernelReturnsTheImage_data();
    void deltaKernelReturnsTheImage();
    void recoversABandLimitedImage();
    void agreesWithScikitImage();
    void taperKeepsTheBorderFreeOfRinging();
    void widerPaddingRestoresAWideKernelsBorder();
    void badPaddingIsRefused_data();
    void badPaddingIsRefused();
    void automaticLambdaGrowsWithNoise();
    void noiseEstimateMatchesTheTruth();
    void signalDependentNoiseFitFindsGainAndFloor_data();
    void signalDependentNoiseFitFindsGainAndFloor();
    void stackPlanesAreIndependent();
    void badKernelsAreRefused_data();
    void badKernelsAreRefused();
    void cancelStops();
};

void TestWiener::deltaKernelReturnsTheImage_data()
{
    QTest::addColumn<bool>("tapered");
    QTest::addColumn<int>("size");
    QTest::newRow("tapered, 1 px") << true << 1;
    QTest::newRow("tapered, 5 px") << true << 5;
    QTest::newRow("periodic, 4 px") << false << 4;
}

void TestWiener::deltaKernelReturnsTheImage()
{
    QFETCH(bool, tapered);
    QFETCH(int, size);
    engine::Image delta { static_cast<std::size_t>(size), static_cast<std::size_t>(size) };
    delta.at(std::size_t(size / 2), std::size_t(size / 2)) = 1.0f;
    const auto image = ramp(37, 29); // odd sizes, not powers of two
    engine::WienerOptions options;
    options.nsr = 0.0;
    options.taperedBoundary = tapered;
    engine::Wiener wiener(options);
    QVERIFY(maxAbsDifference(wiener.run(image, delta), image) < 1e-5);
}

void TestWiener::recoversABandLimitedImage()
{
    const auto truth = bandLimited(64, 48);
    const auto kernel = gaussianKernel(9, 1.2);
    const auto blurred = engine::convolve(truth, kernel, engine::Boundary::Periodic);
    QVERIFY(maxAbsDifference(blurred, truth) > 0.05); // the blur is real
    engine::WienerOptions options;
    options.nsr = 1e-7;
    options.taperedBoundary = false;
    engine::Wiener wiener(options);
    const double error = maxAbsDifference(wiener.run(blurred, kernel), truth);
    QVERIFY2(error < 2e-3, qPrintable(QString::number(error)));
}

void TestWiener::agreesWithScikitImage()
{
    if (!haveSkimage())
        QSKIP("python3-skimage is not installed (tools/setup.sh installs it)");
    auto image = bandLimited(50, 40);
    engine::addGaussianNoise(image, 1e-3, 4);
    const auto kernel = gaussianKernel(7, 1.5);
    QString log;
    const auto reference
        = scikitImage("restoration.wiener(i, k, 0.05, clip=False)", image, kernel, &log);
    QVERIFY2(!reference.empty(), qPrintable(log));
    // The same definition: periodic image, Laplacian regulariser, balance = lambda.
    engine::WienerOptions options;
    options.nsr = 0.05;
    options.taperedBoundary = false;
    engine::Wiener wiener(options);
    const double error = maxAbsDifference(wiener.run(image, kernel), reference);
    QVERIFY2(error < 1e-4, qPrintable(QString::number(error)));
}

void TestWiener::taperKeepsTheBorderFreeOfRinging()
{
    const auto truth = ramp(96, 80);
    const auto kernel = gaussianKernel(15, 2.0);
    const auto blurred = engine::convolve(truth, kernel, engine::Boundary::Reflect);
    engine::WienerOptions options;
    options.nsr = 1e-3;
    options.taperedBoundary = false;
    const double periodic = borderError(engine::Wiener(options).run(blurred, kernel), truth, 8);
    options.taperedBoundary = true;
    const double tapered = borderError(engine::Wiener(options).run(blurred, kernel), truth, 8);
    QVERIFY2(tapered < 0.01, qPrintable(QString::number(tapered)));
    QVERIFY2(periodic > 5 * tapered, qPrintable(QString("%1 vs %2").arg(periodic).arg(tapered)));
}

void TestWiener::widerPaddingRestoresAWideKernelsBorder()
{
    // A wide kernel with much of its weight near the edge of its window, as a strongly
    // defocused probe's: with the default padding (one kernel width, half of it reflected)
    // the taper lies within the kernel's reach of the image; twice that padding reflects a
    // whole kernel width.
    const auto kernel = gaussianKernel(41, 9.0);
    const auto truth = ramp(128, 112);
    const auto blurred = engine::convolve(truth, kernel, engine::Boundary::Reflect);
    engine::WienerOptions options;
    options.nsr = 1e-3;
    const double standard = borderError(engine::Wiener(options).run(blurred, kernel), truth, 16);
    options.padding = 2.0;
    const double wide = borderError(engine::Wiener(options).run(blurred, kernel), truth, 16);
    QVERIFY2(wide < 0.2 * standard, qPrintable(QString("%1 vs %2").arg(wide).arg(standard)));
}

void TestWiener::badPaddingIsRefused_data()
{
    QTest::addColumn<double>("padding");
    QTest::newRow("zero") << 0.0;
    QTest::newRow("negative") << -1.0;
    QTest::newRow("NaN") << double(std::nan(""));
    QTest::newRow("huge") << 1e9;
}

void TestWiener::badPaddingIsRefused()
{
    QFETCH(double, padding);
    engine::WienerOptions options;
    options.padding = padding;
    QVERIFY_THROWS_EXCEPTION(
        engine::InvalidArgument, engine::Wiener(options).run(ramp(40, 40), gaussianKernel(5, 1.0)));
}

void TestWiener::automaticLambdaGrowsWithNoise()
{
    const auto truth = bandLimited(128, 128);
    const auto kernel = gaussianKernel(15, 2.0);
    double previous = 0.0;
    for (double variance : { 1e-5, 1e-3, 1e-2 }) {
        auto blurred = engine::convolve(truth, kernel);
        engine::addGaussianNoise(blurred, variance, 11);
        engine::Wiener wiener;
        wiener.run(blurred, kernel);
        const double lambda = wiener.report().parameter.at(0);
        QVERIFY2(lambda > previous, qPrintable(QString("%1 after %2").arg(lambda).arg(previous)));
        previous = lambda;
    }
}

void TestWiener::noiseEstimateMatchesTheTruth()
{
    auto image = engine::convolve(bandLimited(256, 256), gaussianKernel(9, 2.0));
    for (double sigma : { 0.01, 0.05, 0.14 }) {
        auto noisy = image;
        engine::addGaussianNoise(noisy, sigma * sigma, 5);
        const double estimate = engine::estimateNoiseSigma(noisy.data(), 256, 256);
        QVERIFY2(std::abs(estimate - sigma) < 0.05 * sigma,
            qPrintable(QString("%1 for %2").arg(estimate).arg(sigma)));
    }
}

void TestWiener::signalDependentNoiseFitFindsGainAndFloor_data()
{
    QTest::addColumn<double>("photons"); // 0: Gaussian noise of variance `read`
    QTest::addColumn<double>("read");
    QTest::newRow("Poisson-Gaussian, the evaluation's") << 1000.0 << 1e-4;
    QTest::newRow("Poisson alone, few photons") << 200.0 << 0.0;
    QTest::newRow("Gaussian") << 0.0 << 0.0025;
}

void TestWiener::signalDependentNoiseFitFindsGainAndFloor()
{
    QFETCH(double, photons);
    QFETCH(double, read);
    // A smooth ramp from 0.1 to 0.9: variance = y / photons + read.
    auto image = ramp(256, 256);
    if (photons > 0)
        engine::addPoissonGaussianNoise(image, photons, read, 3);
    else
        engine::addGaussianNoise(image, read, 3);
    const auto fit = engine::fitSignalDependentNoise(image.data(), 256, 256);
    const double gain = photons > 0 ? 1.0 / photons : 0.0;
    const QString what = QString("gain %1 (truth %2), floor %3 (truth %4)")
                             .arg(fit.gain)
                             .arg(gain)
                             .arg(fit.floor)
                             .arg(read);
    // Within 10% of the variance at every intensity of the ramp.
    for (double y : { 0.1, 0.5, 0.9 })
        QVERIFY2(std::abs(fit.variance(y) - (gain * y + read)) < 0.1 * (gain * y + read),
            qPrintable(what + QString(" at %1").arg(y)));
    if (photons == 0)
        QVERIFY2(fit.gain < 0.05 * read, qPrintable(what));
    // Too small for the groups: the floor is the plain estimate's variance.
    const auto small = engine::fitSignalDependentNoise(image.data(), 15, 15);
    QCOMPARE(small.gain, 0.0);
    const double sigma = engine::estimateNoiseSigma(image.data(), 15, 15);
    QCOMPARE(small.floor, sigma * sigma);
}

void TestWiener::stackPlanesAreIndependent()
{
    engine::Image stack(40, 30, 3);
    const auto a = bandLimited(40, 30), b = ramp(40, 30);
    std::copy(a.values().begin(), a.values().end(), stack.plane(0).begin());
    std::copy(b.values().begin(), b.values().end(), stack.plane(2).begin());
    const auto kernel = gaussianKernel(5, 1.0);
    engine::Wiener wiener;
    const auto all = wiener.run(stack, kernel);
    QCOMPARE(wiener.report().parameter.size(), std::size_t(3));
    const auto second = engine::Wiener().run(b, kernel);
    for (std::size_t i = 0; i < b.size(); ++i)
        QCOMPARE(all.plane(2)[i], second.data()[i]);
}

void TestWiener::badKernelsAreRefused_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("zero sum") << 0 << "sums to zero";
    QTest::newRow("NaN") << 1 << "NaN";
    QTest::newRow("larger than the image") << 2 << "larger than the image";
    QTest::newRow("negative") << 3 << "negative";
    QTest::newRow("empty") << 4 << "empty";
}

void TestWiener::badKernelsAreRefused()
{
    QFETCH(int, kind);
    QFETCH(QString, message);
    engine::Image kernel(3, 3);
    if (kind == 1)
        kernel.at(1, 1) = std::nanf("");
    if (kind == 2)
        kernel = engine::Image(50, 50, 1);
    if (kind == 2)
        kernel.at(25, 25) = 1;
    if (kind == 3) {
        kernel.at(1, 1) = 1;
        kernel.at(0, 0) = -0.5f;
    }
    if (kind == 4)
        kernel = engine::Image();
    const auto image = ramp(40, 40);
    try {
        engine::Wiener().run(image, kernel);
        QFAIL("no error");
    } catch (const engine::InvalidArgument& e) {
        QVERIFY2(QString(e.what()).contains(message), e.what());
    }
}

void TestWiener::cancelStops()
{
    std::atomic<bool> cancel { true };
    engine::Progress progress;
    progress.cancel = &cancel;
    QVERIFY_THROWS_EXCEPTION(
        engine::Cancelled, engine::Wiener().run(ramp(32, 32), gaussianKernel(5, 1.0), progress));
}

QTEST_GUILESS_MAIN(TestWiener)
#include "tst_wiener.moc"
