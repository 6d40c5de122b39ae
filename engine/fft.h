#pragma once

// Private to the engine: FFTs over FFTW with plans cached per size (STYLE.md habit 2 keeps
// FFTW itself in fft.cpp). Thread-safe: planning is serialised, execution is not.

#include <complex>
#include <cstddef>
#include <vector>

namespace latentlens::engine::fft {

/// In-place 2-D complex transform of `data` (width x height, x fastest). forward: e^{-i...};
/// inverse: e^{+i...} divided by width*height, so inverse(forward(x)) == x.
void transform2d(
    std::vector<std::complex<double>>& data, std::size_t width, std::size_t height, bool forward);

/// Circular convolution of two real float planes of the same size via r2c/c2r transforms.
/// The kernel's origin is at index (0, 0).
std::vector<float> circularConvolve(const std::vector<float>& image,
    const std::vector<float>& kernel, std::size_t width, std::size_t height);

/// Number of threads FFTW uses for large transforms (the hardware's concurrency).
int threadCount();

} // namespace latentlens::engine::fft
