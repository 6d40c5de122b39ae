#pragma once

#include "engine/io/ndarray.h"

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace latentlens::engine {

/// A variable of a MAT-file as listed, without its data.
struct MatVariable
{
    /// "probe"; a field of a 1x1 struct is listed as "p.dx_spec" (one level deep).
    std::string name;
    /// MATLAB's class: "double", "single", "int16", ..., "struct", "cell", "char", "sparse".
    std::string className;
    /// MATLAB's size, e.g. {ny, nx, modes}.
    std::vector<std::size_t> dims;
    bool isComplex = false;

    /// double, single or an integer class (logical arrays are uint8).
    bool isNumeric() const;
    std::size_t elementCount() const;
    std::string sizeText() const; ///< "[64 64 3]"
};

/// Read-only access to a MATLAB MAT-file of any version (4, 5 to 7, 7.3) through libmatio.
/// MATLAB 7.3 files are HDF5, so every call holds the engine's HDF5 lock.
/// Throws IoError if the file is missing or not a MAT-file libmatio can open.
class MatFile
{
public:
    explicit MatFile(const std::filesystem::path& path);
    ~MatFile();
    MatFile(const MatFile&) = delete;
    MatFile& operator=(const MatFile&) = delete;

    /// True when the file starts with the text header of a version 5 or 7.3 MAT-file
    /// ("MATLAB 5.0 MAT-file", "MATLAB 7.3 MAT-file"). Version 4 files have no header.
    static bool hasHeader(const std::filesystem::path& path);

    const std::filesystem::path& path() const noexcept;
    /// "4", "5" (which MATLAB 5 to 7 write) or "7.3".
    std::string version() const;
    /// The variables in file order, each 1x1 struct followed by its fields.
    const std::vector<MatVariable>& variables() const noexcept;
    /// The variable named `name`, or nullptr.
    const MatVariable* find(const std::string& name) const;

    /// A numeric variable (double, single or integer; real or complex) as an NdArray whose
    /// shape is MATLAB's size reversed, e.g. [ny nx modes] -> (modes, nx, ny): the values in
    /// the file's column-major order are then C order, as Hdf5Reader gives a MATLAB 7.3
    /// dataset. The size is checked against the file before anything is allocated.
    /// Throws IoError if the variable is missing (naming those the file has), not numeric,
    /// larger than 2^31 elements or than the file can hold, or unreadable (truncated).
    NdArray readArray(const std::string& name) const;

private:
    struct Impl;
    std::unique_ptr<Impl> mImpl;
};

} // namespace latentlens::engine
