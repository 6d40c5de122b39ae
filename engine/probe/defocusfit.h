#pragma once

#include "engine/core/image.h"
#include "engine/probe/probe.h"

#include <utility>
#include <vector>

namespace latentlens::engine {

struct DefocusFit
{
    double defocus = 0.0; ///< metres, >= 0 (the intensity of +d and -d is the same)
    /// Relative L2 distance between the radial profiles of the kernel and of the simulated
    /// kernel at `defocus`: 0 is a perfect match; above about 0.3 the kernel does not look
    /// like this probe family at any defocus (a different lens or a visible-light PSF).
    double residual = 0.0;
    /// The best match lies at maxDefocus: the true defocus may be larger; widen the range.
    bool atLimit = false;
    /// (defocus, residual) at each coarse step, for a plot.
    std::vector<std::pair<double, double>> scan;
};

/// The defocus at which the simulated probe of `optics` best matches `kernel` (a measured
/// PSF or any kernel): the radial profiles around each centroid are compared at the
/// kernel's pixel size, over 0 ... maxDefocus, first in 41 steps and then refined by golden
/// section to 0.01 µm. The pixel size is the kernel's spacing().x; when the kernel has none,
/// options.imagePixelSize, or the probe's own pixel size when that is 0 (the kernel is then
/// compared with the family's kernels pixel for pixel). Throws InvalidArgument if the
/// kernel is empty, not 2-D, negative, not finite or no pixel size is known.
DefocusFit fitDefocus(const Image& kernel, const ZonePlateOptics& optics,
    const KernelOptions& options = {}, double maxDefocus = 20e-6);

} // namespace latentlens::engine
