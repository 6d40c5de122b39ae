// Fuzz target: an HDF5 probe file of arbitrary bytes, read as the programs read one (PtyPy
// .ptyr, PtychoShelves .h5): importProbe, by its own choice of dataset and by a named one.
// With LATENTLENS_CHECK_FILE_HELPER set (tools/fuzz.sh, CTest) the helper reads the file
// first, so a crash inside HDF5 ends the helper and this reader refuses the file.
// Only the engine's own exceptions are an expected outcome (docs/robustness.md, "Fuzzing").

#include "tests/fuzz/fuzzinput.h"
#include "tests/fuzz/fuzzprobe.h"

#include <cstddef>
#include <cstdint>

using namespace latentlens;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto path = fuzz::writeInput(data, size, ".h5");
    fuzz::importProbeEveryWay(path, { "", "/probe", "/content/probe/S00G00/data" });
    return 0;
}
