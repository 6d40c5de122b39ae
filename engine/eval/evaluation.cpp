#include "engine/eval/evaluation.h"

#include "engine/forward/forwardmodel.h"

#include <algorithm>

namespace latentlens::engine {

Image evaluationTruth(const Image& image, std::size_t size)
{
    const std::size_t w = std::min(image.width(), size), h = std::min(image.height(), size);
    const std::size_t x0 = (image.width() - w) / 2, y0 = (image.height() - h) / 2;
    Image out(w, h);
    float top = 0.0f;
    for (std::size_t y = 0; y < h; ++y)
        for (std::size_t x = 0; x < w; ++x) {
            out.at(x, y) = std::max(image.at(x + x0, y + y0, 0), 0.0f);
            top = std::max(top, out.at(x, y));
        }
    // 16-bit fluorescence fills a few percent of its type's range: scaled by 65535 it would
    // be drowned by the protocol's noise. Every truth spans [0, 1] instead.
    if (top > 0.0f)
        for (float& v : out.values())
            v = std::min(v / top, 1.0f);
    return out;
}

Image evaluationInput(const Image& truth, const Image& kernel, double noiseVariance,
    std::uint64_t seed, double photons)
{
    Image blurred = convolve(truth, kernel, Boundary::Reflect);
    if (photons > 0)
        addPoissonGaussianNoise(blurred, photons, noiseVariance, seed);
    else
        addGaussianNoise(blurred, noiseVariance, seed);
    return blurred;
}

} // namespace latentlens::engine
