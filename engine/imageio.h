#pragma once

#include "engine/image.h"
#include "engine/tiffio.h"

#include <filesystem>

namespace latentlens::engine {

/// Reads a TIFF, PNG or JPEG file, or HDF5 fluorescence maps (readXrfMaps), recognised by
/// its first bytes rather than its name.
/// Throws IoError if the file is missing, empty, of an unknown kind, truncated or corrupt.
Image readImage(const std::filesystem::path& path);

/// Writes `image` as TIFF (the only output format; see writeTiff).
TiffWriteReport writeImage(
    const Image& image, const std::filesystem::path& path, const TiffWriteOptions& options = {});

} // namespace latentlens::engine
