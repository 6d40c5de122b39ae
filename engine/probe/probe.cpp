#include "engine/probe/probe.h"

#include "engine/core/exception.h"
#include "engine/fft/fft.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <sstream>

namespace latentlens::engine {

namespace {

constexpr double kHcKeVMetres = 1.23984198e-9; // h c in keV * m

// Spatial frequency of FFT index i on an axis of n samples with spacing dx.
double frequency(std::size_t i, std::size_t n, double dx)
{
    const double k = i < (n + 1) / 2 ? double(i) : double(i) - double(n);
    return k / (double(n) * dx);
}

// The field is stored with its centre at (n/2, n/2); FFTs want it at (0, 0).
void shift(std::vector<std::complex<double>>& field, std::size_t w, std::size_t h, bool toOrigin)
{
    std::vector<std::complex<double>> out(field.size());
    const std::size_t sx = toOrigin ? w - w / 2 : w / 2, sy = toOrigin ? h - h / 2 : h / 2;
    for (std::size_t y = 0; y < h; ++y)
        for (std::size_t x = 0; x < w; ++x)
            out[((y + sy) % h) * w + (x + sx) % w] = field[y * w + x];
    field.swap(out);
}

} // namespace

double photonWavelength(double energyKeV)
{
    return kHcKeVMetres / energyKeV;
}

double ZonePlateOptics::wavelength() const
{
    return photonWavelength(energyKeV);
}

double ZonePlateOptics::na() const
{
    return outerZoneWidth > 0 ? wavelength() / (2.0 * outerZoneWidth) : numericalAperture;
}

double ZonePlateOptics::focalLength() const
{
    return diameter / (2.0 * na());
}

void ZonePlateOptics::validate() const
{
    auto positive = [](double v) { return v > 0 && std::isfinite(v); };
    if (!positive(energyKeV))
        throw InvalidArgument("The photon energy must be a positive number of keV.");
    if (!(outerZoneWidth >= 0) || !std::isfinite(outerZoneWidth))
        throw InvalidArgument("The outermost zone width must be positive (metres).");
    if (!positive(na()) || na() >= 0.5)
        throw InvalidArgument("The numerical aperture must lie between 0 and 0.5.");
    if (!positive(diameter))
        throw InvalidArgument("The lens diameter must be positive (metres).");
    if (!(centralStop >= 0 && centralStop < 1))
        throw InvalidArgument("The central stop must be a fraction of the diameter in [0, 1).");
    if (!positive(pixelSize))
        throw InvalidArgument("The probe pixel size must be positive (metres).");
    if (gridSize < 16 || gridSize > 8192)
        throw InvalidArgument("The probe grid must have between 16 and 8192 pixels a side.");
    const double nyquist = 1.0 / (2.0 * pixelSize);
    if (na() / wavelength() >= nyquist)
        throw InvalidArgument("The pixel size is too coarse for this aperture: the pupil "
                              "reaches spatial frequency "
            + std::to_string(na() / wavelength()) + " /m beyond Nyquist " + std::to_string(nyquist)
            + " /m. Use pixels below " + std::to_string(wavelength() / (2 * na()) * 1e9) + " nm.");
}

double ComplexProbe::energy() const
{
    double e = 0.0;
    for (const auto& mode : modes)
        for (const auto& v : mode)
            e += std::norm(v);
    return e;
}

Image ComplexProbe::intensity() const
{
    if (modes.empty() || width == 0 || height == 0)
        throw InvalidArgument("The probe is empty.");
    Image out(width, height);
    for (const auto& mode : modes)
        for (std::size_t i = 0; i < mode.size(); ++i)
            out.data()[i] += float(std::norm(mode[i]));
    out.setSpacing({ pixelSize, pixelSize, 0.0 });
    return out;
}

ComplexProbe focusedProbe(const ZonePlateOptics& optics)
{
    optics.validate();
    const std::size_t n = optics.gridSize;
    const double qMax = optics.na() / optics.wavelength();
    const double qMin = optics.centralStop * qMax;
    std::vector<std::complex<double>> pupil(n * n);
    for (std::size_t y = 0; y < n; ++y)
        for (std::size_t x = 0; x < n; ++x) {
            const double q
                = std::hypot(frequency(x, n, optics.pixelSize), frequency(y, n, optics.pixelSize));
            pupil[y * n + x] = (q <= qMax && q >= qMin) ? 1.0 : 0.0;
        }
    fft::transform2d(pupil, n, n, false);
    shift(pupil, n, n, false);
    ComplexProbe probe { n, n, optics.pixelSize, optics.wavelength(), { std::move(pupil) } };
    const double scale = 1.0 / std::sqrt(probe.energy());
    for (auto& v : probe.modes[0])
        v *= scale;
    return probe;
}

ComplexProbe propagate(
    const ComplexProbe& probe, double distance, std::vector<std::string>* warnings)
{
    if (probe.modes.empty() || probe.width == 0 || probe.height == 0)
        throw InvalidArgument("Cannot propagate an empty probe.");
    if (!std::isfinite(distance))
        throw InvalidArgument("The propagation distance must be a finite number.");
    if (!(probe.wavelength > 0) || !(probe.pixelSize > 0))
        throw InvalidArgument("The probe needs its wavelength and pixel size to be propagated.");
    const std::size_t w = probe.width, h = probe.height;
    const double lambda = probe.wavelength, dx = probe.pixelSize;
    std::vector<std::complex<double>> transfer(w * h);
    double qSupport = 0.0; // highest frequency carrying energy, to judge wrap-around
    ComplexProbe out = probe;
    for (std::size_t y = 0; y < h; ++y)
        for (std::size_t x = 0; x < w; ++x) {
            const double qx = frequency(x, w, dx), qy = frequency(y, h, dx);
            const double s = 1.0 - lambda * lambda * (qx * qx + qy * qy);
            // Evanescent components (s < 0) cannot occur for X-rays on any sane grid; damp them.
            transfer[y * w + x] = s >= 0
                ? std::polar(1.0, 2.0 * std::numbers::pi * distance / lambda * (std::sqrt(s) - 1.0))
                : std::complex<double>(0.0);
        }
    for (auto& mode : out.modes) {
        if (mode.size() != w * h)
            throw InvalidArgument("A probe mode does not match the probe's size.");
        shift(mode, w, h, true);
        fft::transform2d(mode, w, h, true);
        double total = 0.0, kept = 0.0;
        for (const auto& v : mode)
            total += std::norm(v);
        // Frequency radius holding 99.9% of the spectrum's energy.
        std::vector<std::pair<double, double>> byRadius;
        byRadius.reserve(mode.size());
        for (std::size_t y = 0; y < h; ++y)
            for (std::size_t x = 0; x < w; ++x)
                byRadius.emplace_back(std::hypot(frequency(x, w, dx), frequency(y, h, dx)),
                    std::norm(mode[y * w + x]));
        std::sort(byRadius.begin(), byRadius.end());
        for (const auto& [q, e] : byRadius) {
            kept += e;
            if (kept >= 0.999 * total) {
                qSupport = std::max(qSupport, q);
                break;
            }
        }
        for (std::size_t i = 0; i < mode.size(); ++i)
            mode[i] *= transfer[i];
        fft::transform2d(mode, w, h, false);
        shift(mode, w, h, false);
    }
    // Geometric spread of the defocused beam: radius lambda q |z| (q = NA / lambda at the
    // pupil's edge). When its diameter exceeds the window, the field wraps around.
    const double spread = 2.0 * lambda * qSupport * std::abs(distance);
    const double window = double(std::min(w, h)) * dx;
    if (warnings && spread > window) {
        std::ostringstream text;
        text.precision(3);
        text << "The probe grid aliases at " << distance * 1e6 << " \u00b5m: the beam spreads to "
             << spread * 1e9 << " nm but the window is " << window * 1e9
             << " nm. Use a larger grid or coarser pixels.";
        warnings->push_back(text.str());
    }
    return out;
}

ComplexProbe simulateProbe(
    const ZonePlateOptics& optics, double defocus, std::vector<std::string>* warnings)
{
    return propagate(focusedProbe(optics), defocus, warnings);
}

Image probeKernel(const ComplexProbe& probe, const KernelOptions& options)
{
    return intensityKernel(probe.intensity(), options);
}

Image intensityKernel(const Image& field, const KernelOptions& options)
{
    if (options.size == 0)
        throw InvalidArgument("The kernel size must be at least one pixel.");
    if (field.empty() || field.planeCount() != 1)
        throw InvalidArgument("A kernel is made from one 2-D intensity plane.");
    const double fieldPixel = field.spacing().x;
    if (!(fieldPixel > 0) && options.imagePixelSize > 0)
        throw InvalidArgument("The probe's pixel size is unknown, so it cannot be resampled to "
                              "the image's pixel size. Give the probe's pixel size.");
    const double target = options.imagePixelSize > 0 ? options.imagePixelSize : fieldPixel;
    const double ratio = fieldPixel > 0 ? target / fieldPixel : 1.0; // field px per kernel px
    double cx = double(field.width() / 2), cy = double(field.height() / 2);
    if (options.centre == KernelOptions::Centre::Centroid) {
        double sum = 0.0, sx = 0.0, sy = 0.0;
        for (std::size_t y = 0; y < field.height(); ++y)
            for (std::size_t x = 0; x < field.width(); ++x) {
                const double v = std::max(0.0f, field.at(x, y));
                sum += v;
                sx += v * double(x);
                sy += v * double(y);
            }
        // Rounded to a whole pixel: a fractional shift would interpolate, i.e. blur, the
        // kernel; the remaining offset is under half a pixel.
        if (sum > 0 && std::isfinite(sum)) {
            cx = std::round(sx / sum);
            cy = std::round(sy / sum);
        }
    }
    const double supportRadius = (options.supportFraction > 0 && options.supportFraction < 1)
        ? options.supportFraction * 0.5 * double(std::min(field.width(), field.height()))
        : std::numeric_limits<double>::infinity();
    const std::size_t n = options.size;

    // Area resampling: field pixel x covers [x - 0.5, x + 0.5]; kernel pixel k covers
    // ratio field pixels around c + (k - n/2) ratio. Its value is the overlap-weighted sum,
    // which conserves energy and is the identity when ratio is 1. Separable in x and y.
    struct Weight
    {
        std::size_t index;
        double weight;
    };
    auto overlaps = [&](double centre, std::size_t fieldSize) {
        std::vector<std::vector<Weight>> table(n);
        for (std::size_t k = 0; k < n; ++k) {
            const double mid = centre + (double(k) - double(n / 2)) * ratio;
            const double lo = mid - 0.5 * ratio, hi = mid + 0.5 * ratio;
            const auto first = std::max(0.0, std::floor(lo + 0.5));
            for (double x = first; x <= hi + 0.5 && x < double(fieldSize); x += 1.0) {
                const double w = std::min(hi, x + 0.5) - std::max(lo, x - 0.5);
                if (w > 1e-12)
                    table[k].push_back({ std::size_t(x), w });
            }
        }
        return table;
    };
    const auto wx = overlaps(cx, field.width()), wy = overlaps(cy, field.height());
    auto inSupport = [&](std::size_t x, std::size_t y) {
        return std::hypot(double(x) - cx, double(y) - cy) <= supportRadius;
    };
    Image kernel(n, n);
    for (std::size_t ky = 0; ky < n; ++ky)
        for (std::size_t kx = 0; kx < n; ++kx) {
            double sum = 0.0;
            for (const auto& [y, weightY] : wy[ky])
                for (const auto& [x, weightX] : wx[kx])
                    if (inSupport(x, y))
                        sum += weightY * weightX * double(field.at(x, y));
            kernel.at(kx, ky) = float(sum);
        }
    double total = 0.0;
    for (float v : kernel.values()) {
        if (!std::isfinite(v) || v < 0)
            throw InvalidArgument("The probe gives a kernel with negative or non-finite values.");
        total += v;
    }
    if (!(total > 0))
        throw InvalidArgument("The probe has no intensity inside the kernel window; enlarge the "
                              "kernel or check the pixel sizes.");
    for (float& v : kernel.values())
        v = float(v / total);
    kernel = trimmedKernel(kernel);
    kernel.setSpacing({ target, target, 0.0 });
    return kernel;
}

Image trimmedKernel(const Image& kernel)
{
    const std::ptrdiff_t cx = std::ptrdiff_t(kernel.width() / 2),
                         cy = std::ptrdiff_t(kernel.height() / 2);
    std::ptrdiff_t reach = 0;
    for (std::size_t y = 0; y < kernel.height(); ++y)
        for (std::size_t x = 0; x < kernel.width(); ++x)
            if (kernel.at(x, y) != 0.0f)
                reach = std::max(
                    { reach, std::abs(std::ptrdiff_t(x) - cx), std::abs(std::ptrdiff_t(y) - cy) });
    const std::size_t n = std::size_t(2 * reach + 1);
    // Only a window whose border rows and columns are all zero on both sides shrinks: the
    // centre stays at n / 2, so convolving with the trimmed kernel gives the same result.
    if (n >= kernel.width() || n >= kernel.height() || cx < reach || cy < reach
        || std::ptrdiff_t(kernel.width()) - cx <= reach
        || std::ptrdiff_t(kernel.height()) - cy <= reach)
        return kernel;
    Image out(n, n);
    for (std::size_t y = 0; y < n; ++y)
        for (std::size_t x = 0; x < n; ++x)
            out.at(x, y) = kernel.at(std::size_t(cx - reach) + x, std::size_t(cy - reach) + y);
    out.setSpacing(kernel.spacing());
    return out;
}

double encircledEnergyRadius(const Image& kernel, double fraction)
{
    const double cx = double(kernel.width() / 2), cy = double(kernel.height() / 2);
    std::vector<std::pair<double, double>> byRadius;
    double total = 0.0;
    for (std::size_t y = 0; y < kernel.height(); ++y)
        for (std::size_t x = 0; x < kernel.width(); ++x) {
            byRadius.emplace_back(std::hypot(double(x) - cx, double(y) - cy), kernel.at(x, y));
            total += kernel.at(x, y);
        }
    std::sort(byRadius.begin(), byRadius.end());
    double kept = 0.0;
    for (const auto& [r, e] : byRadius) {
        kept += e;
        if (kept >= fraction * total)
            return r;
    }
    return byRadius.empty() ? 0.0 : byRadius.back().first;
}

} // namespace latentlens::engine
