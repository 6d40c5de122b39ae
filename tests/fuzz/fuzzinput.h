#pragma once

// Shared by the fuzz targets (docs/robustness.md, "Fuzzing"). The readers take paths, so each
// input is written to a file first and the real reader opens it, as a user's file would be.

#include "engine/io/ndarray.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

namespace latentlens::fuzz {

/// Writes `size` bytes to this process's scratch file "input<extension>" and returns its path.
/// The scratch folder is in /dev/shm when there is one (no disk writes per input), else in the
/// system's temporary folder; it is removed when the process exits normally.
std::filesystem::path writeInput(
    const std::uint8_t* data, std::size_t size, const std::string& extension);

/// Aborts (a finding) unless the array's shape, multiplied out without overflow, gives the
/// number of values it holds: what every consumer of an NdArray relies on.
void requireConsistent(const engine::NdArray& array);

} // namespace latentlens::fuzz
