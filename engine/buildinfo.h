#pragma once

// The top of the engine: what it is built on, as the programs' About and --version show it.
// It reports every layer's libraries, so it may include any layer (docs/architecture.md).

#include "engine/core/version.h"
#include "engine/net/latentmodel.h"

#include <string>
#include <utility>
#include <vector>

namespace latentlens::engine {

/// Name and version of each library the engine runs on (LibTorch, FFTW, libtiff, libpng,
/// libjpeg, HDF5, libmatio), as the libraries report them at run time where they can.
std::vector<std::pair<std::string, std::string>> libraryVersions();

} // namespace latentlens::engine
