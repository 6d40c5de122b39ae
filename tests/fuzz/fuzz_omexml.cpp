// Fuzz target: parseOmeXml on arbitrary text, and formatOmeXml of whatever
// it accepts.
// Only the engine's own exceptions are an expected outcome (docs/robustness.md, "Fuzzing").

#include "engine/core/exception.h"
#include "engine/io/omexml.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

using namespace latentlens;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view xml(reinterpret_cast<const char*>(data), size);
    const auto ome = engine::parseOmeXml(xml);
    if (!ome)
        return 0;
    // What was parsed is written back as LatentLens writes its own OME-TIFF descriptions:
    // formatOmeXml writes one <TiffData> per plane of an image in memory, so sizes no image
    // of ours could have are not given to it (a first version of this target did, and the
    // text grew past 1 GiB: a finding of the target, not of the engine).
    const double planes = double(ome->sizeZ) * double(ome->sizeC) * double(ome->sizeT);
    if (planes > 4096)
        return 0;
    try {
        engine::formatOmeXml(*ome, "fuzz");
    } catch (const engine::Exception&) { }
    return 0;
}
