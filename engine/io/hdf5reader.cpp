#include "engine/io/hdf5reader.h"

#include "engine/core/exception.h"
#include "engine/core/filecheck.h"
#include "engine/core/systemmemory.h"
#include "engine/io/hdf5lock.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <fstream>
#include <hdf5.h>
#include <limits>
#include <mutex>

namespace latentlens::engine {

std::recursive_mutex& detail::hdf5Mutex()
{
    static std::recursive_mutex mutex;
    return mutex;
}

namespace {

using detail::hdf5Mutex;

// Closes an HDF5 identifier with the matching function when it goes out of scope.
class Handle
{
public:
    Handle(hid_t id, herr_t (*close)(hid_t)) : mId(id), mClose(close) { }
    ~Handle()
    {
        if (mId >= 0)
            mClose(mId);
    }
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    hid_t get() const noexcept { return mId; }
    bool valid() const noexcept { return mId >= 0; }

private:
    hid_t mId;
    herr_t (*mClose)(hid_t);
};

std::string absoluteName(const std::string& name)
{
    return name.starts_with('/') ? name : "/" + name;
}

// Whether every link on the way to `name` exists (H5Lexists fails on a missing parent).
bool linkExists(hid_t file, const std::string& name)
{
    const std::string full = absoluteName(name);
    if (full == "/")
        return true;
    std::size_t pos = 0;
    while ((pos = full.find('/', pos + 1)) != std::string::npos)
        if (H5Lexists(file, full.substr(0, pos).c_str(), H5P_DEFAULT) <= 0)
            return false;
    return H5Lexists(file, full.c_str(), H5P_DEFAULT) > 0;
}

H5O_type_t objectType(hid_t file, const std::string& name)
{
    if (!linkExists(file, name))
        return H5O_TYPE_UNKNOWN;
    H5O_info_t info;
    if (H5Oget_info_by_name(file, absoluteName(name).c_str(), &info, H5P_DEFAULT) < 0)
        return H5O_TYPE_UNKNOWN;
    return info.type;
}

std::string typeText(hid_t type)
{
    const std::string order = H5Tget_order(type) == H5T_ORDER_BE ? ">" : "<";
    const auto size = std::to_string(H5Tget_size(type));
    switch (H5Tget_class(type)) {
    case H5T_INTEGER:
        return order + (H5Tget_sign(type) == H5T_SGN_NONE ? "u" : "i") + size;
    case H5T_FLOAT:
        return order + "f" + size;
    case H5T_STRING:
        return "string";
    case H5T_COMPOUND:
        return "compound";
    default:
        return "of HDF5 type class " + std::to_string(int(H5Tget_class(type)));
    }
}

bool isNumber(hid_t type)
{
    const auto c = H5Tget_class(type);
    return c == H5T_INTEGER || c == H5T_FLOAT;
}

// HDF5 converts what a file declares without checking it: a compound whose second member
// sat at offset 2^26 of a 16-byte type made H5Dread write far outside its buffer (found by
// fuzz_hdf5). The numeric types LatentLens reads are checked before HDF5 converts them.
bool plausibleNumber(hid_t type)
{
    if (!isNumber(type))
        return false;
    const std::size_t size = H5Tget_size(type);
    if (size != 1 && size != 2 && size != 4 && size != 8)
        return false;
    const std::size_t bits = 8 * size;
    const std::size_t precision = H5Tget_precision(type);
    const int offset = H5Tget_offset(type);
    if (precision == 0 || offset < 0 || std::size_t(offset) + precision > bits)
        return false;
    if (H5Tget_class(type) != H5T_FLOAT)
        return true;
    std::size_t signBit = 0, exponentBit = 0, exponentSize = 0, mantissaBit = 0, mantissaSize = 0;
    if (H5Tget_fields(type, &signBit, &exponentBit, &exponentSize, &mantissaBit, &mantissaSize) < 0)
        return false;
    return signBit < bits && exponentSize > 0 && exponentBit + exponentSize <= bits
        && mantissaSize > 0 && mantissaBit + mantissaSize <= bits;
}

// A two-member compound of plausible numbers that lie inside it, apart: h5py's and MATLAB's
// complex numbers.
bool plausibleComplex(hid_t type)
{
    if (H5Tget_class(type) != H5T_COMPOUND || H5Tget_nmembers(type) != 2)
        return false;
    const std::size_t size = H5Tget_size(type);
    std::size_t ends[2] = {}, starts[2] = {};
    for (unsigned m = 0; m < 2; ++m) {
        const hid_t member = H5Tget_member_type(type, m);
        const bool number = member >= 0 && plausibleNumber(member);
        const std::size_t memberSize = member >= 0 ? H5Tget_size(member) : 0;
        if (member >= 0)
            H5Tclose(member);
        starts[m] = H5Tget_member_offset(type, m);
        if (!number || starts[m] > size || memberSize > size - starts[m])
            return false;
        ends[m] = starts[m] + memberSize;
    }
    return ends[0] <= starts[1] || ends[1] <= starts[0];
}

// zlib, HDF5's usual filter, cannot compress better than about 1032:1.
constexpr double maxDeflateRatio = 1032.0;

// The number of elements of dataset `full` (shape `dims`, stored as `type`), checked before
// anything is allocated for them: stored at their type's size they must fit in the file
// (compressed within zlib's best ratio; a dataset never written, all fill value, that large
// is refused too), and read as `memoryBytes` each they must fit in the machine's memory.
std::size_t checkedCount(const std::filesystem::path& path, std::uintmax_t fileSize,
    const std::string& full, const std::vector<hsize_t>& dims, hid_t type, std::size_t memoryBytes)
{
    std::size_t count = 1;
    bool overflows = false, empty = false;
    for (const hsize_t d : dims) {
        empty = empty || d == 0;
        overflows = overflows || (d != 0 && count > std::numeric_limits<std::size_t>::max() / d);
        count = overflows ? count : count * std::size_t(d);
    }
    if (empty)
        return 0;
    const double stored = overflows
        ? std::numeric_limits<double>::infinity()
        : double(count) * double(std::max<std::size_t>(1, H5Tget_size(type)));
    if (stored > maxDeflateRatio * double(fileSize))
        throw IoError(path,
            "the dataset '" + full + "' declares more data than the file's "
                + std::to_string(fileSize) + " bytes can hold; the file is corrupt.");
    const double memory = double(physicalMemoryBytes());
    if (memory > 0 && double(count) * double(memoryBytes) > 0.75 * memory)
        throw IoError(path,
            "the dataset '" + full
                + "' needs more than three quarters of this machine's memory to read.");
    return count;
}

} // namespace

bool Hdf5Reader::isHdf5(const std::filesystem::path& path)
{
    static const std::array<unsigned char, 8> signature { 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a,
        '\n' };
    std::ifstream in(path, std::ios::binary);
    // The signature sits at 0 or, after a user block, at 512, 1024, 2048, ...
    for (std::streamoff offset = 0; in && offset <= 65536; offset = offset ? offset * 2 : 512) {
        std::array<unsigned char, 8> got {};
        in.seekg(offset);
        in.read(reinterpret_cast<char*>(got.data()), got.size());
        if (in.gcount() != std::streamsize(got.size()))
            return false;
        if (got == signature)
            return true;
    }
    return false;
}

Hdf5Reader::Hdf5Reader(const std::filesystem::path& path) : mPath(path)
{
    mFileSize = requireNonEmptyFile(path);
    if (!isHdf5(path))
        throw IoError(path, "not an HDF5 file (the HDF5 signature is missing).");
    std::lock_guard lock(hdf5Mutex());
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); // errors become our messages, not stderr
    mFile = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
    if (mFile < 0)
        throw IoError(path, "the HDF5 file cannot be opened; it may be truncated or corrupt.");
    std::ifstream in(path, std::ios::binary);
    char head[19] = {};
    in.read(head, sizeof head);
    mMatlab = std::string(head, sizeof head) == "MATLAB 7.3 MAT-file";
}

Hdf5Reader::~Hdf5Reader()
{
    std::lock_guard lock(hdf5Mutex());
    if (mFile >= 0)
        H5Fclose(mFile);
}

bool Hdf5Reader::isDataset(const std::string& name) const
{
    std::lock_guard lock(hdf5Mutex());
    return objectType(mFile, name) == H5O_TYPE_DATASET;
}

bool Hdf5Reader::isGroup(const std::string& name) const
{
    std::lock_guard lock(hdf5Mutex());
    return objectType(mFile, name) == H5O_TYPE_GROUP;
}

std::vector<std::string> Hdf5Reader::members(const std::string& group) const
{
    std::lock_guard lock(hdf5Mutex());
    if (objectType(mFile, group) != H5O_TYPE_GROUP)
        throw IoError(mPath, "the file has no group '" + absoluteName(group) + "'.");
    Handle g(H5Gopen2(mFile, absoluteName(group).c_str(), H5P_DEFAULT), H5Gclose);
    H5G_info_t info;
    if (!g.valid() || H5Gget_info(g.get(), &info) < 0)
        throw IoError(mPath, "the group '" + absoluteName(group) + "' cannot be read.");
    std::vector<std::string> names;
    for (hsize_t i = 0; i < info.nlinks; ++i) {
        const ssize_t length = H5Lget_name_by_idx(
            g.get(), ".", H5_INDEX_NAME, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
        if (length < 0)
            continue;
        std::string name(std::size_t(length) + 1, '\0');
        H5Lget_name_by_idx(
            g.get(), ".", H5_INDEX_NAME, H5_ITER_INC, i, name.data(), name.size(), H5P_DEFAULT);
        name.resize(std::size_t(length));
        names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

NdArray Hdf5Reader::readArray(const std::string& name) const
{
    std::lock_guard lock(hdf5Mutex());
    const std::string full = absoluteName(name);
    const auto kind = objectType(mFile, full);
    if (kind == H5O_TYPE_GROUP)
        throw IoError(
            mPath, "'" + full + "' is a group, not a dataset; give the dataset inside it.");
    if (kind != H5O_TYPE_DATASET)
        throw IoError(mPath, "the file has no dataset '" + full + "'.");
    Handle dataset(H5Dopen2(mFile, full.c_str(), H5P_DEFAULT), H5Dclose);
    Handle type(H5Dget_type(dataset.get()), H5Tclose);
    Handle space(H5Dget_space(dataset.get()), H5Sclose);
    if (!dataset.valid() || !type.valid() || !space.valid())
        throw IoError(mPath, "the dataset '" + full + "' cannot be opened.");
    const int rank = H5Sget_simple_extent_ndims(space.get());
    if (rank < 0)
        throw IoError(mPath, "the dataset '" + full + "' has no simple shape.");
    std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
    H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr);
    NdArray array;
    for (auto d : dims)
        array.shape.push_back(std::size_t(d));
    const std::size_t count
        = checkedCount(mPath, mFileSize, full, dims, type.get(), sizeof(std::complex<double>));
    array.values.resize(count);

    const H5T_class_t typeClass = H5Tget_class(type.get());
    herr_t status = -1;
    const auto corrupt = [&] {
        return IoError(mPath,
            "the dataset '" + full + "' declares a number type that is corrupt ("
                + typeText(type.get()) + " with fields outside it).");
    };
    if (isNumber(type.get())) {
        if (!plausibleNumber(type.get()))
            throw corrupt();
        array.dtype = typeText(type.get());
        std::vector<double> buffer(count);
        status = H5Dread(
            dataset.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer.data());
        std::copy(buffer.begin(), buffer.end(), array.values.begin());
    } else if (typeClass == H5T_COMPOUND && H5Tget_nmembers(type.get()) == 2) {
        Handle re(H5Tget_member_type(type.get(), 0), H5Tclose);
        Handle im(H5Tget_member_type(type.get(), 1), H5Tclose);
        if (!isNumber(re.get()) || !isNumber(im.get()))
            throw IoError(mPath,
                "the dataset '" + full + "' is a compound of non-numbers, not a complex array.");
        if (!plausibleComplex(type.get()))
            throw corrupt();
        char* reName = H5Tget_member_name(type.get(), 0);
        char* imName = H5Tget_member_name(type.get(), 1);
        Handle memory(H5Tcreate(H5T_COMPOUND, sizeof(std::complex<double>)), H5Tclose);
        const bool inserted = reName && imName
            && H5Tinsert(memory.get(), reName, 0, H5T_NATIVE_DOUBLE) >= 0
            && H5Tinsert(memory.get(), imName, sizeof(double), H5T_NATIVE_DOUBLE) >= 0;
        H5free_memory(reName);
        H5free_memory(imName);
        if (!inserted) // e.g. both parts under one name
            throw corrupt();
        array.isComplex = true;
        array.dtype = "<c" + std::to_string(2 * H5Tget_size(re.get()));
        status = H5Dread(
            dataset.get(), memory.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, array.values.data());
    } else {
        throw IoError(mPath,
            "the dataset '" + full + "' is " + typeText(type.get())
                + ", not an array of numbers or complex numbers.");
    }
    if (status < 0)
        throw IoError(mPath, "the dataset '" + full + "' cannot be read; the file may be corrupt.");
    return array;
}

std::vector<std::string> Hdf5Reader::readStrings(const std::string& name) const
{
    std::lock_guard lock(hdf5Mutex());
    const std::string full = absoluteName(name);
    if (objectType(mFile, full) != H5O_TYPE_DATASET)
        throw IoError(mPath, "the file has no dataset '" + full + "'.");
    Handle dataset(H5Dopen2(mFile, full.c_str(), H5P_DEFAULT), H5Dclose);
    Handle type(H5Dget_type(dataset.get()), H5Tclose);
    Handle space(H5Dget_space(dataset.get()), H5Sclose);
    if (H5Tget_class(type.get()) != H5T_STRING)
        throw IoError(mPath, "the dataset '" + full + "' does not hold text.");
    const int rank = H5Sget_simple_extent_ndims(space.get());
    if (rank < 0)
        throw IoError(mPath, "the dataset '" + full + "' has no simple shape.");
    std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
    H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr);
    const std::size_t count = checkedCount(
        mPath, mFileSize, full, dims, type.get(), sizeof(std::string) + H5Tget_size(type.get()));
    std::vector<std::string> out;
    if (H5Tis_variable_str(type.get()) > 0) {
        Handle memory(H5Tcopy(H5T_C_S1), H5Tclose);
        H5Tset_size(memory.get(), H5T_VARIABLE);
        H5Tset_cset(memory.get(), H5Tget_cset(type.get())); // HDF5 does not convert charsets
        std::vector<char*> text(count, nullptr);
        if (H5Dread(dataset.get(), memory.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, text.data()) < 0) {
            // What a read that failed half-way allocated (found leaking by fuzz_xrf).
            H5Dvlen_reclaim(memory.get(), space.get(), H5P_DEFAULT, text.data());
            throw IoError(mPath, "the text dataset '" + full + "' cannot be read.");
        }
        for (char* s : text)
            out.emplace_back(s ? s : "");
        H5Dvlen_reclaim(memory.get(), space.get(), H5P_DEFAULT, text.data());
    } else {
        // One byte more than stored, null-terminated: HDF5 then keeps every character of a
        // null-padded or space-padded string.
        const std::size_t size = H5Tget_size(type.get()) + 1;
        Handle memory(H5Tcopy(H5T_C_S1), H5Tclose);
        H5Tset_size(memory.get(), size);
        H5Tset_cset(memory.get(), H5Tget_cset(type.get()));
        std::vector<char> buffer(count * size);
        if (H5Dread(dataset.get(), memory.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer.data()) < 0)
            throw IoError(mPath, "the text dataset '" + full + "' cannot be read.");
        for (std::size_t i = 0; i < count; ++i) {
            std::string s(buffer.data() + i * size, size);
            s.erase(std::find(s.begin(), s.end(), '\0'), s.end());
            out.push_back(s);
        }
    }
    for (auto& s : out) {
        const auto last = s.find_last_not_of(' ');
        s.erase(last == std::string::npos ? 0 : last + 1);
    }
    return out;
}

std::optional<double> Hdf5Reader::readScalar(const std::string& name) const
{
    std::lock_guard lock(hdf5Mutex());
    if (objectType(mFile, name) != H5O_TYPE_DATASET)
        return std::nullopt;
    try {
        const NdArray a = readArray(name);
        if (a.isComplex || a.values.empty())
            return std::nullopt;
        return a.values.front().real();
    } catch (const IoError&) {
        return std::nullopt;
    }
}

} // namespace latentlens::engine
