#include "engine/io/matfile.h"

#include "engine/core/exception.h"
#include "engine/core/filecheck.h"
#include "engine/io/hdf5lock.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <fstream>
#include <hdf5.h>
#include <iterator>
#include <limits>
#include <matio.h>
#include <mutex>
#include <vector>

namespace latentlens::engine {

namespace {

using detail::hdf5Mutex;

// Nothing larger is a probe; it also keeps every size computation far from overflow.
constexpr std::size_t maxElements = std::size_t(1) << 31;
// zlib cannot compress better than about 1032:1, so a compressed variable's elements need at
// least this fraction of a byte each in the file.
constexpr std::size_t maxDeflateRatio = 1032;

// libmatio reports problems through a log function; the default one prints to stderr and
// aborts the program on errors. Ours keeps the messages for our exceptions. Some failures
// are only logged: a truncated compressed variable is read as zeros with a warning, and a
// truncated 7.3 file "opens" although HDF5 refused it. It is called under hdf5Mutex(), as
// every libmatio call is.
struct MatioLog
{
    std::string message; // the last problem, on one line
    bool complained = false;
};

MatioLog& matioLog()
{
    static MatioLog log;
    return log;
}

void keepMatioMessage(int level, char* message)
{
    if (!(level & (MATIO_LOG_LEVEL_ERROR | MATIO_LOG_LEVEL_CRITICAL | MATIO_LOG_LEVEL_WARNING)))
        return;
    std::string line;
    for (const char* c = message ? message : ""; *c; ++c)
        if (!std::isspace(static_cast<unsigned char>(*c)))
            line += *c;
        else if (!line.empty() && line.back() != ' ')
            line += ' ';
    matioLog().message = line.substr(0, 200);
    matioLog().complained = true;
}

void installMatioLog()
{
    static std::once_flag once;
    std::call_once(once, [] { Mat_LogInitFunc("latentlens", keepMatioMessage); });
}

void clearMatioLog()
{
    matioLog() = {};
}

// " (libmatio: ...)" when libmatio said why, to be appended to a message.
std::string matioReason()
{
    const std::string& m = matioLog().message;
    return m.empty() ? std::string() : " (libmatio: " + m + ")";
}

struct VarDeleter
{
    void operator()(matvar_t* v) const { Mat_VarFree(v); }
};
using VarPtr = std::unique_ptr<matvar_t, VarDeleter>;

std::string className(const matvar_t& v)
{
    switch (v.class_type) {
    case MAT_C_DOUBLE:
        return "double";
    case MAT_C_SINGLE:
        return "single";
    case MAT_C_INT8:
        return "int8";
    case MAT_C_UINT8:
        return v.isLogical ? "logical" : "uint8";
    case MAT_C_INT16:
        return "int16";
    case MAT_C_UINT16:
        return "uint16";
    case MAT_C_INT32:
        return "int32";
    case MAT_C_UINT32:
        return "uint32";
    case MAT_C_INT64:
        return "int64";
    case MAT_C_UINT64:
        return "uint64";
    case MAT_C_STRUCT:
        return "struct";
    case MAT_C_CELL:
        return "cell";
    case MAT_C_CHAR:
        return "char";
    case MAT_C_SPARSE:
        return "sparse";
    case MAT_C_EMPTY:
        return "empty";
    case MAT_C_FUNCTION:
        return "function_handle";
    case MAT_C_OBJECT:
    case MAT_C_OPAQUE:
        return "object";
    }
    return "unknown";
}

// The product of the dims, saturating at SIZE_MAX (a corrupt header can declare anything).
std::size_t countOf(const std::vector<std::size_t>& dims)
{
    std::size_t n = 1;
    for (std::size_t d : dims) {
        if (d != 0 && n > std::numeric_limits<std::size_t>::max() / d)
            return std::numeric_limits<std::size_t>::max();
        n *= d;
    }
    return n;
}

MatVariable describe(const matvar_t& v, const std::string& name)
{
    MatVariable out;
    out.name = name;
    out.className = className(v);
    if (v.dims)
        out.dims.assign(v.dims, v.dims + std::max(v.rank, 0));
    out.isComplex = v.isComplex != 0;
    return out;
}

// The least number of bytes the file needs for `v` and everything in it: one per element
// (MATLAB stores doubles as uint8 when they fit), two when complex. Saturates.
std::size_t leastStoredBytes(matvar_t* v)
{
    if (!v || !v->dims)
        return 0;
    const std::size_t count = countOf({ v->dims, v->dims + std::max(v->rank, 0) });
    auto add = [](std::size_t a, std::size_t b) {
        return a > std::numeric_limits<std::size_t>::max() - b
            ? std::numeric_limits<std::size_t>::max()
            : a + b;
    };
    std::size_t total = 0;
    if (v->class_type == MAT_C_STRUCT) {
        const unsigned fields = Mat_VarGetNumberOfFields(v);
        for (std::size_t i = 0; i < count && i < maxElements; ++i)
            for (unsigned f = 0; f < fields; ++f)
                total = add(total, leastStoredBytes(Mat_VarGetStructFieldByIndex(v, f, i)));
        return total;
    }
    if (v->class_type == MAT_C_CELL) {
        for (std::size_t i = 0; i < count && i < maxElements; ++i)
            total = add(total, leastStoredBytes(Mat_VarGetCell(v, int(i))));
        return total;
    }
    return v->isComplex && count <= std::numeric_limits<std::size_t>::max() / 2 ? 2 * count : count;
}

template <typename T>
void widen(const void* re, const void* im, std::vector<std::complex<double>>& out)
{
    const T* r = static_cast<const T*>(re);
    const T* i = static_cast<const T*>(im);
    for (std::size_t k = 0; k < out.size(); ++k)
        out[k] = { double(r[k]), i ? double(i[k]) : 0.0 };
}

// NumPy's notation for the stored class, as NdArray::dtype uses it.
std::string dtypeOf(const matvar_t& v)
{
    const std::size_t size = Mat_SizeOfClass(v.class_type);
    if (v.isComplex)
        return "<c" + std::to_string(2 * size);
    switch (v.class_type) {
    case MAT_C_DOUBLE:
    case MAT_C_SINGLE:
        return "<f" + std::to_string(size);
    case MAT_C_UINT8:
    case MAT_C_UINT16:
    case MAT_C_UINT32:
    case MAT_C_UINT64:
        return "<u" + std::to_string(size);
    default:
        return "<i" + std::to_string(size);
    }
}

// libmatio allocates a version 4 variable's name and data as its header declares before it
// reads them: a 220-byte file asked for 2 GB (found by fuzz_mat). A file without a version 5
// or 7.3 header is walked here first, header by header (type, rows, columns, imaginary flag,
// name length; either byte order), and refused when a variable claims more than is left.
void checkVersion4Headers(const std::filesystem::path& path, std::uintmax_t fileSize)
{
    static constexpr double elementSize[] = { 8, 4, 4, 2, 2, 1 }; // the P digit of the type
    std::ifstream in(path, std::ios::binary);
    std::uintmax_t offset = 0;
    for (int variable = 1; offset < fileSize; ++variable) {
        std::array<unsigned char, 20> header {};
        in.seekg(std::streamoff(offset));
        in.read(reinterpret_cast<char*>(header.data()), header.size());
        if (in.gcount() != std::streamsize(header.size()))
            return; // a header cut short: libmatio says so
        const auto field = [&](int i, bool swap) {
            std::uint32_t v = 0;
            for (int b = 0; b < 4; ++b)
                v |= std::uint32_t(header[std::size_t(4 * i + (swap ? 3 - b : b))]) << (8 * b);
            return v;
        };
        bool swap = false;
        std::uint32_t type = field(0, false);
        if (type > 4052) {
            swap = true;
            type = field(0, true);
        }
        const std::uint32_t precision = (type / 10) % 10;
        if (type > 4052 || precision > 5)
            return; // not a version 4 header: libmatio refuses the file itself
        const double data = double(field(1, swap)) * double(field(2, swap)) * elementSize[precision]
            * (field(3, swap) ? 2.0 : 1.0);
        const double needed = 20.0 + double(field(4, swap)) + data;
        if (needed > double(fileSize - offset))
            throw IoError(path,
                "variable " + std::to_string(variable)
                    + " of the version 4 MAT-file declares more data than the file holds; the "
                      "file is truncated or corrupt.");
        offset += 20 + field(4, swap) + std::uintmax_t(data);
    }
}

// The version libmatio will read the file as: it looks at the version and byte-order marks at
// offset 124 of the 128-byte header (0x0100 version 5, 0x0200 version 7.3), not at the text,
// and reads any other file as version 4.
int headerVersion(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::array<unsigned char, 128> head {};
    in.read(reinterpret_cast<char*>(head.data()), head.size());
    if (in.gcount() != std::streamsize(head.size()))
        return 4;
    const bool little = head[126] == 'I' && head[127] == 'M';
    const bool big = head[126] == 'M' && head[127] == 'I';
    if (!little && !big)
        return 4;
    const unsigned version = little ? head[124] | (head[125] << 8) : (head[124] << 8) | head[125];
    return version == 0x0100 ? 5 : version == 0x0200 ? 73 : 4;
}

// The same for version 5: libmatio takes the byte counts of a variable's tags as given while
// it lists the file (a 355-byte file asked for 1.8 GB; found by fuzz_mat). Every element of
// an uncompressed variable, nested ones included, must lie inside the one that holds it, and
// every variable inside the file. Compressed variables are inflated by libmatio as it reads,
// within the limits of what their compressed bytes can give.
void checkVersion5Elements(const std::filesystem::path& path, std::uintmax_t fileSize)
{
    std::ifstream in(path, std::ios::binary);
    std::vector<unsigned char> bytes(
        (std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.size() < 128)
        return; // libmatio refuses the header itself
    const bool swap = bytes[126] == 'M' && bytes[127] == 'I'; // written on the other byte order
    const auto word = [&](std::size_t at) {
        std::uint32_t v = 0;
        for (int b = 0; b < 4; ++b)
            v |= std::uint32_t(bytes[at + std::size_t(swap ? 3 - b : b)]) << (8 * b);
        return v;
    };
    const auto corrupt = [&] {
        return IoError(path,
            "an element of the MAT-file declares more bytes than hold it; the file is "
            "truncated or corrupt.");
    };
    constexpr std::uint32_t miMatrix = 14, miCompressed = 15;
    // A cell or struct array: libmatio allocates a slot per element as its dimensions say,
    // and every element is itself an element of at least 8 bytes inside this one.
    const auto checkContainerDims = [&](std::size_t begin, std::size_t end) {
        if (end - begin < 16 || word(begin) >> 16 || word(begin + 4) != 8)
            return; // no array-flags element where libmatio expects it: it refuses the file
        const std::uint32_t matrixClass = word(begin + 8) & 0xFF;
        const std::size_t dims = begin + 16;
        if ((matrixClass != 1 && matrixClass != 2) || dims + 8 > end || word(dims) >> 16)
            return; // not a cell (1) or struct (2)
        const std::size_t dimsEnd = std::min<std::size_t>(dims + 8 + word(dims + 4), end);
        double elements = 1;
        for (std::size_t d = dims + 8; d + 4 <= dimsEnd; d += 4)
            elements *= double(word(d));
        if (elements * 8 > double(end - begin))
            throw corrupt();
    };
    // Walks the elements in [begin, end); `depth` bounds the nesting of cells and structs.
    const auto walk = [&](const auto& self, std::size_t begin, std::size_t end, int depth) -> void {
        for (std::size_t at = begin; at + 8 <= end;) {
            const std::uint32_t first = word(at);
            if (first >> 16) { // small element: type and byte count in one word, data in 4 bytes
                at += 8;
                continue;
            }
            const std::uint64_t size = word(at + 4);
            if (size > end - at - 8) {
                if (depth == 0 && first == miCompressed)
                    return; // the last variable may be cut short; libmatio reports it
                throw corrupt();
            }
            if (first == miMatrix && depth < 8) {
                checkContainerDims(at + 8, at + 8 + std::size_t(size));
                self(self, at + 8, at + 8 + std::size_t(size), depth + 1);
            }
            const std::uint64_t padded
                = depth == 0 && first == miCompressed ? size : (size + 7) / 8 * 8;
            at += 8 + std::size_t(std::min<std::uint64_t>(padded, end - at - 8));
        }
    };
    walk(walk, 128, std::size_t(std::min<std::uintmax_t>(fileSize, bytes.size())), 0);
}

} // namespace

bool MatVariable::isNumeric() const
{
    static const std::array<const char*, 11> numeric { "double", "single", "int8", "uint8", "int16",
        "uint16", "int32", "uint32", "int64", "uint64", "logical" };
    return std::find(numeric.begin(), numeric.end(), className) != numeric.end();
}

std::size_t MatVariable::elementCount() const
{
    return countOf(dims);
}

std::string MatVariable::sizeText() const
{
    std::string text = "[";
    for (std::size_t i = 0; i < dims.size(); ++i)
        text += (i ? " " : "") + std::to_string(dims[i]);
    return text + "]";
}

struct MatFile::Impl
{
    std::filesystem::path path;
    mat_t* mat = nullptr;
    std::uintmax_t fileSize = 0;
    std::vector<MatVariable> variables;
    std::vector<bool> compressed; // per variable: stored deflated (a 7.3 file may always be)
};

bool MatFile::hasHeader(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::array<char, 19> head {};
    in.read(head.data(), head.size());
    const std::string text(head.data(), std::size_t(in.gcount()));
    return text == "MATLAB 5.0 MAT-file" || text == "MATLAB 7.3 MAT-file";
}

MatFile::MatFile(const std::filesystem::path& path) : mImpl(std::make_unique<Impl>())
{
    mImpl->path = path;
    mImpl->fileSize = requireNonEmptyFile(path);
    switch (headerVersion(path)) {
    case 5:
        checkVersion5Elements(path, mImpl->fileSize);
        break;
    case 4:
        checkVersion4Headers(path, mImpl->fileSize);
        break;
    default: // 7.3: HDF5 reads it
        break;
    }
    std::lock_guard lock(hdf5Mutex());
    installMatioLog();
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); // HDF5's errors become ours, not stderr
    clearMatioLog();
    mImpl->mat = Mat_Open(path.c_str(), MAT_ACC_RDONLY);
    if (mImpl->mat && Mat_GetVersion(mImpl->mat) == MAT_FT_MAT73) {
        // libmatio returns a 7.3 file even when HDF5 refused to open it (a truncated file).
        const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
        if (file < 0) {
            const std::string reason = matioReason();
            Mat_Close(mImpl->mat);
            mImpl->mat = nullptr;
            throw IoError(path,
                "the MATLAB 7.3 (HDF5) file cannot be opened; it may be truncated or corrupt"
                    + reason + ".");
        }
        H5Fclose(file);
    }
    if (!mImpl->mat)
        throw IoError(path,
            "not a MATLAB MAT-file that can be read (versions 4, 5 to 7 and 7.3 are); it may "
            "be truncated or corrupt"
                + matioReason() + ".");
    const bool v73 = Mat_GetVersion(mImpl->mat) == MAT_FT_MAT73;
    Mat_Rewind(mImpl->mat);
    while (VarPtr info { Mat_VarReadNextInfo(mImpl->mat) }) {
        const std::string name = info->name ? info->name : "";
        const bool deflated = v73 || info->compression == MAT_COMPRESSION_ZLIB;
        mImpl->variables.push_back(describe(*info, name));
        mImpl->compressed.push_back(deflated);
        if (info->class_type != MAT_C_STRUCT || mImpl->variables.back().elementCount() != 1)
            continue;
        char* const* fieldNames = Mat_VarGetStructFieldnames(info.get());
        const unsigned fields = Mat_VarGetNumberOfFields(info.get());
        for (unsigned f = 0; fieldNames && f < fields; ++f)
            if (const matvar_t* field = Mat_VarGetStructFieldByIndex(info.get(), f, 0)) {
                mImpl->variables.push_back(describe(*field, name + "." + fieldNames[f]));
                mImpl->compressed.push_back(deflated);
            }
    }
    if (mImpl->variables.empty() && matioLog().complained) {
        const std::string reason = matioReason();
        Mat_Close(mImpl->mat);
        mImpl->mat = nullptr;
        throw IoError(path,
            "no variable of the MAT-file can be listed; it may be truncated or corrupt" + reason
                + ".");
    }
}

MatFile::~MatFile()
{
    std::lock_guard lock(hdf5Mutex());
    if (mImpl->mat)
        Mat_Close(mImpl->mat);
}

const std::filesystem::path& MatFile::path() const noexcept
{
    return mImpl->path;
}

std::string MatFile::version() const
{
    std::lock_guard lock(hdf5Mutex());
    switch (Mat_GetVersion(mImpl->mat)) {
    case MAT_FT_MAT73:
        return "7.3";
    case MAT_FT_MAT4:
        return "4";
    default:
        return "5";
    }
}

const std::vector<MatVariable>& MatFile::variables() const noexcept
{
    return mImpl->variables;
}

const MatVariable* MatFile::find(const std::string& name) const
{
    for (const auto& v : mImpl->variables)
        if (v.name == name)
            return &v;
    return nullptr;
}

NdArray MatFile::readArray(const std::string& name) const
{
    const auto& path = mImpl->path;
    const auto found = std::find_if(mImpl->variables.begin(), mImpl->variables.end(),
        [&](const MatVariable& v) { return v.name == name; });
    if (found == mImpl->variables.end()) {
        std::string have;
        for (const auto& v : mImpl->variables)
            have += (have.empty() ? "" : ", ") + v.name;
        throw IoError(path,
            "the MAT-file has no variable '" + name
                + "'; it holds: " + (have.empty() ? std::string("nothing") : have) + ".");
    }
    const MatVariable& variable = *found;
    if (!variable.isNumeric())
        throw IoError(path,
            "'" + name + "' is a MATLAB " + variable.className + " " + variable.sizeText()
                + ", not a numeric array.");
    const std::size_t count = variable.elementCount();
    if (count > maxElements)
        throw IoError(path,
            "'" + name + "' declares " + variable.sizeText()
                + ", more than 2^31 elements; the file is corrupt or not a probe.");
    const bool deflated = mImpl->compressed[std::size_t(found - mImpl->variables.begin())];
    const std::uintmax_t least = std::uintmax_t(count) * (variable.isComplex ? 2 : 1);
    const std::uintmax_t room = mImpl->fileSize * (deflated ? maxDeflateRatio : 1);
    if (least > room)
        throw IoError(path,
            "'" + name + "' declares a " + variable.sizeText() + " array, more than the file's "
                + std::to_string(mImpl->fileSize)
                + " bytes can hold; the file is truncated or corrupt.");

    std::lock_guard lock(hdf5Mutex());
    clearMatioLog();
    const auto dot = name.find('.');
    VarPtr whole;
    const matvar_t* v = nullptr;
    if (dot == std::string::npos) {
        whole.reset(Mat_VarRead(mImpl->mat, name.c_str()));
        v = whole.get();
    } else {
        // libmatio reads a struct whole; check all of it fits the file before it allocates.
        const std::string parent = name.substr(0, dot);
        if (VarPtr info { Mat_VarReadInfo(mImpl->mat, parent.c_str()) }) {
            const std::size_t bytes = leastStoredBytes(info.get());
            if (bytes > room || bytes > 2 * maxElements)
                throw IoError(path,
                    "the struct '" + parent + "' declares more data than the file's "
                        + std::to_string(mImpl->fileSize)
                        + " bytes can hold; the file is truncated or corrupt.");
        }
        whole.reset(Mat_VarRead(mImpl->mat, parent.c_str()));
        if (whole)
            v = Mat_VarGetStructFieldByName(whole.get(), name.c_str() + dot + 1, 0);
    }
    const bool sameShape = v && v->dims && v->rank == int(variable.dims.size())
        && std::equal(variable.dims.begin(), variable.dims.end(), v->dims)
        && (v->isComplex != 0) == variable.isComplex;
    if (!v || !v->data || !sameShape || matioLog().complained)
        throw IoError(path,
            "'" + name + "' cannot be read; the file may be truncated or corrupt" + matioReason()
                + ".");

    NdArray array;
    array.shape.assign(variable.dims.rbegin(), variable.dims.rend());
    array.isComplex = variable.isComplex;
    array.dtype = dtypeOf(*v);
    array.values.resize(count);
    const void* re = v->data;
    const void* im = nullptr;
    if (v->isComplex) {
        const auto* split = static_cast<const mat_complex_split_t*>(v->data);
        re = split->Re;
        im = split->Im;
        if (!re || !im)
            throw IoError(path, "'" + name + "' has no real or imaginary part; it is corrupt.");
    }
    switch (v->data_type) {
    case MAT_T_DOUBLE:
        widen<double>(re, im, array.values);
        break;
    case MAT_T_SINGLE:
        widen<float>(re, im, array.values);
        break;
    case MAT_T_INT8:
        widen<std::int8_t>(re, im, array.values);
        break;
    case MAT_T_UINT8:
        widen<std::uint8_t>(re, im, array.values);
        break;
    case MAT_T_INT16:
        widen<std::int16_t>(re, im, array.values);
        break;
    case MAT_T_UINT16:
        widen<std::uint16_t>(re, im, array.values);
        break;
    case MAT_T_INT32:
        widen<std::int32_t>(re, im, array.values);
        break;
    case MAT_T_UINT32:
        widen<std::uint32_t>(re, im, array.values);
        break;
    case MAT_T_INT64:
        widen<std::int64_t>(re, im, array.values);
        break;
    case MAT_T_UINT64:
        widen<std::uint64_t>(re, im, array.values);
        break;
    default:
        throw IoError(path,
            "'" + name + "' is stored as libmatio data type " + std::to_string(int(v->data_type))
                + ", which is not a number type.");
    }
    return array;
}

} // namespace latentlens::engine
