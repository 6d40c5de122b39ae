#pragma once

#include "engine/core/image.h"

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace latentlens::engine {

struct TiffWriteOptions
{
    enum class Format { ImageJHyperstack, OmeTiff };
    /// ImageJ hyperstack (the default; Fiji's own layout) or OME-TIFF (OME-XML in the first
    /// page, for Bio-Formats, OMERO, QuPath and napari).
    Format format = Format::ImageJHyperstack;
    enum class SampleType { Float32, UInt16 };
    /// Float32 keeps every value (written in the image's intensity scale); UInt16 writes
    /// round(v * 65535) of values clipped to [0, 1].
    SampleType sampleType = SampleType::Float32;
    /// Force BigTIFF; it is chosen automatically for files of 3.5 GiB and more.
    bool bigTiff = false;
};

struct TiffWriteReport
{
    /// Pixels that lay outside [0, 1] and were clipped (UInt16 only).
    std::size_t clippedPixels = 0;
    bool bigTiff = false;
};

/// Reads a TIFF image or stack: 8/16/32-bit signed or unsigned integer, 32/64-bit float;
/// one or several samples per pixel, strips or tiles, any libtiff compression, classic or
/// BigTIFF, either byte order. Planes follow the ImageJ hyperstack or OME-XML description
/// when one is present, else each page is one z slice. Pixel size comes from OME
/// PhysicalSize*, or from X/YResolution with the ImageJ unit or centimetres.
/// A stack that holds fewer (or more) pages than its ImageJ or OME-XML description declares
/// is read page by page as z slices, and `warnings` (when given) says how many planes were
/// read of how many declared: a stack cut short is never read silently as a shorter one.
/// Throws IoError if the file is missing, empty, truncated, corrupt or of an unsupported kind.
Image readTiff(const std::filesystem::path& path, std::vector<std::string>* warnings = nullptr);

/// Writes one page per plane (channels fastest, then z, then time) with an ImageJ hyperstack
/// description (channels, slices, frames, spacing in microns) or, for Format::OmeTiff, an
/// OME-XML description (DimensionOrder XYCZT, physical sizes in µm, channel names); either
/// keeps the intensity scale, channel names and the image's provenance record, so that
/// readTiff gives the same image back. The file appears only when complete (see AtomicFile).
/// Throws IoError if the file cannot be written, InvalidArgument if the image is empty or
/// holds NaN while UInt16 is asked for.
TiffWriteReport writeTiff(
    const Image& image, const std::filesystem::path& path, const TiffWriteOptions& options = {});

/// Whether the file name ends in ".ome.tif" or ".ome.tiff" (in any case), as OME-TIFF files
/// are named.
bool isOmeTiffName(const std::filesystem::path& path);

} // namespace latentlens::engine
