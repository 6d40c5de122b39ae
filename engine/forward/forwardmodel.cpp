#include "engine/forward/forwardmodel.h"

#include "engine/core/exception.h"
#include "engine/core/filecheck.h"
#include "engine/fft/fft.h"

#include <cmath>
#include <random>
#include <string>

namespace latentlens::engine {

void validateKernel(const Image& kernel)
{
    if (kernel.empty())
        throw InvalidArgument("The kernel is empty.");
    if (kernel.planeCount() != 1)
        throw InvalidArgument("The kernel must be a single 2-D plane (it has "
            + std::to_string(kernel.planeCount()) + " planes).");
    double sum = 0.0;
    for (float v : kernel.values()) {
        if (!std::isfinite(v))
            throw InvalidArgument("The kernel contains NaN or infinite values.");
        if (v < 0)
            throw InvalidArgument("The kernel contains negative values; a blur kernel is an "
                                  "intensity and cannot be negative.");
        sum += v;
    }
    if (!(sum > 0))
        throw InvalidArgument("The kernel sums to zero; it would erase the image.");
}

Image convolve(const Image& image, const Image& kernel, Boundary boundary)
{
    validateKernel(kernel);
    if (image.empty())
        throw InvalidArgument("The image is empty.");
    if (!image.allFinite())
        throw InvalidArgument("The image contains NaN or infinite values.");
    if (kernel.width() > image.width() || kernel.height() > image.height())
        throw InvalidArgument("The kernel (" + std::to_string(kernel.width()) + "x"
            + std::to_string(kernel.height()) + ") is larger than the image ("
            + std::to_string(image.width()) + "x" + std::to_string(image.height()) + ").");
    const std::size_t kw = kernel.width(), kh = kernel.height();
    // Reflective: pad by the kernel's extent on each side so no wrapped value reaches the
    // kept region; periodic: the image as it is.
    const std::size_t padX = boundary == Boundary::Reflect ? kw : 0;
    const std::size_t padY = boundary == Boundary::Reflect ? kh : 0;
    const std::size_t w = image.width() + 2 * padX, h = image.height() + 2 * padY;

    std::vector<float> k(w * h, 0.0f);
    for (std::size_t y = 0; y < kh; ++y)
        for (std::size_t x = 0; x < kw; ++x) {
            const std::size_t tx = (x + w - kw / 2) % w, ty = (y + h - kh / 2) % h;
            k[ty * w + tx] += kernel.at(x, y);
        }

    Image out = image;
    std::vector<float> padded(w * h);
    const auto iw = std::ptrdiff_t(image.width()), ih = std::ptrdiff_t(image.height());
    for (std::size_t p = 0; p < image.planeCount(); ++p) {
        auto plane = image.plane(p);
        for (std::size_t y = 0; y < h; ++y)
            for (std::size_t x = 0; x < w; ++x) {
                const auto sx = reflectIndex(std::ptrdiff_t(x) - std::ptrdiff_t(padX), iw);
                const auto sy = reflectIndex(std::ptrdiff_t(y) - std::ptrdiff_t(padY), ih);
                padded[y * w + x] = plane[std::size_t(sy * iw + sx)];
            }
        const auto result = fft::circularConvolve(padded, k, w, h);
        auto target = out.plane(p);
        for (std::size_t y = 0; y < image.height(); ++y)
            for (std::size_t x = 0; x < image.width(); ++x)
                target[y * image.width() + x] = result[(y + padY) * w + x + padX];
    }
    return out;
}

void addGaussianNoise(Image& image, double variance, std::uint64_t seed)
{
    if (!(variance >= 0) || !std::isfinite(variance))
        throw InvalidArgument("The noise variance must be zero or positive.");
    if (variance == 0)
        return;
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal(0.0, std::sqrt(variance));
    for (float& v : image.values())
        v = float(v + normal(rng));
}

void addPoissonGaussianNoise(Image& image, double photons, double readVariance, std::uint64_t seed)
{
    if (!(photons > 0) || !std::isfinite(photons))
        throw InvalidArgument("The photon count per unit intensity must be positive.");
    if (!(readVariance >= 0) || !std::isfinite(readVariance))
        throw InvalidArgument("The read-noise variance must be zero or positive.");
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal(0.0, std::sqrt(readVariance));
    for (float& v : image.values()) {
        const double mean = std::max(0.0, double(v)) * photons;
        const double count
            = mean > 0 ? double(std::poisson_distribution<long long>(mean)(rng)) : 0.0;
        v = float(count / photons + (readVariance > 0 ? normal(rng) : 0.0));
    }
}

} // namespace latentlens::engine
