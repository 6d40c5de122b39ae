#pragma once

#include "engine/io/ndarray.h"

#include <filesystem>
#include <string>
#include <vector>

namespace latentlens::engine {

/// Reads a NumPy .npy file of a numeric type: float (f2 is refused), complex (c8, c16),
/// signed or unsigned integers, either byte order, C or Fortran order (returned in C order).
/// Throws IoError if the file is missing, truncated, not a .npy file, or holds an
/// unsupported type (strings, objects, booleans, structured records).
NdArray readNpy(const std::filesystem::path& path);

/// Names of the arrays in a NumPy .npz archive (np.savez or np.savez_compressed), without
/// the ".npy" suffix. Throws IoError if the file is not a readable zip archive.
std::vector<std::string> listNpz(const std::filesystem::path& path);

/// Reads array `name` of a .npz archive. Throws IoError if the archive has no such array
/// (the message lists the arrays it has) or the member is corrupt.
NdArray readNpz(const std::filesystem::path& path, const std::string& name);

} // namespace latentlens::engine
