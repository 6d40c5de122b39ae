#pragma once

// Deterministic test images whose metrics were computed once with scikit-image 0.19
// (structural_similarity with gaussian_weights=True, sigma=1.5,
// use_sample_covariance=False, data_range=1); see tools/reference_metrics.py.

#include "engine/core/image.h"

#include <algorithm>
#include <cmath>

namespace latentlens::testing {

inline engine::Image pattern(std::size_t width = 48, std::size_t height = 40)
{
    engine::Image image(width, height);
    const double pi = 3.14159265358979323846;
    for (std::size_t y = 0; y < height; ++y)
        for (std::size_t x = 0; x < width; ++x)
            image.at(x, y) = static_cast<float>(0.5
                + 0.3 * std::sin(2 * pi * double(x) / 17.0) * std::cos(2 * pi * double(y) / 23.0)
                + 0.1 * std::sin(2 * pi * double(x + y) / 7.0));
    return image;
}

// [1 2 1]/4 in x and y with edge pixels repeated (numpy/scipy mode 'nearest').
inline engine::Image blurred(const engine::Image& in)
{
    const auto w = static_cast<std::ptrdiff_t>(in.width()),
               h = static_cast<std::ptrdiff_t>(in.height());
    auto clampTo = [](std::ptrdiff_t v, std::ptrdiff_t n) {
        return std::clamp<std::ptrdiff_t>(v, 0, n - 1);
    };
    engine::Image tmp(in.width(), in.height()), out(in.width(), in.height());
    for (std::ptrdiff_t y = 0; y < h; ++y)
        for (std::ptrdiff_t x = 0; x < w; ++x)
            tmp.at(x, y) = static_cast<float>(0.25 * in.at(clampTo(x - 1, w), y) + 0.5 * in.at(x, y)
                + 0.25 * in.at(clampTo(x + 1, w), y));
    for (std::ptrdiff_t y = 0; y < h; ++y)
        for (std::ptrdiff_t x = 0; x < w; ++x)
            out.at(x, y) = static_cast<float>(0.25 * tmp.at(x, clampTo(y - 1, h))
                + 0.5 * tmp.at(x, y) + 0.25 * tmp.at(x, clampTo(y + 1, h)));
    return out;
}

} // namespace latentlens::testing
