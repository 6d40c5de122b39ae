#pragma once

#include "engine/core/image.h"
#include "engine/io/tiffio.h"

#include <filesystem>
#include <string>
#include <vector>

namespace latentlens::engine {

/// What readImage does with files that offer a choice.
struct ImageReadOptions
{
    /// The analysis of an XRF-Maps file ("Fitted", "NNLS", "ROI", ...); empty takes
    /// preferredXrfAnalysis. Other files have none: asking for one gives a warning.
    std::string xrfAnalysis;
};

/// Reads a TIFF, PNG or JPEG file, or HDF5 fluorescence maps (readXrfMaps), recognised by
/// its content rather than its name: HDF5 by its signature at offset 0, 512, 1024, ...,
/// whatever the extension (.h5, .h5t, .hdf, .nxs or none). Appends to `warnings` (when
/// given) what the reader could not use, e.g. scan positions that give no pixel size.
/// Throws IoError if the file is missing, empty, of an unknown kind, truncated or corrupt.
Image readImage(const std::filesystem::path& path, const ImageReadOptions& options = {},
    std::vector<std::string>* warnings = nullptr);

/// Writes `image` as TIFF (the only output format; see writeTiff).
TiffWriteReport writeImage(
    const Image& image, const std::filesystem::path& path, const TiffWriteOptions& options = {});

/// The image files (PNG, JPEG, TIFF by extension) of `sources`: each folder's, sorted by
/// name, and each file named, in the order given. Throws IoError for a source that is
/// neither a folder nor a file.
std::vector<std::filesystem::path> imageFiles(const std::vector<std::filesystem::path>& sources);

} // namespace latentlens::engine
