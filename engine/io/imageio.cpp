#include "engine/io/imageio.h"

#include "engine/core/exception.h"
#include "engine/core/filecheck.h"
#include "engine/io/hdf5reader.h"
#include "engine/io/rasterio.h"
#include "engine/io/xrfio.h"

#include <algorithm>
#include <array>
#include <fstream>

namespace latentlens::engine {

Image readImage(const std::filesystem::path& path, const ImageReadOptions& options,
    std::vector<std::string>* warnings)
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
    const bool png
        = got >= 8 && magic[0] == 0x89 && magic[1] == 'P' && magic[2] == 'N' && magic[3] == 'G';
    const bool jpeg = got >= 3 && magic[0] == 0xFF && magic[1] == 0xD8 && magic[2] == 0xFF;
    if ((tiff || png || jpeg) && !options.xrfAnalysis.empty() && warnings)
        warnings->push_back("the analysis '" + options.xrfAnalysis
            + "' applies to XRF-Maps files only; " + path.filename().string()
            + " is an image and is read as it is.");
    if (tiff)
        return readTiff(path, warnings);
    if (png)
        return readPng(path);
    if (jpeg)
        return readJpeg(path);
    if (Hdf5Reader::isHdf5(path))
        return readXrfMaps(path, options.xrfAnalysis, warnings);
    throw IoError(path,
        "unknown file type; LatentLens reads TIFF, PNG and JPEG images and HDF5 fluorescence "
        "maps (PyXRF, XRF-Maps).");
}

TiffWriteReport writeImage(
    const Image& image, const std::filesystem::path& path, const TiffWriteOptions& options)
{
    return writeTiff(image, path, options);
}

std::vector<std::filesystem::path> imageFiles(const std::vector<std::filesystem::path>& sources)
{
    namespace fs = std::filesystem;
    auto isImage = [](const fs::path& file) {
        std::string lower = file.extension().string();
        std::transform(lower.begin(), lower.end(), lower.begin(),
            [](unsigned char c) { return char(std::tolower(c)); });
        return lower == ".png" || lower == ".tif" || lower == ".tiff" || lower == ".jpg"
            || lower == ".jpeg";
    };
    std::vector<fs::path> files;
    for (const auto& source : sources) {
        std::error_code error;
        if (fs::is_directory(source, error)) {
            std::vector<fs::path> inFolder;
            fs::directory_iterator entries(source, error);
            if (error) // not "no images": the user can fix what is said here
                throw IoError(source, "the folder cannot be read (" + error.message() + ").");
            for (const auto& entry : entries)
                if (entry.is_regular_file() && isImage(entry.path()))
                    inFolder.push_back(entry.path());
            std::sort(inFolder.begin(), inFolder.end()); // the same order every run
            files.insert(files.end(), inFolder.begin(), inFolder.end());
        } else if (fs::is_regular_file(source, error)) {
            files.push_back(source);
        } else {
            throw IoError(source, "neither a folder of images nor an image file.");
        }
    }
    return files;
}

} // namespace latentlens::engine
