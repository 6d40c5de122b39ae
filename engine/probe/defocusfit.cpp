#include "engine/probe/defocusfit.h"

#include "engine/core/exception.h"
#include "engine/core/goldensection.h"

#include <algorithm>
#include <cmath>

namespace latentlens::engine {

namespace {

// Mean value in rings of width one pixel around the centroid, and each ring's pixel count.
struct RadialProfile
{
    std::vector<double> mean;
    std::vector<double> count;
};

RadialProfile radialProfile(const Image& kernel, std::size_t rings)
{
    double sum = 0.0, sx = 0.0, sy = 0.0;
    for (std::size_t y = 0; y < kernel.height(); ++y)
        for (std::size_t x = 0; x < kernel.width(); ++x) {
            const double v = kernel.at(x, y);
            sum += v;
            sx += v * double(x);
            sy += v * double(y);
        }
    const double cx = sx / sum, cy = sy / sum;
    RadialProfile profile { std::vector<double>(rings, 0.0), std::vector<double>(rings, 0.0) };
    for (std::size_t y = 0; y < kernel.height(); ++y)
        for (std::size_t x = 0; x < kernel.width(); ++x) {
            const auto r = std::size_t(std::lround(std::hypot(double(x) - cx, double(y) - cy)));
            if (r < rings) {
                profile.mean[r] += kernel.at(x, y) / sum;
                profile.count[r] += 1.0;
            }
        }
    for (std::size_t r = 0; r < rings; ++r)
        if (profile.count[r] > 0)
            profile.mean[r] /= profile.count[r];
    return profile;
}

} // namespace

DefocusFit fitDefocus(const Image& kernel, const ZonePlateOptics& optics,
    const KernelOptions& options, double maxDefocus)
{
    if (kernel.empty() || kernel.planeCount() != 1)
        throw InvalidArgument("The kernel to fit must be one 2-D plane.");
    double total = 0.0;
    for (float v : kernel.values()) {
        if (!std::isfinite(v))
            throw InvalidArgument("The kernel to fit holds NaN or infinite values.");
        if (v < 0)
            throw InvalidArgument("The kernel to fit has negative values.");
        total += v;
    }
    if (!(total > 0))
        throw InvalidArgument("The kernel to fit is zero everywhere.");
    if (!(maxDefocus > 0) || !std::isfinite(maxDefocus))
        throw InvalidArgument("The largest defocus to try must be positive.");
    // A kernel without a pixel size is compared in pixels: at the image pixel size the
    // family's kernels are made at (0 there means the probe's own pixels).
    const double pixel = kernel.spacing().x > 0 ? kernel.spacing().x
        : options.imagePixelSize > 0            ? options.imagePixelSize
                                                : optics.pixelSize;
    if (!(pixel > 0))
        throw InvalidArgument("The kernel's pixel size is unknown; give it so that the "
                              "simulated probe can be sampled like the kernel.");

    const std::size_t rings = std::max(kernel.width(), kernel.height()) / 2 + 1;
    const RadialProfile measured = radialProfile(kernel, rings);
    double norm = 0.0;
    for (std::size_t r = 0; r < rings; ++r)
        norm += measured.mean[r] * measured.mean[r] * measured.count[r];

    KernelOptions simulated = options;
    simulated.size = std::max(kernel.width(), kernel.height());
    simulated.imagePixelSize = pixel;
    simulated.centre = KernelOptions::Centre::Centroid;
    const ComplexProbe focus = focusedProbe(optics);
    auto residual = [&](double d) {
        const Image k = probeKernel(propagate(focus, d), simulated);
        const RadialProfile p = radialProfile(k, rings);
        double e = 0.0;
        for (std::size_t r = 0; r < rings; ++r) {
            const double diff = p.mean[r] - measured.mean[r];
            e += diff * diff * measured.count[r];
        }
        return std::sqrt(e / norm);
    };

    DefocusFit fit;
    constexpr int steps = 40;
    const double step = maxDefocus / steps;
    std::size_t best = 0;
    for (int i = 0; i <= steps; ++i) {
        const double d = i * step;
        fit.scan.emplace_back(d, residual(d));
        if (fit.scan.back().second < fit.scan[best].second)
            best = fit.scan.size() - 1;
    }
    // Golden-section search in the bracket around the best step.
    const double a = std::max(0.0, fit.scan[best].first - step);
    const double b = std::min(maxDefocus, fit.scan[best].first + step);
    fit.defocus = detail::goldenSectionMinimum(residual, a, b, 0.01e-6);
    fit.residual = residual(fit.defocus);
    if (fit.scan[best].second < fit.residual) {
        fit.defocus = fit.scan[best].first;
        fit.residual = fit.scan[best].second;
    }
    fit.atLimit = fit.defocus > maxDefocus - step;
    return fit;
}

} // namespace latentlens::engine
