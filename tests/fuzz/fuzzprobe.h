#pragma once

// Shared by the probe-file fuzz targets (fuzz_hdf5, fuzz_mat): the file read as the programs
// read a probe, by importProbe's own choice of dataset and by each of `datasets`.

#include "engine/core/exception.h"
#include "engine/probe/probeimport.h"

#include <filesystem>
#include <initializer_list>

namespace latentlens::fuzz {

inline void importProbeEveryWay(
    const std::filesystem::path& path, std::initializer_list<const char*> datasets)
{
    for (const char* dataset : datasets) {
        engine::ProbeImportOptions options;
        options.dataset = dataset;
        try {
            const auto probe = engine::importProbe(path, options);
            if (probe.intensity.width() == 0 || probe.intensity.height() == 0)
                __builtin_trap(); // a probe without pixels must have been refused
        } catch (const engine::Exception&) { }
    }
}

} // namespace latentlens::fuzz
