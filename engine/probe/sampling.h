#pragma once

#include "engine/core/image.h"

#include <cstddef>
#include <string>
#include <vector>

namespace latentlens::engine {

/// How an image's sampling and its kernel's relate: what the CLI and the studio's probe
/// panel warn about, so that no pixel size is assumed silently.
struct SamplingReport
{
    double imagePixel = 0.0; ///< metres; 0: the image file gives none
    double sourcePixel = 0.0; ///< the probe's or PSF's own pixel size in metres; 0: unknown
    double kernelPixel = 0.0; ///< the kernel's pixel size in metres; 0: unknown
    double centreFraction = 0.0; ///< share of the kernel's energy in its brightest pixel
    double halfEnergyRadius = 0.0; ///< kernel pixels around its centre holding half its energy
    std::size_t imageWidth = 0, imageHeight = 0;

    /// The image has no pixel size, so the kernel keeps the probe's sampling.
    bool pixelSizeAssumed() const { return !(imagePixel > 0) && sourcePixel > 0; }
    /// Nearly all the kernel's energy (90% or more) lies in one pixel: there is little blur
    /// left to remove at this sampling, and deblurring mostly amplifies noise.
    bool belowOnePixel() const { return centreFraction >= 0.9; }
    /// Kernel pixels ten or more times larger or smaller than the probe's.
    bool largeResampling() const
    {
        return sourcePixel > 0 && kernelPixel > 0
            && (kernelPixel / sourcePixel >= 10.0 || sourcePixel / kernelPixel >= 10.0);
    }
    /// Half the kernel's energy reaches beyond a quarter of the image's smaller side.
    bool wideForImage() const;
};

/// Checks `kernel` (as it will be used on an image of `imageWidth` x `imageHeight` pixels
/// of `imagePixel` metres) made from a probe or PSF sampled at `sourcePixel` metres.
SamplingReport checkSampling(const Image& kernel, double sourcePixel, double imagePixel,
    std::size_t imageWidth, std::size_t imageHeight);

/// The report's warnings in English sentences (the CLI prints them; the studio words its
/// own, translated, from the same report).
std::vector<std::string> samplingWarnings(const SamplingReport& report);

} // namespace latentlens::engine
