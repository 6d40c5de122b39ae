// Fuzz target: MatFile (libmatio) on a file of arbitrary bytes: MAT-files of version 4 and 5
// (plain and compressed) and 7.3 (HDF5); every listed numeric variable is read.
// Only the engine's own exceptions are an expected outcome (docs/robustness.md, "Fuzzing").

#include "engine/core/exception.h"
#include "engine/io/matfile.h"
#include "tests/fuzz/fuzzinput.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

using namespace latentlens;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto path = fuzz::writeInput(data, size, ".mat");
    engine::MatFile::hasHeader(path);
    try {
        const engine::MatFile file(path);
        file.version();
        std::size_t read = 0;
        for (const auto& variable : file.variables()) {
            if (read++ == 16)
                break;
            try {
                fuzz::requireConsistent(file.readArray(variable.name));
            } catch (const engine::Exception&) { }
        }
        file.readArray("absent");
    } catch (const engine::Exception&) { }
    return 0;
}
