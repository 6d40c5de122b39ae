#include "engine/deconv/deconvolution.h"

#include <algorithm>
#include <cmath>

namespace latentlens::engine {

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
    auto middle = detail.begin() + std::ptrdiff_t(detail.size() / 2);
    std::nth_element(detail.begin(), middle, detail.end());
    return double(*middle) / 0.6744897501960817;
}

} // namespace latentlens::engine
