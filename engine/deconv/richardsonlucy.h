#pragma once

#include "engine/core/image.h"
#include "engine/deconv/deconvolution.h"

namespace latentlens::engine {

struct RichardsonLucyOptions
{
    /// Iterations to run. 0: automatic — stop when the residual variance of the blurred
    /// estimate falls to the estimated noise variance (the discrepancy principle), or when
    /// the fit stagnates (the I-divergence falls by less than 0.25% in an iteration), after
    /// at most maxIterations.
    int iterations = 0;
    int maxIterations = 150;
    /// Weight of the total-variation term of Dey et al. (2006). Below 0: automatic from
    /// the noise level; 0: none.
    double tv = -1.0;
    /// Biggs–Andrews vector extrapolation (1997): same result in fewer iterations.
    bool accelerate = true;
    /// Bertero–Boccacci edge handling: the object is estimated on a domain larger than the
    /// image and only observed pixels enter the likelihood, so nothing rings at the border.
    /// false: the image is periodic (scikit-image's RL differs: it pads with zeros).
    bool borderAware = true;
    /// Known background added to the model, K x + b, which keeps the ratio y / (K x + b)
    /// finite where noise drives y to or below zero. Below 0: 3 x the noise level.
    double background = -1.0;
    /// Start value of the estimate. Below 0: the image's mean.
    double initialValue = -1.0;

    bool operator==(const RichardsonLucyOptions&) const = default;
};

/// Richardson–Lucy deconvolution: non-negative, flux-preserving, on FFTW.
class RichardsonLucy
{
public:
    explicit RichardsonLucy(RichardsonLucyOptions options = {}) : mOptions(options) { }

    /// Deconvolves every plane. The callback gets each iteration's I-divergence per observed
    /// pixel. Throws InvalidArgument for a bad kernel or image (see Wiener::run), Cancelled
    /// when asked to stop.
    Image run(const Image& blurred, const Image& kernel, const Progress& progress = {});
    const DeconvolutionReport& report() const noexcept { return mReport; }

private:
    RichardsonLucyOptions mOptions;
    DeconvolutionReport mReport;
};

} // namespace latentlens::engine
