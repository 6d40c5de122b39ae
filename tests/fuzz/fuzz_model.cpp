// Fuzz target: LatentModel::load on a file of arbitrary bytes: LibTorch's
// archive (a zip of pickles and tensors), the record and the weights' shapes.
// Only the engine's own exceptions are an expected outcome (docs/robustness.md, "Fuzzing").

#include "engine/core/exception.h"
#include "engine/net/latentmodel.h"
#include "tests/fuzz/fuzzinput.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

using namespace latentlens;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto path = fuzz::writeInput(data, size, ".llm");
    try {
        engine::LatentModel::load(path);
    } catch (const engine::Exception&) { }
    return 0;
}
