// Fuzz target: listNpz and readNpz of each member on a file of arbitrary
// bytes: the zip directory (Zip64 included), stored and deflated members, the .npy inside.
// Only the engine's own exceptions are an expected outcome (docs/robustness.md, "Fuzzing").

#include "engine/core/exception.h"
#include "engine/io/npyio.h"
#include "tests/fuzz/fuzzinput.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

using namespace latentlens;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto path = fuzz::writeInput(data, size, ".npz");
    std::vector<std::string> names;
    try {
        names = engine::listNpz(path);
    } catch (const engine::Exception&) {
        return 0;
    }
    // Every member a user could pick, and one the archive does not have.
    names.resize(std::min<std::size_t>(names.size(), 8));
    names.push_back("absent");
    for (const auto& name : names) {
        try {
            fuzz::requireConsistent(engine::readNpz(path, name));
        } catch (const engine::Exception&) { }
    }
    return 0;
}
