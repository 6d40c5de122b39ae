// Fuzz target: readPng (libpng) on a file of arbitrary bytes.
// Only the engine's own exceptions are an expected outcome (docs/robustness.md, "Fuzzing").

#include "engine/core/exception.h"
#include "engine/io/rasterio.h"
#include "tests/fuzz/fuzzinput.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

using namespace latentlens;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto path = fuzz::writeInput(data, size, ".png");
    try {
        engine::readPng(path);
    } catch (const engine::Exception&) { }
    return 0;
}
