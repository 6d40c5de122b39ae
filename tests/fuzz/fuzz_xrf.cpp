// Fuzz target: xrfAnalyses and readXrfMaps of each analysis on a file of
// arbitrary bytes: PyXRF and XRF-Maps layouts, channel names and scan positions in HDF5.
// Only the engine's own exceptions are an expected outcome (docs/robustness.md, "Fuzzing").

#include "engine/core/exception.h"
#include "engine/io/xrfio.h"
#include "tests/fuzz/fuzzinput.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

using namespace latentlens;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto path = fuzz::writeInput(data, size, ".h5");
    std::vector<std::string> analyses;
    try {
        analyses = engine::xrfAnalyses(path);
    } catch (const engine::Exception&) {
        return 0;
    }
    analyses.resize(std::min<std::size_t>(analyses.size(), 4));
    analyses.push_back({}); // the preferred one, or the PyXRF layout
    for (const auto& analysis : analyses) {
        std::vector<std::string> warnings;
        try {
            engine::readXrfMaps(path, analysis, &warnings);
        } catch (const engine::Exception&) { }
    }
    return 0;
}
