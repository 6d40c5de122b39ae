#include "engine/buildinfo.h"
#include "engine/net/latentmodel.h"

namespace latentlens::engine {

std::vector<std::pair<std::string, std::string>> libraryVersions()
{
    auto versions = nativeLibraryVersions();
    versions.insert(versions.begin(), { "LibTorch", torchVersion() });
    return versions;
}

} // namespace latentlens::engine
