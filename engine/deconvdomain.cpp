#include "engine/deconvdomain.h"

#include "engine/exception.h"
#include "engine/filecheck.h"

#include <cmath>
#include <numbers>

namespace latentlens::engine::detail {

Image normalisedKernel(const Image& kernel, const Image& image)
{
    if (kernel.empty())
        throw InvalidArgument("The kernel is empty.");
    if (kernel.planeCount() != 1)
        throw InvalidArgument("The kernel must be a single 2-D plane; it has "
            + std::to_string(kernel.planeCount()) + " planes.");
    double sum = 0.0;
    for (float v : kernel.values()) {
        if (!std::isfinite(v))
            throw InvalidArgument("The kernel contains NaN or infinite values.");
        if (v < 0)
            throw InvalidArgument("The kernel has negative values; a blur kernel is an "
                                  "intensity and cannot be negative.");
        sum += v;
    }
    if (!(sum > 0))
        throw InvalidArgument("The kernel sums to zero; it cannot blur or be inverted.");
    if (kernel.width() > image.width() || kernel.height() > image.height())
        throw InvalidArgument("The kernel (" + std::to_string(kernel.width()) + "x"
            + std::to_string(kernel.height()) + ") is larger than the image ("
            + std::to_string(image.width()) + "x" + std::to_string(image.height()) + ").");
    if (image.empty())
        throw InvalidArgument("The image is empty.");
    if (!image.allFinite())
        throw InvalidArgument("The image contains NaN or infinite values.");
    Image out = kernel;
    for (float& v : out.values())
        v = float(v / sum);
    return out;
}

Domain::Domain(std::size_t width, std::size_t height, const Image& kernel, std::size_t padX,
    std::size_t padY, bool periodic)
    : imageWidth(width),
      imageHeight(height),
      offsetX(periodic ? 0 : padX),
      offsetY(periodic ? 0 : padY),
      transform(periodic ? width : fft::goodSize(width + 2 * padX),
          periodic ? height : fft::goodSize(height + 2 * padY))
{
    const std::size_t w = transform.width(), h = transform.height();
    fft::FloatBuffer k(w * h, 0.0f);
    const std::size_t kw = kernel.width(), kh = kernel.height();
    for (std::size_t y = 0; y < kh; ++y)
        for (std::size_t x = 0; x < kw; ++x)
            k[((y + h - kh / 2) % h) * w + (x + w - kw / 2) % w] += kernel.at(x, y);
    kernelSpectrum.resize(transform.spectrumSize());
    transform.forward(k.data(), kernelSpectrum.data());
}

void padTapered(const float* plane, const Domain& d, fft::FloatBuffer& out)
{
    const std::size_t w = d.width(), h = d.height();
    const auto iw = std::ptrdiff_t(d.imageWidth), ih = std::ptrdiff_t(d.imageHeight);
    double mean = 0.0;
    for (std::size_t i = 0; i < d.imageWidth * d.imageHeight; ++i)
        mean += plane[i];
    mean /= double(d.imageWidth * d.imageHeight);
    out.resize(w * h);
    // Weight of the reflected data at distance t (pixels) outside the image along one axis:
    // 1 up to half the padding, then a raised cosine down to 0 at the seam, which lies
    // midway through the padding on the domain's other side.
    auto weight = [](std::ptrdiff_t outside, double reach) {
        if (outside <= 0)
            return 1.0;
        const double half = 0.5 * reach;
        if (double(outside) <= half)
            return 1.0;
        const double t = std::min(1.0, (double(outside) - half) / std::max(1.0, half));
        return 0.5 * (1.0 + std::cos(std::numbers::pi * t));
    };
    const double reachX = double(w - d.imageWidth) / 2.0, reachY = double(h - d.imageHeight) / 2.0;
    for (std::size_t y = 0; y < h; ++y) {
        // Signed position relative to the image; the padding is split around the seam.
        auto sy = std::ptrdiff_t(y) - std::ptrdiff_t(d.offsetY);
        if (sy >= ih + std::ptrdiff_t(reachY))
            sy -= std::ptrdiff_t(h);
        const std::ptrdiff_t outY = sy < 0 ? -sy : sy - (ih - 1);
        const double wy = weight(outY, reachY);
        const auto ry = reflectIndex(sy, ih);
        for (std::size_t x = 0; x < w; ++x) {
            auto sx = std::ptrdiff_t(x) - std::ptrdiff_t(d.offsetX);
            if (sx >= iw + std::ptrdiff_t(reachX))
                sx -= std::ptrdiff_t(w);
            const std::ptrdiff_t outX = sx < 0 ? -sx : sx - (iw - 1);
            const double weightXY = wy * weight(outX, reachX);
            const double v = plane[std::size_t(ry * iw + reflectIndex(sx, iw))];
            out[y * w + x] = float(mean + weightXY * (v - mean));
        }
    }
}

void crop(const fft::FloatBuffer& in, const Domain& d, float* plane, float scale)
{
    for (std::size_t y = 0; y < d.imageHeight; ++y)
        for (std::size_t x = 0; x < d.imageWidth; ++x)
            plane[y * d.imageWidth + x] = in[(y + d.offsetY) * d.width() + x + d.offsetX] * scale;
}

fft::FloatBuffer laplacianPower(const Domain& d)
{
    const std::size_t w = d.width(), h = d.height(), cw = w / 2 + 1;
    fft::FloatBuffer out(d.spectrumSize());
    for (std::size_t y = 0; y < h; ++y) {
        const double cy = 2.0 - 2.0 * std::cos(2.0 * std::numbers::pi * double(y) / double(h));
        for (std::size_t x = 0; x < cw; ++x) {
            const double cx = 2.0 - 2.0 * std::cos(2.0 * std::numbers::pi * double(x) / double(w));
            out[y * cw + x] = float((cx + cy) * (cx + cy));
        }
    }
    return out;
}

} // namespace latentlens::engine::detail
