#include "engine/core/version.h"

namespace latentlens::engine {

std::string versionString()
{
    return LATENTLENS_VERSION;
}

} // namespace latentlens::engine
