// Fuzz target: ModelRecord::fromJson on arbitrary text: the JSON record a
// model file carries next to its weights.
// Only the engine's own exceptions are an expected outcome (docs/robustness.md, "Fuzzing").

#include "engine/core/exception.h"
#include "engine/net/latentmodel.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

using namespace latentlens;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        engine::ModelRecord::fromJson(std::string(reinterpret_cast<const char*>(data), size));
    } catch (const engine::Exception&) { }
    return 0;
}
