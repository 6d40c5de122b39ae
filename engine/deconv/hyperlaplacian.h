#pragma once

#include "engine/core/image.h"
#include "engine/deconv/deconvolution.h"

#include <vector>

namespace latentlens::engine {

struct HyperLaplacianOptions
{
    /// Exponent of the gradient prior sum |grad x|^alpha, in (0, 2]. 1/2 and 2/3 are solved
    /// analytically, other values through a lookup table.
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

/// shrinkExact tabulated for one (beta, alpha) over |v| <= range and interpolated
/// linearly; beyond the range it calls shrinkExact.
class ShrinkTable
{
public:
    ShrinkTable(double beta, double alpha, double range = 4.0, std::size_t samples = 20001);
    double operator()(double v) const;

private:
    double mBeta, mAlpha, mRange, mStep;
    std::vector<double> mValues;
};

} // namespace latentlens::engine
