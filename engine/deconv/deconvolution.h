#pragma once

#include "engine/core/progress.h"

#include <cstddef>
#include <vector>

namespace latentlens::engine {

/// What a deconvolution chose and measured, one entry per plane.
struct DeconvolutionReport
{
    std::vector<double> noiseSigma; ///< estimated noise standard deviation of each plane
    /// The main parameter each plane was run with: Wiener's NSR (lambda), RL's iterations
    /// run, HL's lambda.
    std::vector<double> parameter;
    /// Per-iteration fit measure of each plane (RL's I-divergence), when iterative.
    std::vector<std::vector<double>> history;
};

/// Robust noise estimate (standard deviation) of one plane: the median absolute value of
/// the finest diagonal Haar wavelet coefficients divided by 0.6745 (Donoho and Johnstone).
/// Blur removes fine-scale signal, so on a blurred image this sees mostly the noise.
/// Returns 0 for planes smaller than 2 x 2.
double estimateNoiseSigma(const float* plane, std::size_t width, std::size_t height);

} // namespace latentlens::engine
