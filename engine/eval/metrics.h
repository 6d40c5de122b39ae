#pragma once

#include "engine/core/image.h"

#include <cstddef>
#include <span>
#include <vector>

namespace latentlens::engine {

/// Peak signal-to-noise ratio in dB, 10 log10(R^2 / MSE), over all values.
/// Returns +infinity for identical images.
/// Throws InvalidArgument if the sizes differ, the images are empty or hold NaN.
double psnr(std::span<const float> test, std::span<const float> reference, double dataRange = 1.0);

/// Structural similarity of two planes exactly as scikit-image's
/// structural_similarity(a, b, data_range=R, gaussian_weights=True, sigma=1.5,
/// use_sample_covariance=False): Gaussian window truncated at 3.5 sigma (11x11), mirror
/// ('reflect') boundaries, K1 = 0.01, K2 = 0.03, mean of the SSIM map less a 5-pixel border.
/// Throws InvalidArgument if the sizes differ, a side is shorter than 11 pixels, or a value
/// is NaN.
double ssim(std::span<const float> test, std::span<const float> reference, std::size_t width,
    std::size_t height, double dataRange = 1.0);

/// PSNR and SSIM of every plane of two images of one shape.
struct PlaneMetrics
{
    double psnr = 0.0;
    double ssim = 0.0;
};
std::vector<PlaneMetrics> compareImages(
    const Image& test, const Image& reference, double dataRange = 1.0);

} // namespace latentlens::engine
