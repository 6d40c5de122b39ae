#include "engine/deconv/deconvdomain.h"

#include "engine/core/exception.h"
#include "engine/core/filecheck.h"
#include "engine/forward/forwardmodel.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <utility>
#include <vector>

namespace latentlens::engine::detail {

Image normalisedKernel(const Image& kernel, const Image& image)
{
    validateKernel(kernel);
    double sum = 0.0;
    for (float v : kernel.values())
        sum += v;
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

std::shared_ptr<const Domain> cachedDomain(std::size_t imageWidth, std::size_t imageHeight,
    const Image& kernel, std::size_t padX, std::size_t padY, bool periodic)
{
    struct Entry
    {
        std::size_t w, h, kw, kh, px, py;
        bool periodic;
        std::vector<float> kernel;
        std::shared_ptr<const Domain> domain;
    };
    thread_local std::vector<Entry> cache;
    for (auto it = cache.begin(); it != cache.end(); ++it)
        if (it->w == imageWidth && it->h == imageHeight && it->kw == kernel.width()
            && it->kh == kernel.height() && it->px == padX && it->py == padY
            && it->periodic == periodic
            && std::equal(it->kernel.begin(), it->kernel.end(), kernel.values().begin())) {
            auto domain = it->domain;
            std::rotate(cache.begin(), it, it + 1); // most recent first
            return domain;
        }
    auto domain
        = std::make_shared<const Domain>(imageWidth, imageHeight, kernel, padX, padY, periodic);
    cache.insert(cache.begin(),
        { imageWidth, imageHeight, kernel.width(), kernel.height(), padX, padY, periodic,
            std::vector<float>(kernel.values().begin(), kernel.values().end()), domain });
    if (cache.size() > 4)
        cache.pop_back();
    return domain;
}

namespace {
constexpr std::size_t kScratchSlots = 16;
}

fft::FloatBuffer& floatScratch(std::size_t slot, std::size_t size)
{
    // A fixed array: references handed out stay valid while other slots are used.
    thread_local std::array<fft::FloatBuffer, kScratchSlots> buffers;
    buffers.at(slot).resize(size);
    return buffers[slot];
}

fft::SpectrumBuffer& spectrumScratch(std::size_t slot, std::size_t size)
{
    // A fixed array: references handed out stay valid while other slots are used.
    thread_local std::array<fft::SpectrumBuffer, kScratchSlots> buffers;
    buffers.at(slot).resize(size);
    return buffers[slot];
}

void padTapered(const float* plane, const Domain& d, fft::FloatBuffer& out)
{
    const std::size_t w = d.width(), h = d.height();
    double mean = 0.0;
    for (std::size_t i = 0; i < d.imageWidth * d.imageHeight; ++i)
        mean += plane[i];
    mean /= double(d.imageWidth * d.imageHeight);
    out.resize(w * h);
    // Per axis: the source index (reflected) and the weight of the data at each domain
    // position. The padding is split at its middle (the seam, where the domain wraps);
    // the weight is 1 up to half-way to the seam, then a raised cosine to 0 at the seam.
    auto axis = [](std::size_t size, std::size_t image, std::size_t offset) {
        std::vector<std::size_t> source(size);
        std::vector<float> weight(size);
        const double reach = double(size - image) / 2.0, half = 0.5 * reach;
        for (std::size_t i = 0; i < size; ++i) {
            auto s = std::ptrdiff_t(i) - std::ptrdiff_t(offset);
            if (s >= std::ptrdiff_t(image) + std::ptrdiff_t(reach))
                s -= std::ptrdiff_t(size);
            const std::ptrdiff_t outside = s < 0 ? -s : s - (std::ptrdiff_t(image) - 1);
            double wgt = 1.0;
            if (outside > 0 && double(outside) > half) {
                const double t = std::min(1.0, (double(outside) - half) / std::max(1.0, half));
                wgt = 0.5 * (1.0 + std::cos(std::numbers::pi * t));
            }
            source[i] = std::size_t(reflectIndex(s, std::ptrdiff_t(image)));
            weight[i] = float(wgt);
        }
        return std::make_pair(source, weight);
    };
    const auto [sx, wx] = axis(w, d.imageWidth, d.offsetX);
    const auto [sy, wy] = axis(h, d.imageHeight, d.offsetY);
    const float m = float(mean);
    for (std::size_t y = 0; y < h; ++y) {
        const float* row = plane + sy[y] * d.imageWidth;
        float* target = out.data() + y * w;
        const float weightY = wy[y];
        if (weightY == 1.0f && y >= d.offsetY && y < d.offsetY + d.imageHeight) {
            // An image row: the middle is a straight copy, only the padding is weighted.
            for (std::size_t x = 0; x < d.offsetX; ++x)
                target[x] = m + wx[x] * (row[sx[x]] - m);
            std::copy(row, row + d.imageWidth, target + d.offsetX);
            for (std::size_t x = d.offsetX + d.imageWidth; x < w; ++x)
                target[x] = m + wx[x] * (row[sx[x]] - m);
            continue;
        }
        for (std::size_t x = 0; x < w; ++x)
            target[x] = m + weightY * wx[x] * (row[sx[x]] - m);
    }
}

void crop(const fft::FloatBuffer& in, const Domain& d, float* plane, float scale)
{
    for (std::size_t y = 0; y < d.imageHeight; ++y)
        for (std::size_t x = 0; x < d.imageWidth; ++x)
            plane[y * d.imageWidth + x] = in[(y + d.offsetY) * d.width() + x + d.offsetX] * scale;
}

const fft::FloatBuffer& Domain::laplacianPower() const
{
    std::call_once(mLaplacianOnce, [this] { mLaplacian = detail::laplacianPower(*this); });
    return mLaplacian;
}

fft::FloatBuffer laplacianPower(const Domain& d)
{
    const std::size_t w = d.width(), h = d.height(), cw = w / 2 + 1;
    std::vector<float> cx(cw), cy(h);
    for (std::size_t x = 0; x < cw; ++x)
        cx[x] = float(2.0 - 2.0 * std::cos(2.0 * std::numbers::pi * double(x) / double(w)));
    for (std::size_t y = 0; y < h; ++y)
        cy[y] = float(2.0 - 2.0 * std::cos(2.0 * std::numbers::pi * double(y) / double(h)));
    fft::FloatBuffer out(d.spectrumSize());
    for (std::size_t y = 0; y < h; ++y)
        for (std::size_t x = 0; x < cw; ++x)
            out[y * cw + x] = (cx[x] + cy[y]) * (cx[x] + cy[y]);
    return out;
}

} // namespace latentlens::engine::detail
