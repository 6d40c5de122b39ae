#include "engine/deconv/deconvolution.h"

#include <algorithm>
#include <cmath>

namespace latentlens::engine {

namespace {

/// The noise standard deviation of absolute diagonal Haar coefficients: their median over
/// 0.6745 (Donoho and Johnstone). Reorders `detail`, which must not be empty.
double robustSigma(std::vector<float>& detail)
{
    auto middle = detail.begin() + std::ptrdiff_t(detail.size() / 2);
    std::nth_element(detail.begin(), middle, detail.end());
    return double(*middle) / 0.6744897501960817;
}

} // namespace

double estimateNoiseSigma(const float* plane, std::size_t width, std::size_t height)
{
    if (width < 2 || height < 2)
        return 0.0;
    // Beyond about a million pixels every other row of blocks is plenty for a median and
    // halves the cost.
    const std::size_t rowStep = width * height > (1u << 20) ? 4 : 2;
    std::vector<float> detail;
    detail.reserve((width / 2) * (height / rowStep + 1));
    for (std::size_t y = 0; y + 1 < height; y += rowStep)
        for (std::size_t x = 0; x + 1 < width; x += 2) {
            const float* a = plane + y * width + x;
            const float* b = a + width;
            detail.push_back(0.5f * std::abs(a[0] - a[1] - b[0] + b[1]));
        }
    return robustSigma(detail);
}

SignalDependentNoise fitSignalDependentNoise(
    const float* plane, std::size_t width, std::size_t height)
{
    constexpr std::size_t groups = 16;
    SignalDependentNoise out;
    if (width < 16 || height < 16) {
        const double sigma = estimateNoiseSigma(plane, width, height);
        out.floor = sigma * sigma;
        return out;
    }
    struct Block
    {
        float mean, detail;
    };
    std::vector<Block> blocks;
    blocks.reserve((width / 2) * (height / 2));
    for (std::size_t y = 0; y + 1 < height; y += 2)
        for (std::size_t x = 0; x + 1 < width; x += 2) {
            const float* a = plane + y * width + x;
            const float* b = a + width;
            blocks.push_back({ 0.25f * (a[0] + a[1] + b[0] + b[1]),
                0.5f * std::abs(a[0] - a[1] - b[0] + b[1]) });
        }
    std::sort(blocks.begin(), blocks.end(),
        [](const Block& l, const Block& r) { return l.mean < r.mean; });
    // Each group's mean intensity and robust noise variance.
    std::vector<double> level, variance;
    std::vector<float> detail;
    for (std::size_t g = 0; g < groups; ++g) {
        const std::size_t begin = blocks.size() * g / groups,
                          end = blocks.size() * (g + 1) / groups;
        double sum = 0.0;
        detail.clear();
        for (std::size_t i = begin; i < end; ++i) {
            sum += blocks[i].mean;
            detail.push_back(blocks[i].detail);
        }
        const double sigma = robustSigma(detail);
        level.push_back(std::max(sum / double(end - begin), 0.0));
        variance.push_back(sigma * sigma);
    }
    double mx = 0.0, mv = 0.0;
    for (std::size_t g = 0; g < groups; ++g) {
        mx += level[g] / groups;
        mv += variance[g] / groups;
    }
    double sxx = 0.0, sxv = 0.0;
    for (std::size_t g = 0; g < groups; ++g) {
        sxx += (level[g] - mx) * (level[g] - mx);
        sxv += (level[g] - mx) * (variance[g] - mv);
    }
    out.gain = sxx > 0 ? sxv / sxx : 0.0;
    out.floor = mv - out.gain * mx;
    if (out.gain < 0) { // no growth with the signal: Gaussian noise
        out.gain = 0.0;
        out.floor = mv;
    } else if (out.floor < 0) { // the line through the origin that fits best
        double sx2 = 0.0, sv = 0.0;
        for (std::size_t g = 0; g < groups; ++g) {
            sx2 += level[g] * level[g];
            sv += level[g] * variance[g];
        }
        out.floor = 0.0;
        out.gain = sx2 > 0 ? sv / sx2 : 0.0;
    }
    return out;
}

} // namespace latentlens::engine
