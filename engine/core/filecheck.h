#pragma once

// Private to the engine: the checks every reader makes before it opens a file.

#include <cstdint>
#include <filesystem>

namespace latentlens::engine {

/// Throws IoError if `path` does not exist, is a folder, is empty, or its size cannot be
/// read. Returns its size in bytes (readers check declared sizes against it).
std::uintmax_t requireNonEmptyFile(const std::filesystem::path& path);

/// scipy.ndimage's 'reflect' extension of index `i` into [0, n): (d c b a | a b c d | d c b a).
inline std::ptrdiff_t reflectIndex(std::ptrdiff_t i, std::ptrdiff_t n)
{
    const std::ptrdiff_t period = 2 * n;
    i %= period;
    if (i < 0)
        i += period;
    return i < n ? i : period - 1 - i;
}

} // namespace latentlens::engine
