#pragma once

// Independent writers for test files: NumPy .npy/.npz laid out byte by byte as NumPy's
// format specification describes, and HDF5 files written through the C API the way h5py,
// PtyPy, MATLAB, PyXRF and XRF-Maps lay them out. They share no code with the readers.

#include <complex>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace testwriters {

using Bytes = std::vector<unsigned char>;

/// A .npy file image: header for `descr`, `shape`, then `data` as given.
Bytes npy(const std::string& descr, const std::vector<std::size_t>& shape, const Bytes& data,
    bool fortranOrder = false, int version = 1);
template <typename T> Bytes raw(const std::vector<T>& values)
{
    Bytes out(values.size() * sizeof(T));
    std::memcpy(out.data(), values.data(), out.size());
    return out;
}
void writeFile(const std::string& path, const Bytes& bytes);
/// A classic little-endian TIFF of 126 bytes whose one page declares 100000 x 100000 8-bit
/// pixels in a 4-byte strip: a reader must refuse it from the header, allocating nothing.
Bytes giantDeclaredTiff();
/// Rewrites the ImageJ description of a 3-plane stack (as writeTiff writes it) to declare 6
/// planes, as a stack cut short leaves it: a valid chain of pages, fewer than declared.
void declareSixOfThreePlanes(const std::string& path);
/// A .npz archive of (name, npy bytes) members, stored or deflated.
void writeNpz(const std::string& path, const std::vector<std::pair<std::string, Bytes>>& members,
    bool deflate);

/// An HDF5 file being written; datasets are created with their groups.
class Hdf5Out
{
public:
    /// userBlock > 0 reserves a user block starting with `userBlockText` (MATLAB 7.3 files).
    explicit Hdf5Out(const std::string& path, std::size_t userBlock = 0);
    ~Hdf5Out();
    void doubles(const std::string& name, const std::vector<std::size_t>& dims,
        const std::vector<double>& values);
    void floats(const std::string& name, const std::vector<std::size_t>& dims,
        const std::vector<float>& values);
    /// Complex as a compound {re, im} of doubles (h5py: "r"/"i", MATLAB: "real"/"imag",
    /// which also gets MATLAB's attribute MATLAB_class = "double").
    void complexes(const std::string& name, const std::vector<std::size_t>& dims,
        const std::vector<std::complex<double>>& values, const std::string& re = "r",
        const std::string& im = "i");
    void strings(const std::string& name, const std::vector<std::string>& values, bool variable);

private:
    std::int64_t mFile = -1;
    std::string mPath;
    std::size_t mUserBlock = 0;
};

} // namespace testwriters
