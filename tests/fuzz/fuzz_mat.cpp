// Fuzz target: a MATLAB probe file of arbitrary bytes (versions 4, 5 plain and compressed,
// and 7.3, which is HDF5; libmatio), read as the programs read one: importProbe, by its own
// choice of variable and by named ones. With LATENTLENS_CHECK_FILE_HELPER set (tools/fuzz.sh,
// CTest) the helper reads the file first, so a crash inside libmatio or HDF5 ends the helper
// and this reader refuses the file.
// Only the engine's own exceptions are an expected outcome (docs/robustness.md, "Fuzzing").

#include "engine/io/matfile.h"
#include "tests/fuzz/fuzzinput.h"
#include "tests/fuzz/fuzzprobe.h"

#include <cstddef>
#include <cstdint>

using namespace latentlens;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto path = fuzz::writeInput(data, size, ".mat");
    engine::MatFile::hasHeader(path);
    fuzz::importProbeEveryWay(path, { "", "probe", "p.probe" });
    return 0;
}
