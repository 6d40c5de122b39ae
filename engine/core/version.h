#pragma once

#include <string>

namespace latentlens::engine {

/// LatentLens's own version, e.g. "0.1.0".
std::string versionString();

} // namespace latentlens::engine
