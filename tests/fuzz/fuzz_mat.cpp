// Fuzz target: a MATLAB probe file of arbitrary bytes (versions 4, 5 plain and compressed,
// and 7.3, which is HDF5; libmatio), read as the programs read one: importProbe, by its own
// choice of variable and by named ones. With LATENTLENS_CHECK_FILE_HELPER set (tools/fuzz.sh,
// CTest) the helper reads the file first, so a crash inside libmatio or HDF5 ends the helper
// and this reader refuses the file.
// Only the engine's own exceptions are an expected outcome (docs/robustness.md, "Fuzzing").

#include "engine/core/exception.h"
#include "engine/io/matfile.h"
#include "engine/probe/probeimport.h"
#include "tests/fuzz/fuzzinput.h"

#include <cstddef>
#include <cstdint>

using namespace latentlens;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto path = fuzz::writeInput(data, size, ".mat");
    engine::MatFile::hasHeader(path);
    for (const char* variable : { "", "probe", "p.probe" }) {
        engine::ProbeImportOptions options;
        options.dataset = variable;
        try {
            const auto probe = engine::importProbe(path, options);
            if (probe.intensity.width() == 0 || probe.intensity.height() == 0)
                __builtin_trap(); // a probe without pixels must have been refused
        } catch (const engine::Exception&) { }
    }
    return 0;
}
