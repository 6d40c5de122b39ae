#pragma once

#include "engine/io/ndarray.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace latentlens::engine {

/// Read-only access to an HDF5 file (PtyPy .ptyr, MATLAB 7.3 .mat, PyXRF and XRF-Maps .h5).
/// The HDF5 library is not thread-safe in Debian's serial build, so every call holds one
/// engine-wide lock. Throws IoError if the file is missing or not HDF5.
class Hdf5Reader
{
public:
    explicit Hdf5Reader(const std::filesystem::path& path);
    ~Hdf5Reader();
    Hdf5Reader(const Hdf5Reader&) = delete;
    Hdf5Reader& operator=(const Hdf5Reader&) = delete;

    /// True when the file starts with the HDF5 signature (at offset 0 or after a user block).
    static bool isHdf5(const std::filesystem::path& path);

    const std::filesystem::path& path() const noexcept { return mPath; }
    /// True for a MATLAB 7.3 MAT-file, whose arrays are stored with their axes reversed.
    bool isMatlab() const noexcept { return mMatlab; }

    bool isDataset(const std::string& name) const;
    bool isGroup(const std::string& name) const;
    /// Names of the members of a group, sorted. Throws IoError if it is not a group.
    std::vector<std::string> members(const std::string& group) const;

    /// A numeric dataset: integers, floats, or a two-member compound of numbers read as
    /// complex (h5py's {r, i}, MATLAB's {real, imag}). Throws IoError naming the dataset if
    /// it is missing or of another type, or declares more data than the file can hold.
    NdArray readArray(const std::string& name) const;
    /// A dataset of strings (fixed or variable length), trimmed of padding.
    std::vector<std::string> readStrings(const std::string& name) const;
    /// The first value of a numeric dataset, or nothing when it is missing or not numeric.
    std::optional<double> readScalar(const std::string& name) const;

private:
    std::filesystem::path mPath;
    std::uintmax_t mFileSize = 0; // declared dataset sizes are checked against it
    std::int64_t mFile = -1;
    bool mMatlab = false;
};

} // namespace latentlens::engine
