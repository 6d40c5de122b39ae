// Fuzz target: readTiff on a file of arbitrary bytes: classic and BigTIFF
// pages, strips and tiles, every compression libtiff has, multi-page stacks and the ImageJ and
// OME-XML descriptions that map pages to planes.
// Only the engine's own exceptions are an expected outcome (docs/robustness.md, "Fuzzing").

#include "engine/core/exception.h"
#include "engine/io/tiffio.h"
#include "tests/fuzz/fuzzinput.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

using namespace latentlens;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto path = fuzz::writeInput(data, size, ".tif");
    std::vector<std::string> warnings;
    try {
        engine::readTiff(path, &warnings);
    } catch (const engine::Exception&) { }
    return 0;
}
