#include "engine/probe/sampling.h"

#include "engine/probe/probe.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace latentlens::engine {

namespace {

std::string nm(double metres)
{
    std::ostringstream out;
    out.precision(4);
    out << metres * 1e9 << " nm";
    return out.str();
}

} // namespace

bool SamplingReport::wideForImage() const
{
    const std::size_t side = std::min(imageWidth, imageHeight);
    return side > 0 && halfEnergyRadius > 0.25 * double(side);
}

SamplingReport checkSampling(const Image& kernel, double sourcePixel, double imagePixel,
    std::size_t imageWidth, std::size_t imageHeight)
{
    SamplingReport r;
    r.imagePixel = imagePixel;
    r.sourcePixel = sourcePixel;
    r.kernelPixel = kernel.spacing().x;
    r.imageWidth = imageWidth;
    r.imageHeight = imageHeight;
    double total = 0.0, peak = 0.0;
    for (float v : kernel.values()) {
        total += v;
        peak = std::max(peak, double(v));
    }
    r.centreFraction = total > 0 ? peak / total : 0.0;
    r.halfEnergyRadius = kernel.empty() ? 0.0 : encircledEnergyRadius(kernel, 0.5);
    return r;
}

std::vector<std::string> samplingWarnings(const SamplingReport& r)
{
    std::vector<std::string> out;
    if (r.pixelSizeAssumed())
        out.push_back("the image has no pixel size, so the kernel keeps the probe's sampling ("
            + nm(r.sourcePixel) + " per pixel); give the image's pixel size if it differs");
    if (r.largeResampling())
        out.push_back("the kernel is resampled from the probe's " + nm(r.sourcePixel)
            + " pixels to " + nm(r.kernelPixel) + " pixels; check that both pixel sizes are right");
    if (r.belowOnePixel()) {
        std::ostringstream share;
        share.precision(3);
        share << 100.0 * r.centreFraction;
        out.push_back("the kernel is smaller than one image pixel (" + share.str()
            + "% of its energy in one pixel): there is little blur to remove at this sampling, "
              "and deblurring mostly amplifies noise");
    }
    if (r.wideForImage()) {
        std::ostringstream radius;
        radius.precision(3);
        radius << r.halfEnergyRadius;
        out.push_back("the kernel is wide for this image: half its energy lies within "
            + radius.str() + " pixels of its centre, against an image of "
            + std::to_string(r.imageWidth) + " x " + std::to_string(r.imageHeight)
            + " pixels; check the pixel sizes");
    }
    return out;
}

} // namespace latentlens::engine
