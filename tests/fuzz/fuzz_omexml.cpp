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
    // What was parsed is written back as LatentLens writes its own OME-TIFF descriptions.
    try {
        engine::formatOmeXml(*ome, "fuzz");
    } catch (const engine::Exception&) { }
    return 0;
}
