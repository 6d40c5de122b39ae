#pragma once

// The top of the engine: what it is built on, as the programs' About and --version show it.
// It reports every layer's libraries, so it may include any layer (docs/architecture.md).

#include "engine/core/version.h"

#include <string>
#include <utility>
#include <vector>

namespace latentlens::engine {

/// Name and version of each library the engine runs on (LibTorch, FFTW, libtiff, libpng,
/// libjpeg, HDF5, libmatio), as the libraries report them at run time where they can.
/// Defined in libraryversions.cpp, the one part of the top that needs net/.
std::vector<std::pair<std::string, std::string>> libraryVersions();

/// The same without LibTorch, for programs that load it only on demand (latentlens-cli).
std::vector<std::pair<std::string, std::string>> nativeLibraryVersions();

} // namespace latentlens::engine
