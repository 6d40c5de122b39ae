#pragma once

#include <string>
#include <utility>
#include <vector>

namespace latentlens::engine {

/// LatentLens's own version, e.g. "0.1.0".
std::string versionString();

/// Name and version of each library the engine runs on (LibTorch, FFTW, libtiff, libpng,
/// libjpeg, HDF5), as the libraries report them at run time where they can.
std::vector<std::pair<std::string, std::string>> libraryVersions();

/// True when LibTorch sees a usable CUDA device.
bool cudaAvailable();

} // namespace latentlens::engine
