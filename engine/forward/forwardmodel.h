#pragma once

#include "engine/core/image.h"

#include <cstdint>

namespace latentlens::engine {

/// How the image continues beyond its border during convolution.
enum class Boundary {
    Periodic, ///< wraps around (the FFT's own assumption)
    Reflect, ///< mirrored about the edge, scipy's 'reflect': (d c b a | a b c d | d c b a)
};

/// Throws InvalidArgument unless `kernel` is a single plane of finite, non-negative values
/// with a positive sum.
void validateKernel(const Image& kernel);

/// B = I * K, plane by plane, by FFT (FFTW, plans cached). The kernel's origin is its pixel
/// (width/2, height/2); it need not be normalised. Throws InvalidArgument for an invalid
/// kernel, one larger than the image, or an image holding NaN.
Image convolve(const Image& image, const Image& kernel, Boundary boundary = Boundary::Reflect);

/// Adds zero-mean Gaussian noise of the given variance (on the [0, 1] scale), seeded.
void addGaussianNoise(Image& image, double variance, std::uint64_t seed);

/// Poisson-Gaussian noise for fluorescence: each value v becomes
/// Poisson(v * photons) / photons + N(0, readVariance). Negative values count as 0 photons.
void addPoissonGaussianNoise(Image& image, double photons, double readVariance, std::uint64_t seed);

} // namespace latentlens::engine
