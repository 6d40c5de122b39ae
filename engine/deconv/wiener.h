#pragma once

#include "engine/core/image.h"
#include "engine/deconv/deconvolution.h"

#include <complex>

namespace latentlens::engine {

struct WienerOptions
{
    /// Regularisation weight lambda of X = conj(K) Y / (|K|^2 + lambda |L|^2), L the
    /// Laplacian (scikit-image's `balance`). Below 0: chosen per plane from the plane's
    /// estimated noise level by minimising the unbiased predictive risk (UPRE).
    double nsr = -1.0;
    /// Reflective padding with a smooth taper (true), so that no ringing starts at the
    /// border; false treats the image as periodic, as scikit-image's `wiener` does.
    bool taperedBoundary = true;
    /// With the taper: the padding on each side as a multiple of the kernel's size, in
    /// (0, maxPadding] (the FFT domain grows with it). Its inner half reflects the image,
    /// its outer half tapers to the mean.
    double padding = 1.0;
    static constexpr int maxPadding = 4;

    /// True for a padding Wiener accepts: above 0, at most maxPadding.
    static bool paddingIsValid(double padding) { return padding > 0 && padding <= maxPadding; }

    bool operator==(const WienerOptions&) const = default;
};

/// Wiener–Tikhonov deconvolution with a Laplacian regulariser, on FFTW.
class Wiener
{
public:
    explicit Wiener(WienerOptions options = {}) : mOptions(options) { }

    /// Deconvolves every plane of `blurred` by `kernel` (normalised to sum 1 here).
    /// Throws InvalidArgument for a kernel that is empty, negative, non-finite, sums to zero
    /// or is larger than the image, or an image holding NaN; Cancelled when asked to stop.
    Image run(const Image& blurred, const Image& kernel, const Progress& progress = {});
    const DeconvolutionReport& report() const noexcept { return mReport; }

private:
    WienerOptions mOptions;
    DeconvolutionReport mReport;
};

/// The lambda UPRE picks for a spectrum: minimises sum (1 - A)^2 |Y|^2 / N + 2 sigma^2 A
/// over lambda, A = |K|^2 / (|K|^2 + lambda |L|^2). Exposed for tests.
double chooseWienerLambda(const std::complex<float>* y, const std::complex<float>* k,
    const float* laplacian, std::size_t width, std::size_t height, double sigma);

} // namespace latentlens::engine
