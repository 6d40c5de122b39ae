#include "engine/core/exception.h"
#include "engine/forward/forwardmodel.h"
#include "engine/probe/probe.h"
#include "engine/probe/sampling.h"

#include <QtTest>

#include <cmath>

using namespace latentlens;

namespace {

double maxDifference(const engine::ComplexProbe& a, const engine::ComplexProbe& b)
{
    double worst = 0.0;
    for (std::size_t m = 0; m < a.modes.size(); ++m)
        for (std::size_t i = 0; i < a.modes[m].size(); ++i)
            worst = std::max(worst, std::abs(a.modes[m][i] - b.modes[m][i]));
    return worst;
}

// Intensity-weighted mean distance from the field centre, in metres.
double meanRadius(const engine::ComplexProbe& p)
{
    const auto img = p.intensity();
    double sum = 0.0, weighted = 0.0;
    for (std::size_t y = 0; y < img.height(); ++y)
        for (std::size_t x = 0; x < img.width(); ++x) {
            const double r = std::hypot(
                double(x) - double(img.width() / 2), double(y) - double(img.height() / 2));
            weighted += r * img.at(x, y);
            sum += img.at(x, y);
        }
    return weighted / sum * p.pixelSize;
}

// FWHM of the annular-pupil focal spot, I(v) = [2J1(v)/v - e^2 2J1(ev)/(ev)]^2,
// v = 2 pi NA r / lambda, found by bisection on the first half-maximum.
double theoreticalFwhm(double na, double lambda, double stop)
{
    auto amplitude = [stop](double v) {
        auto airy = [](double u) { return u < 1e-12 ? 1.0 : 2.0 * std::cyl_bessel_j(1.0, u) / u; };
        return (airy(v) - stop * stop * airy(stop * v)) / (1.0 - stop * stop);
    };
    double lo = 1e-6, hi = 3.0;
    for (int i = 0; i < 100; ++i) {
        const double mid = 0.5 * (lo + hi);
        (amplitude(mid) * amplitude(mid) > 0.5 ? lo : hi) = mid;
    }
    return 2.0 * lo * lambda / (2.0 * M_PI * na);
}

} // namespace

class TestProbe : public QObject
{
    Q_OBJECT

private slots:
    void energyIsConservedThroughPropagation();
    void propagatingThereAndBackReturnsTheProbe();
    void intensityIsSymmetricInDefocus();
    void focalSpotMatchesDiffractionLimit();
    void ringRadiusFollowsNaTimesDefocus();
    void aliasingIsWarned();
    void defaultKernelsGrowAndFit();
    void kernelResamplingScalesWidth();
    void zoneWidthGivesNa();
    void invalidOpticsAreRefused();
    void coarsePixelsTrimTheKernelWithoutChangingTheBlur();
    void samplingIsCheckedAndWordedPlainly();
};

void TestProbe::energyIsConservedThroughPropagation()
{
    engine::ZonePlateOptics optics;
    const auto focus = engine::focusedProbe(optics);
    QVERIFY(std::abs(focus.energy() - 1.0) < 1e-12);
    for (double d : { 0.1e-6, 5e-6, -15e-6 })
        QVERIFY(std::abs(engine::propagate(focus, d).energy() - 1.0) < 1e-10);
}

void TestProbe::propagatingThereAndBackReturnsTheProbe()
{
    engine::ZonePlateOptics optics;
    optics.gridSize = 128;
    const auto start = engine::simulateProbe(optics, 2e-6);
    const auto back = engine::propagate(engine::propagate(start, 7e-6), -7e-6);
    QVERIFY(maxDifference(start, back) < 1e-10);
}

void TestProbe::intensityIsSymmetricInDefocus()
{
    engine::ZonePlateOptics optics;
    const auto plus = engine::simulateProbe(optics, 6e-6).intensity();
    const auto minus = engine::simulateProbe(optics, -6e-6).intensity();
    float peak = 0.0f, worst = 0.0f;
    for (std::size_t i = 0; i < plus.size(); ++i) {
        peak = std::max(peak, plus.data()[i]);
        worst = std::max(worst, std::abs(plus.data()[i] - minus.data()[i]));
    }
    QVERIFY2(worst < 1e-6f * peak, qPrintable(QString::number(worst / peak)));
}

void TestProbe::focalSpotMatchesDiffractionLimit()
{
    engine::ZonePlateOptics optics;
    optics.pixelSize = 1e-9;
    optics.gridSize = 512;
    const auto spot = engine::focusedProbe(optics).intensity();
    const std::size_t c = spot.width() / 2;
    const double peak = spot.at(c, c);
    std::size_t x = c;
    while (spot.at(x + 1, c) > 0.5 * peak)
        ++x;
    // Linear interpolation between the last pixel above half maximum and the next.
    const double a = spot.at(x, c), b = spot.at(x + 1, c);
    const double half = (double(x - c) + (a - 0.5 * peak) / (a - b)) * optics.pixelSize;
    const double expected = theoreticalFwhm(optics.na(), optics.wavelength(), optics.centralStop);
    QVERIFY2(std::abs(2 * half - expected) < 0.1 * expected,
        qPrintable(QString("FWHM %1 nm, diffraction limit %2 nm")
                       .arg(2 * half * 1e9)
                       .arg(expected * 1e9)));
}

void TestProbe::ringRadiusFollowsNaTimesDefocus()
{
    engine::ZonePlateOptics optics;
    optics.pixelSize = 10e-9;
    optics.gridSize = 512;
    // Far from focus the beam is the geometric annulus between stop*NA*d and NA*d, whose
    // intensity-weighted mean radius is 2/3 (1 - e^3) / (1 - e^2) NA d.
    const double e = optics.centralStop;
    const double factor = 2.0 / 3.0 * (1 - e * e * e) / (1 - e * e);
    const auto focus = engine::focusedProbe(optics);
    for (double d : { 100e-6, 200e-6 }) {
        std::vector<std::string> warnings;
        const double r = meanRadius(engine::propagate(focus, d, &warnings));
        const double expected = factor * optics.na() * d;
        QVERIFY(warnings.empty());
        QVERIFY2(std::abs(r - expected) < 0.1 * expected,
            qPrintable(
                QString("d %1 um: %2 nm vs %3 nm").arg(d * 1e6).arg(r * 1e9).arg(expected * 1e9)));
    }
}

void TestProbe::aliasingIsWarned()
{
    engine::ZonePlateOptics optics;
    optics.gridSize = 64; // 320 nm window
    std::vector<std::string> warnings;
    engine::simulateProbe(optics, 3e-6, &warnings);
    QVERIFY(warnings.empty());
    engine::simulateProbe(optics, 50e-6, &warnings); // spreads to 500 nm
    QCOMPARE(warnings.size(), std::size_t(1));
    QVERIFY(QString::fromStdString(warnings[0]).contains("aliases"));
}

void TestProbe::defaultKernelsGrowAndFit()
{
    engine::ZonePlateOptics optics;
    double previous = -1.0;
    for (double d : { 0.1, 3.0, 5.0, 7.0, 10.0, 15.0 }) {
        std::vector<std::string> warnings;
        const auto probe = engine::simulateProbe(optics, d * 1e-6, &warnings);
        QVERIFY(warnings.empty());
        const auto kernel = engine::probeKernel(probe);
        QCOMPARE(kernel.width(), std::size_t(64));
        double sum = 0;
        for (float v : kernel.values()) {
            QVERIFY(v >= 0);
            sum += v;
        }
        QVERIFY(std::abs(sum - 1.0) < 1e-5);
        const double r50 = engine::encircledEnergyRadius(kernel, 0.5);
        QVERIFY2(r50 > previous, qPrintable(QString("d %1: r50 %2").arg(d).arg(r50)));
        previous = r50;
        if (d == 0.1)
            QVERIFY2(r50 <= 2.0, qPrintable(QString::number(r50)));
        if (d == 15.0)
            QVERIFY2(r50 >= 7.0 && r50 <= 13.0, qPrintable(QString::number(r50)));
        // The 64x64 window holds nearly all of the probe's energy.
        const auto whole = probe.intensity();
        double inside = 0, total = 0;
        for (std::size_t y = 0; y < 256; ++y)
            for (std::size_t x = 0; x < 256; ++x) {
                total += whole.at(x, y);
                if (x >= 96 && x < 160 && y >= 96 && y < 160)
                    inside += whole.at(x, y);
            }
        QVERIFY2(inside / total > 0.95, qPrintable(QString("d %1: %2").arg(d).arg(inside / total)));
    }
}

void TestProbe::kernelResamplingScalesWidth()
{
    engine::ZonePlateOptics optics;
    const auto probe = engine::simulateProbe(optics, 10e-6);
    engine::KernelOptions same, coarse;
    coarse.imagePixelSize = 2 * optics.pixelSize;
    const double r1 = engine::encircledEnergyRadius(engine::probeKernel(probe, same), 0.5);
    const double r2 = engine::encircledEnergyRadius(engine::probeKernel(probe, coarse), 0.5);
    QVERIFY2(std::abs(r2 - r1 / 2) <= 1.0, qPrintable(QString("%1 %2").arg(r1).arg(r2)));
}

void TestProbe::zoneWidthGivesNa()
{
    engine::ZonePlateOptics optics;
    optics.outerZoneWidth = 20e-9;
    QVERIFY(std::abs(optics.na() - optics.wavelength() / 40e-9) < 1e-15);
    QVERIFY(std::abs(optics.wavelength() - 1.0332e-10) < 1e-14); // 12 keV
}

void TestProbe::invalidOpticsAreRefused()
{
    engine::ZonePlateOptics optics;
    optics.energyKeV = -1;
    QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument, engine::focusedProbe(optics));
    optics = {};
    optics.centralStop = 1.2;
    QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument, engine::focusedProbe(optics));
    optics = {};
    optics.pixelSize = 20e-9; // pupil beyond Nyquist at NA 0.005
    QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument, engine::focusedProbe(optics));
    QVERIFY_THROWS_EXCEPTION(
        engine::InvalidArgument, engine::propagate(engine::focusedProbe({}), std::nan("")));
}

void TestProbe::coarsePixelsTrimTheKernelWithoutChangingTheBlur()
{
    // An XRF map's 250 nm scan step: the 7 um probe covers a few pixels of the 64 x 64
    // window, and the zeros around them go.
    engine::KernelOptions options;
    options.imagePixelSize = 250e-9;
    const auto probe = engine::simulateProbe(engine::ZonePlateOptics {}, 7e-6);
    const engine::Image kernel = engine::probeKernel(probe, options);
    QVERIFY2(
        kernel.width() >= 3 && kernel.width() <= 7, qPrintable(QString::number(kernel.width())));
    QCOMPARE(kernel.width() % 2, std::size_t(1));
    QCOMPARE(kernel.spacing().x, 250e-9);
    double sum = 0.0;
    for (float v : kernel.values())
        sum += v;
    QVERIFY(std::abs(sum - 1.0) < 1e-5);
    // The same blur as the untrimmed window: trimming only drops zeros around the centre.
    engine::Image window(64, 64);
    const std::size_t offset = 32 - kernel.width() / 2;
    for (std::size_t y = 0; y < kernel.height(); ++y)
        for (std::size_t x = 0; x < kernel.width(); ++x)
            window.at(offset + x, offset + y) = kernel.at(x, y);
    QCOMPARE(engine::trimmedKernel(window).width(), kernel.width());
    engine::Image image(80, 70);
    for (std::size_t i = 0; i < image.size(); ++i)
        image.values()[i] = float((i * 37) % 11);
    const auto a = engine::convolve(image, kernel, engine::Boundary::Reflect);
    const auto b = engine::convolve(image, window, engine::Boundary::Reflect);
    for (std::size_t i = 0; i < a.size(); ++i)
        QVERIFY(std::abs(a.values()[i] - b.values()[i]) < 1e-4f);
    // At the probe's own sampling the window is full: nothing is trimmed.
    QCOMPARE(engine::probeKernel(probe).width(), std::size_t(64));
}

void TestProbe::samplingIsCheckedAndWordedPlainly()
{
    const auto probe = engine::simulateProbe(engine::ZonePlateOptics {}, 7e-6);
    // Own sampling, image without a pixel size: assumed, and said so.
    auto r = engine::checkSampling(engine::probeKernel(probe), 5e-9, 0.0, 512, 512);
    QVERIFY(
        r.pixelSizeAssumed() && !r.belowOnePixel() && !r.largeResampling() && !r.wideForImage());
    QCOMPARE(engine::samplingWarnings(r).size(), std::size_t(1));
    QVERIFY(QString::fromStdString(engine::samplingWarnings(r)[0]).contains("no pixel size"));
    // 130 nm widefield pixels: 26 x the probe's, and the 7 um probe then fits in one pixel.
    engine::KernelOptions coarse;
    coarse.imagePixelSize = 2e-6;
    r = engine::checkSampling(engine::probeKernel(probe, coarse), 5e-9, 2e-6, 512, 512);
    QVERIFY(!r.pixelSizeAssumed() && r.largeResampling() && r.belowOnePixel());
    QCOMPARE(engine::samplingWarnings(r).size(), std::size_t(2));
    // A kernel wide for a small image.
    const engine::Image own = engine::probeKernel(probe);
    const auto side = std::size_t(3.0 * engine::encircledEnergyRadius(own, 0.5));
    r = engine::checkSampling(own, 5e-9, 5e-9, side, 100);
    QVERIFY(r.wideForImage());
    QVERIFY(QString::fromStdString(engine::samplingWarnings(r).back())
                .contains(QString("%1 x 100").arg(side)));
    QVERIFY(!engine::checkSampling(own, 5e-9, 5e-9, 5 * side, 100).wideForImage());
}

QTEST_GUILESS_MAIN(TestProbe)
#include "tst_probe.moc"
