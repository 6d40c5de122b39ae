#include "engine/imageio.h"

#include "engine/exception.h"
#include "engine/filecheck.h"
#include "engine/hdf5reader.h"
#include "engine/rasterio.h"
#include "engine/xrfio.h"

#include <array>
#include <fstream>

namespace latentlens::engine {

Image readImage(const std::filesystem::path& path)
{
    requireNonEmptyFile(path);
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw IoError(path, "the file cannot be opened for reading (permissions?).");
    std::array<unsigned char, 8> magic {};
    in.read(reinterpret_cast<char*>(magic.data()), magic.size());
    const auto got = in.gcount();
    if (got == 0)
        throw IoError(path, "the file is empty.");
    const bool tiff = got >= 4
        && ((magic[0] == 'I' && magic[1] == 'I' && (magic[2] == 42 || magic[2] == 43)
                && magic[3] == 0)
            || (magic[0] == 'M' && magic[1] == 'M' && magic[2] == 0
                && (magic[3] == 42 || magic[3] == 43)));
    if (tiff)
        return readTiff(path);
    if (got >= 8 && magic[0] == 0x89 && magic[1] == 'P' && magic[2] == 'N' && magic[3] == 'G')
        return readPng(path);
    if (got >= 3 && magic[0] == 0xFF && magic[1] == 0xD8 && magic[2] == 0xFF)
        return readJpeg(path);
    if (Hdf5Reader::isHdf5(path))
        return readXrfMaps(path);
    throw IoError(path,
        "unknown file type; LatentLens reads TIFF, PNG and JPEG images and HDF5 fluorescence "
        "maps (PyXRF, XRF-Maps).");
}

TiffWriteReport writeImage(
    const Image& image, const std::filesystem::path& path, const TiffWriteOptions& options)
{
    return writeTiff(image, path, options);
}

} // namespace latentlens::engine
