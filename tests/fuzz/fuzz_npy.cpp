// Fuzz target: readNpy on a file of arbitrary bytes: the header dict, the
// element types, byte orders and Fortran order.
// Only the engine's own exceptions are an expected outcome (docs/robustness.md, "Fuzzing").

#include "engine/core/exception.h"
#include "engine/io/npyio.h"
#include "tests/fuzz/fuzzinput.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

using namespace latentlens;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto path = fuzz::writeInput(data, size, ".npy");
    try {
        fuzz::requireConsistent(engine::readNpy(path));
    } catch (const engine::Exception&) { }
    return 0;
}
