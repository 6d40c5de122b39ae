#pragma once

#include "engine/core/image.h"
#include "engine/deconv/deconvolution.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace latentlens::engine {

struct HyperLaplacianOptions
{
    /// Exponent of the gradient prior sum |grad x|^alpha, in (0, 2]. The w-step reads a
    /// table per beta, made from the closed forms for 1/2 and 2/3, else by bisection.
    double alpha = 2.0 / 3.0;
    /// Weight of the data term lambda/2 ||k * x - y||^2. Below 0: automatic from the noise
    /// level (lambda = 2 / sigma^1.5, tuned on fluorescence and natural images).
    double lambda = -1.0;
    /// Half-quadratic splitting continuation: beta from betaStart, times betaRate, while
    /// below betaMax, `innerIterations` each (Krishnan and Fergus: 1, 2 sqrt 2, 256, 1).
    double betaStart = 1.0;
    double betaRate = 2.8284271247461903;
    double betaMax = 256.0;
    int innerIterations = 1;
    /// Reflective padding with a smooth taper, as Wiener's; false: periodic.
    bool taperedBoundary = true;
    /// Solve the w-step per pixel (closed forms, else bisection) instead of through a
    /// ShrinkTable per beta; several times slower, for checking the tables.
    bool exactShrinkage = false;

    /// The setting of Krishnan and Fergus (2009): alpha = 2/3, lambda = 2000.
    bool operator==(const HyperLaplacianOptions&) const = default;

    static HyperLaplacianOptions paper()
    {
        HyperLaplacianOptions o;
        o.alpha = 2.0 / 3.0;
        o.lambda = 2000.0;
        return o;
    }
};

/// Fast deconvolution with a hyper-Laplacian gradient prior (Krishnan and Fergus, NIPS
/// 2009), by half-quadratic splitting on FFTW.
class HyperLaplacian
{
public:
    explicit HyperLaplacian(HyperLaplacianOptions options = {}) : mOptions(options) { }

    /// Deconvolves every plane. Throws InvalidArgument for a bad kernel, image or alpha
    /// (see Wiener::run), Cancelled when asked to stop.
    Image run(const Image& blurred, const Image& kernel, const Progress& progress = {});
    const DeconvolutionReport& report() const noexcept { return mReport; }

private:
    HyperLaplacianOptions mOptions;
    DeconvolutionReport mReport;
};

/// argmin_w |w|^alpha + beta/2 (w - v)^2, the per-pixel step of the splitting.
/// Exact for any alpha in (0, 1): the interior minimum is found by bisection where the
/// cost is convex, then compared with w = 0. Slow; the reference for the others.
double shrinkExact(double v, double beta, double alpha);
/// The same in closed form for alpha = 1/2 (a depressed cubic in sqrt(w)).
double shrinkHalf(double v, double beta);
/// The same in closed form for alpha = 2/3 (a depressed quartic in w^(1/3), Ferrari).
double shrinkTwoThirds(double v, double beta);

/// The shrinkage for one (beta, alpha), tabulated as Krishnan and Fergus do: exactly 0
/// below the threshold where the minimiser jumps away from 0, and `samples` points from the
/// threshold to `range` interpolated linearly above it, so the jump itself is exact. Beyond
/// the range it calls the solver (shrinkHalf, shrinkTwoThirds, else shrinkExact).
class ShrinkTable
{
public:
    ShrinkTable(double beta, double alpha, double range = 4.0, std::size_t samples = 20001);
    double operator()(double v) const { return std::abs(v) < mRange ? lookup(float(v)) : solve(v); }
    /// The tabulated value; the w-step's inner loop calls this.
    float lookup(float v) const
    {
        const float a = std::abs(v);
        if (a < mThreshold)
            return 0.0f;
        if (!(a < mRange)) // also NaN
            return float(solve(double(v)));
        const float f = (a - mThreshold) * mInverseStep;
        const std::size_t i = std::min(std::size_t(f), mLast);
        const float t = f - float(i);
        return std::copysign(mValues[i] + t * (mValues[i + 1] - mValues[i]), v);
    }
    /// The smallest |v| whose minimiser is not 0.
    double threshold() const noexcept { return mThreshold; }

private:
    double solve(double v) const;

    double mBeta, mAlpha;
    float mThreshold, mRange, mInverseStep;
    std::size_t mLast;
    std::vector<float> mValues;
};

} // namespace latentlens::engine
