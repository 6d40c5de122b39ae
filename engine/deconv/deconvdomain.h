#pragma once

// Private to the engine: the padded FFT domain the deconvolution methods share.

#include "engine/core/image.h"
#include "engine/fft/fft.h"

#include <cstddef>
#include <memory>
#include <mutex>

namespace latentlens::engine::detail {

/// Throws InvalidArgument unless `kernel` is one plane of finite, non-negative values with
/// a positive sum, no larger than `image`; returns it normalised to sum 1.
Image normalisedKernel(const Image& kernel, const Image& image);

/// A plane of width x height placed at (offsetX, offsetY) in a larger domain whose size has
/// only small prime factors, with the kernel's spectrum on that domain (the kernel's pixel
/// (kw/2, kh/2) at the origin, as in forwardmodel's convolve).
struct Domain
{
    /// `periodic`: the domain is exactly the image (no padding, any size), so the image is
    /// treated as one period, as a plain FFT method does.
    Domain(std::size_t imageWidth, std::size_t imageHeight, const Image& kernel, std::size_t padX,
        std::size_t padY, bool periodic = false);

    std::size_t imageWidth, imageHeight;
    std::size_t offsetX, offsetY;
    fft::RealTransform transform;
    fft::SpectrumBuffer kernelSpectrum;

private:
    mutable fft::FloatBuffer mLaplacian;
    mutable std::once_flag mLaplacianOnce;

public:
    /// |F|^2 of the 3 x 3 Laplacian at each spectrum bin, computed on first use.
    const fft::FloatBuffer& laplacianPower() const;

    std::size_t width() const { return transform.width(); }
    std::size_t height() const { return transform.height(); }
    std::size_t size() const { return width() * height(); }
    std::size_t spectrumSize() const { return transform.spectrumSize(); }
};

/// The domain for these arguments, reused from the calling thread's last few domains when
/// the sizes and the kernel's values are the same (a slider that re-runs a method on one
/// image does not redo the kernel's FFT).
std::shared_ptr<const Domain> cachedDomain(std::size_t imageWidth, std::size_t imageHeight,
    const Image& kernel, std::size_t padX, std::size_t padY, bool periodic = false);

/// Work buffers kept per thread and slot, so that repeated runs reuse memory instead of
/// faulting in fresh pages (which cost more than the FFTs on large images). The contents
/// are whatever the last user left: initialise what you read.
fft::FloatBuffer& floatScratch(std::size_t slot, std::size_t size);
fft::SpectrumBuffer& spectrumScratch(std::size_t slot, std::size_t size);

/// Copies `plane` into the domain, reflected (scipy's 'reflect') into the padding, and
/// blends the padding towards the plane's mean with a raised cosine so that the domain's
/// periodic continuation is smooth at its seams: the FFT sees no jump at the border, so
/// no ringing starts there.
void padTapered(const float* plane, const Domain& domain, fft::FloatBuffer& out);

/// Copies the image region of `in` to `plane`, multiplied by `scale`.
void crop(const fft::FloatBuffer& in, const Domain& domain, float* plane, float scale = 1.0f);

/// |F|^2 of the 3 x 3 Laplacian [0 -1 0; -1 4 -1; 0 -1 0] at each spectrum bin.
fft::FloatBuffer laplacianPower(const Domain& domain);

} // namespace latentlens::engine::detail
