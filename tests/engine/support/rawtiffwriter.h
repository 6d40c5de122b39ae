#pragma once

// A minimal TIFF encoder written byte by byte, independent of libtiff, standing in for
// "a file written by another program" (tifffile, ImageJ): either byte order, one strip per
// page, one sample per pixel, any of the sample types LatentLens reads.

#include <cstdint>
#include <string>
#include <vector>

namespace latentlens::testing {

struct RawPage
{
    uint32_t width = 0;
    uint32_t height = 0;
    uint16_t bits = 16;
    uint16_t sampleFormat = 1; // 1 uint, 2 int, 3 float, 6 complex float
    std::vector<uint8_t> data; // samples in host byte order, x fastest
};

struct RawTiffOptions
{
    bool bigEndian = false;
    std::string description; // ImageDescription of the first page
    uint32_t xResolution[2] = { 0, 1 }; // pixels per unit as a rational; 0 = none
    uint16_t resolutionUnit = 1; // 1 none, 2 inch, 3 centimetre
};

/// Returns false if the file cannot be written.
bool writeRawTiff(
    const std::string& path, const std::vector<RawPage>& pages, const RawTiffOptions& options);

/// Page of `width` x `height` samples of type T taken from `values`.
template <typename T>
RawPage makePage(uint32_t width, uint32_t height, const std::vector<T>& values, uint16_t format)
{
    RawPage page { width, height, uint16_t(sizeof(T) * 8), format, {} };
    page.data.resize(values.size() * sizeof(T));
    for (std::size_t i = 0; i < values.size(); ++i)
        for (std::size_t b = 0; b < sizeof(T); ++b)
            page.data[i * sizeof(T) + b] = reinterpret_cast<const uint8_t*>(&values[i])[b];
    return page;
}

} // namespace latentlens::testing
