#include "engine/buildinfo.h"

#include <cstdio>
#include <fftw3.h>
#include <hdf5.h>
#include <jpeglib.h>
#include <matio.h>
#include <png.h>
#include <tiffio.h>

namespace latentlens::engine {

std::vector<std::pair<std::string, std::string>> nativeLibraryVersions()
{
    unsigned major = 0, minor = 0, release = 0;
    H5get_libversion(&major, &minor, &release);
    int matMajor = 0, matMinor = 0, matRelease = 0;
    Mat_GetLibraryVersion(&matMajor, &matMinor, &matRelease);
    std::string tiff = TIFFGetVersion();
    if (auto eol = tiff.find('\n'); eol != std::string::npos)
        tiff.resize(eol);
    return {
        { "FFTW", fftwf_version },
        { "libtiff", tiff },
        { "libpng", png_get_libpng_ver(nullptr) },
        { "libjpeg",
            std::to_string(JPEG_LIB_VERSION / 10) + "." + std::to_string(JPEG_LIB_VERSION % 10) },
        { "HDF5",
            std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(release) },
        { "libmatio",
            std::to_string(matMajor) + "." + std::to_string(matMinor) + "."
                + std::to_string(matRelease) },
    };
}

} // namespace latentlens::engine
