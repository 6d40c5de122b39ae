#pragma once

#include "engine/core/image.h"

#include <complex>
#include <cstddef>
#include <string>
#include <vector>

namespace latentlens::engine {

/// Optics of a Fresnel zone plate (or MLL-like lens) focusing hard X-rays. The defaults are
/// the reference of DESIGN.md section 3: 12 keV, NA 0.005, central stop 0.3, 5 nm pixels.
struct ZonePlateOptics
{
    double energyKeV = 12.0;
    /// Numerical aperture; ignored when outerZoneWidth is set (NA = lambda / (2 dr)).
    double numericalAperture = 0.005;
    double outerZoneWidth = 0.0; ///< metres; 0 = use numericalAperture
    double diameter = 100e-6; ///< metres; sets the focal length f = D dr / lambda
    double centralStop = 0.3; ///< diameter of the central stop as a fraction of D
    double pixelSize = 5e-9; ///< metres per probe pixel
    std::size_t gridSize = 256; ///< probe field is gridSize x gridSize

    double wavelength() const; ///< metres
    double na() const;
    double focalLength() const; ///< metres
    /// Throws InvalidArgument if a value is out of its physical domain, or the pupil does not
    /// fit the grid's frequency range (pixel too coarse for this NA).
    void validate() const;
};

/// Photon wavelength in metres for an energy in keV (lambda = h c / E).
double photonWavelength(double energyKeV);

/// A complex probe field (one or more incoherent modes), x fastest.
struct ComplexProbe
{
    std::size_t width = 0;
    std::size_t height = 0;
    double pixelSize = 0.0; ///< metres
    double wavelength = 0.0; ///< metres
    std::vector<std::vector<std::complex<double>>> modes;

    /// Sum over modes of |P|^2 over the field.
    double energy() const;
    /// Intensity sum_k |P_k|^2 as a width x height image (pixel size set).
    Image intensity() const;
};

/// The in-focus probe of `optics`: the inverse Fourier transform of its annular pupil,
/// scaled to unit energy.
ComplexProbe focusedProbe(const ZonePlateOptics& optics);

/// Propagates every mode by `distance` metres (positive downstream) with the angular
/// spectrum transfer function H = exp(i 2 pi z / lambda (sqrt(1 - lambda^2 q^2) - 1)).
/// Appends a warning to `warnings` (when given) if the field's window is too small for
/// the spread at that distance, i.e. the result wraps around. Throws InvalidArgument for
/// an empty probe or a non-finite distance.
ComplexProbe propagate(
    const ComplexProbe& probe, double distance, std::vector<std::string>* warnings = nullptr);

/// The zone-plate probe at `defocus` metres from focus.
ComplexProbe simulateProbe(
    const ZonePlateOptics& optics, double defocus, std::vector<std::string>* warnings = nullptr);

struct KernelOptions
{
    std::size_t size = 64; ///< the kernel is size x size (odd sizes allowed)
    double imagePixelSize = 0.0; ///< metres; 0 = the probe's own pixel size
    /// The kernel keeps the intensity inside a disc of this fraction of the probe field's
    /// half-width (the paper's "0.35 of the radius"); 0 or >= 1 keeps everything.
    double supportFraction = 0.35;
    /// Where the kernel window is centred on the probe field: its centre (simulated probes,
    /// which are centred by construction) or the intensity's centroid (imported probes and
    /// measured PSFs, which rarely are).
    enum class Centre { FieldCentre, Centroid } centre = Centre::FieldCentre;
};

/// Blur kernel from a probe: intensity, resampled to the image pixel size (area-weighted),
/// restricted to the support disc, cropped around the field centre to `size`, normalised to
/// sum 1, and trimmed of all-zero borders (trimmedKernel: a probe resampled to coarse
/// image pixels, such as an XRF map's scan step, keeps only the few pixels it covers, so
/// that small images can still be deblurred). Throws InvalidArgument if the result is
/// empty, negative or not finite.
Image probeKernel(const ComplexProbe& probe, const KernelOptions& options = {});

/// The same from an intensity field (a probe's sum_k |P_k|^2 or a measured PSF plane) whose
/// spacing().x is its pixel size in metres (0 = unknown: then the kernel keeps the field's
/// sampling, and asking for an imagePixelSize throws InvalidArgument).
Image intensityKernel(const Image& intensity, const KernelOptions& options = {});

/// `kernel` without the rows and columns around it that are zero on every side: the
/// smallest odd square, centred on the same pixel (size / 2), that holds every non-zero
/// value. Convolution with it equals convolution with `kernel`. Returned unchanged when
/// nothing can be trimmed.
Image trimmedKernel(const Image& kernel);

/// Radius (in pixels of `kernel`) around its centre holding `fraction` of its energy.
double encircledEnergyRadius(const Image& kernel, double fraction);

} // namespace latentlens::engine
