#pragma once

#include "engine/core/image.h"
#include "engine/io/tiffio.h"

#include <filesystem>
#include <vector>

namespace latentlens::engine {

/// Reads a TIFF, PNG or JPEG file, or HDF5 fluorescence maps (readXrfMaps), recognised by
/// its first bytes rather than its name.
/// Throws IoError if the file is missing, empty, of an unknown kind, truncated or corrupt.
Image readImage(const std::filesystem::path& path);

/// Writes `image` as TIFF (the only output format; see writeTiff).
TiffWriteReport writeImage(
    const Image& image, const std::filesystem::path& path, const TiffWriteOptions& options = {});

/// The image files (PNG, JPEG, TIFF by extension) of `sources`: each folder's, sorted by
/// name, and each file named, in the order given. Throws IoError for a source that is
/// neither a folder nor a file.
std::vector<std::filesystem::path> imageFiles(const std::vector<std::filesystem::path>& sources);

} // namespace latentlens::engine
