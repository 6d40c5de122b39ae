#pragma once

#include "engine/core/progress.h"

#include <algorithm>
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

/// Signal-dependent noise of a plane: variance = gain * max(y, 0) + floor at intensity y,
/// the Poisson-Gaussian model of a photon-counting detector (gain = 1 / photons per unit
/// intensity, floor = read-noise variance); gain 0 for Gaussian noise.
struct SignalDependentNoise
{
    double gain = 0.0;
    double floor = 0.0;
    double variance(double y) const { return gain * std::max(y, 0.0) + floor; }
};

/// Fits SignalDependentNoise to one plane (after Foi et al. 2008): 2 x 2 blocks give a
/// local mean and a diagonal Haar coefficient whose variance is the noise variance there;
/// the blocks are grouped by mean into 16 groups of equal count, each group's variance is
/// estimated robustly (median absolute value / 0.6745, squared) and a line is fitted by
/// least squares, with gain and floor kept non-negative. Planes under 16 x 16 pixels, too
/// few for the groups, get gain 0 and estimateNoiseSigma's variance as the floor.
SignalDependentNoise fitSignalDependentNoise(
    const float* plane, std::size_t width, std::size_t height);

} // namespace latentlens::engine
