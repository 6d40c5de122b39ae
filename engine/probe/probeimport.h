#pragma once

#include "engine/core/image.h"
#include "engine/probe/probe.h"

#include <filesystem>
#include <string>
#include <vector>

namespace latentlens::engine {

struct ProbeImportOptions
{
    /// HDF5 dataset path, .npz array name or MAT-file variable name ("p.probe" for a field
    /// of a 1x1 struct). Empty: PtyPy's /content/probe/<id>/data, then a dataset named
    /// "probe" (PtychoShelves); in a .npz, "probeGuess" or "probe" or the only array; in a
    /// .mat, "probe", "probeGuess", a struct's field "probe", or the only numeric array.
    std::string dataset;
    double pixelSize = 0.0; ///< metres; overrides the file's; 0 = take it from the file
    double energyKeV = 0.0; ///< overrides the file's; 0 = take it from the file
    /// A TIFF's pages are read as (real, imaginary) pairs, one pair per mode. Without it they
    /// are read so only when the channels are named real/imag or a page holds negative
    /// values; otherwise the TIFF is an intensity PSF.
    bool complexPages = false;
};

/// A probe read from a file: a complex field (one or more modes) from ptychography, or an
/// intensity PSF (a bead image, a float .npy).
struct ImportedProbe
{
    bool isComplex = false;
    /// The modes when isComplex. pixelSize and wavelength are 0 when neither the file nor
    /// the options give them; propagating then throws with a message saying what to give.
    ComplexProbe complex;
    /// sum_k |P_k|^2, or the PSF plane; spacing().x is the pixel size (0 = unknown).
    Image intensity;
    /// What was read: "/content/probe/S00G00/data", "probeGuess", "pages 1-2", ...
    std::string source;
    /// Shape and type as stored, e.g. "complex128 (2, 64, 64)".
    std::string stored;
    /// Assumptions made while reading, in words for the user.
    std::vector<std::string> notes;

    /// The probe's pixel size in metres: the complex field's, else the PSF's; 0 = unknown.
    double pixelSize() const { return isComplex ? complex.pixelSize : intensity.spacing().x; }
};

/// Reads a probe from .npy/.npz, TIFF, MATLAB .mat (versions 4, 5 to 7 and 7.3, through
/// libmatio) or HDF5 (.ptyr, .h5), chosen by content. Arrays are (ny, nx) or (modes, ny, nx),
/// in MATLAB [ny nx] or [ny nx modes]; complex arrays are modes of a complex probe, real ones
/// an intensity (a 3-D real array is a z-stack: its brightest plane is used and noted).
/// Throws IoError for an unreadable file, a missing dataset or variable (naming what the file
/// has), a size larger than the file can hold, a 1-D or 4-D array, a non-numeric type, non-finite
/// values or a negative intensity.
ImportedProbe importProbe(
    const std::filesystem::path& path, const ProbeImportOptions& options = {});

/// For the helper process (`latentlens-cli check-file probe`, engine/core/isolatedread.h):
/// reads the HDF5 or MAT-file probe at `path` in this process, as importProbe does with
/// `dataset`, and writes what it read into `into` for importProbe to take back. Throws as
/// importProbe.
void handOverProbe(const std::filesystem::path& path, const std::string& dataset,
    const std::filesystem::path& into);

/// The kernel of an imported probe at `defocus` metres: a complex probe is propagated (it
/// needs its pixel size and wavelength unless defocus is 0); an intensity PSF cannot be
/// propagated and is used as it is (defocus must be 0, else InvalidArgument). The kernel
/// is centred on the intensity's centroid.
Image importedKernel(const ImportedProbe& probe, double defocus, const KernelOptions& options,
    std::vector<std::string>* warnings = nullptr);

} // namespace latentlens::engine
