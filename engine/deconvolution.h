#pragma once

#include "engine/exception.h"

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace latentlens::engine {

/// The work was stopped through Progress::cancel. Nothing was returned; no file was touched.
class Cancelled : public Exception
{
public:
    Cancelled() : Exception("The computation was cancelled.") { }
};

/// One step of an iterative method, reported through Progress::onIteration.
struct IterationInfo
{
    std::size_t plane = 0; ///< plane being processed, from 0
    std::size_t planes = 1;
    int iteration = 0; ///< from 1
    int iterations = 0; ///< planned (an automatic stop may end earlier)
    /// Method-specific: Richardson–Lucy's I-divergence per observed pixel; the
    /// hyper-Laplacian's current beta.
    double value = 0.0;
};

/// How a long computation reports and is stopped. Both members may be empty. The engine
/// polls `cancel` once per iteration (or plane) and throws Cancelled when it is set.
struct Progress
{
    std::function<void(const IterationInfo&)> onIteration;
    const std::atomic<bool>* cancel = nullptr;

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
    void throwIfCancelled() const
    {
        if (cancelled())
            throw Cancelled();
    }
};

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
