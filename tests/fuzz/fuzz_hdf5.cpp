// Fuzz target: Hdf5Reader on a file of arbitrary bytes, as the probe import uses it (PtyPy
// .ptyr, MATLAB 7.3): the groups are walked from the root and every dataset is read as an
// array, as strings and as a scalar.
// Only the engine's own exceptions are an expected outcome (docs/robustness.md, "Fuzzing").

#include "engine/core/exception.h"
#include "engine/io/hdf5reader.h"
#include "tests/fuzz/fuzzinput.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

using namespace latentlens;

namespace {

// Bounds the walk: a crafted file can link a group into itself or hold thousands of members.
constexpr int maxDepth = 4;
constexpr std::size_t maxVisits = 64;

void readDataset(const engine::Hdf5Reader& reader, const std::string& name)
{
    try {
        fuzz::requireConsistent(reader.readArray(name));
    } catch (const engine::Exception&) { }
    try {
        reader.readStrings(name);
    } catch (const engine::Exception&) { }
    try {
        reader.readScalar(name);
    } catch (const engine::Exception&) { }
}

void walk(
    const engine::Hdf5Reader& reader, const std::string& group, int depth, std::size_t& visits)
{
    std::vector<std::string> members;
    try {
        members = reader.members(group);
    } catch (const engine::Exception&) {
        return;
    }
    for (const auto& member : members) {
        if (++visits > maxVisits)
            return;
        const std::string name = (group == "/" ? "/" : group + "/") + member;
        try {
            if (reader.isDataset(name))
                readDataset(reader, name);
            else if (depth < maxDepth && reader.isGroup(name))
                walk(reader, name, depth + 1, visits);
        } catch (const engine::Exception&) { }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto path = fuzz::writeInput(data, size, ".h5");
    try {
        const engine::Hdf5Reader reader(path);
        std::size_t visits = 0;
        walk(reader, "/", 0, visits);
        readDataset(reader, "/absent");
    } catch (const engine::Exception&) { }
    return 0;
}
