#include "engine/io/npyio.h"

#include "engine/core/exception.h"
#include "engine/core/filecheck.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <limits>
#include <numeric>
#include <sstream>
#include <zlib.h>

namespace latentlens::engine {

std::size_t NdArray::elementCount() const
{
    return std::accumulate(shape.begin(), shape.end(), std::size_t(1), std::multiplies<>());
}

std::string NdArray::shapeText() const
{
    std::string text = "(";
    for (std::size_t i = 0; i < shape.size(); ++i)
        text += (i ? ", " : "") + std::to_string(shape[i]);
    return text + (shape.size() == 1 ? ",)" : ")");
}

namespace {

using Bytes = std::vector<unsigned char>;

Bytes readAll(const std::filesystem::path& path)
{
    requireNonEmptyFile(path);
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw IoError(path, "the file cannot be opened for reading (permissions?).");
    Bytes bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return bytes;
}

// zlib cannot compress better than about 1032:1: a deflated member that claims to inflate to
// more than this many times its compressed size is corrupt.
constexpr std::uint64_t maxDeflateRatio = 1032;

// Whether `length` bytes from `offset` lie within a buffer of `size` bytes; offsets and
// lengths come from the file, so neither sum may be formed before the comparison.
bool within(std::uint64_t offset, std::uint64_t length, std::size_t size)
{
    return offset <= size && length <= size - offset;
}

// Little-endian unsigned integer at p (zip and .npy header fields).
template <typename T> T little(const unsigned char* p)
{
    T v = 0;
    for (std::size_t i = sizeof(T); i-- > 0;)
        v = T((v << 8) | p[i]);
    return v;
}

// The value of key `key` in the header dict, as written by numpy's repr.
std::string headerValue(const std::string& header, const std::string& key)
{
    const auto at = header.find("'" + key + "'");
    if (at == std::string::npos)
        return {};
    auto pos = header.find(':', at);
    if (pos == std::string::npos)
        return {};
    ++pos;
    while (pos < header.size() && header[pos] == ' ')
        ++pos;
    if (pos >= header.size())
        return {};
    const char open = header[pos];
    if (open == '\'' || open == '"') {
        const auto end = header.find(open, pos + 1);
        return end == std::string::npos ? std::string() : header.substr(pos, end - pos + 1);
    }
    if (open == '(' || open == '[') {
        const auto end = header.find(open == '(' ? ')' : ']', pos);
        return end == std::string::npos ? std::string() : header.substr(pos, end - pos + 1);
    }
    auto end = header.find_first_of(",}", pos);
    return header.substr(pos, end - pos);
}

struct ElementType
{
    char kind = 0; // f, c, i, u
    std::size_t size = 0;
    bool bigEndian = false;
};

ElementType parseDescr(const std::filesystem::path& path, const std::string& quoted)
{
    if (quoted.size() < 4 || (quoted.front() != '\'' && quoted.front() != '"'))
        throw IoError(path,
            "the array holds records or an unknown element type (" + quoted
                + "); LatentLens reads arrays of numbers (float, complex or integer).");
    const std::string descr = quoted.substr(1, quoted.size() - 2);
    ElementType type;
    type.bigEndian = descr[0] == '>';
    if (descr[0] != '<' && descr[0] != '>' && descr[0] != '|' && descr[0] != '=')
        throw IoError(path, "the array's element type '" + descr + "' is not understood.");
    type.kind = descr[1];
    type.size = std::size_t(std::atoi(descr.c_str() + 2));
    const bool ok = (type.kind == 'f' && (type.size == 4 || type.size == 8))
        || (type.kind == 'c' && (type.size == 8 || type.size == 16))
        || ((type.kind == 'i' || type.kind == 'u')
            && (type.size == 1 || type.size == 2 || type.size == 4 || type.size == 8));
    if (!ok)
        throw IoError(path,
            "the array's element type '" + descr
                + "' is not supported; a probe or image must be float32/64, complex64/128 or "
                  "an integer type.");
    return type;
}

template <typename T> T element(const unsigned char* p, bool swap)
{
    T v;
    std::memcpy(&v, p, sizeof v);
    if (swap) {
        unsigned char b[sizeof v];
        std::memcpy(b, &v, sizeof v);
        std::reverse(b, b + sizeof v);
        std::memcpy(&v, b, sizeof v);
    }
    return v;
}

double realAt(const unsigned char* p, const ElementType& t, bool swap)
{
    switch (t.kind) {
    case 'f':
        return t.size == 4 ? double(element<float>(p, swap)) : element<double>(p, swap);
    case 'i':
        switch (t.size) {
        case 1:
            return double(element<std::int8_t>(p, false));
        case 2:
            return double(element<std::int16_t>(p, swap));
        case 4:
            return double(element<std::int32_t>(p, swap));
        default:
            return double(element<std::int64_t>(p, swap));
        }
    default:
        switch (t.size) {
        case 1:
            return double(element<std::uint8_t>(p, false));
        case 2:
            return double(element<std::uint16_t>(p, swap));
        case 4:
            return double(element<std::uint32_t>(p, swap));
        default:
            return double(element<std::uint64_t>(p, swap));
        }
    }
}

NdArray parseNpy(const std::filesystem::path& path, const Bytes& bytes)
{
    static const unsigned char magic[] = { 0x93, 'N', 'U', 'M', 'P', 'Y' };
    if (bytes.size() < 10 || !std::equal(magic, magic + 6, bytes.begin()))
        throw IoError(path, "not a NumPy .npy file (the \\x93NUMPY signature is missing).");
    const int major = bytes[6];
    std::size_t headerLength = 0, offset = 0;
    if (major == 1) {
        headerLength = little<std::uint16_t>(&bytes[8]);
        offset = 10;
    } else if (major == 2 || major == 3) {
        if (bytes.size() < 12)
            throw IoError(path, "the .npy header is truncated.");
        headerLength = little<std::uint32_t>(&bytes[8]);
        offset = 12;
    } else {
        throw IoError(path, "unsupported .npy format version " + std::to_string(major) + ".");
    }
    if (offset + headerLength > bytes.size())
        throw IoError(path, "the .npy header is truncated.");
    const std::string header(bytes.begin() + std::ptrdiff_t(offset),
        bytes.begin() + std::ptrdiff_t(offset + headerLength));
    const ElementType type = parseDescr(path, headerValue(header, "descr"));
    const bool fortran = headerValue(header, "fortran_order").starts_with("True");
    const std::string shapeText = headerValue(header, "shape");
    if (shapeText.size() < 2 || shapeText.front() != '(')
        throw IoError(path, "the .npy header has no readable shape.");
    NdArray array;
    bool hasZero = false, overflows = false;
    std::size_t count = 1; // the product of the sizes, valid unless one overflows it
    for (std::size_t pos = 1; pos < shapeText.size();) {
        while (pos < shapeText.size() && !std::isdigit(static_cast<unsigned char>(shapeText[pos])))
            ++pos;
        if (pos >= shapeText.size())
            break;
        std::size_t n = 0;
        const char* first = shapeText.data() + pos;
        const auto [last, error] = std::from_chars(first, shapeText.data() + shapeText.size(), n);
        if (error != std::errc())
            throw IoError(path, "the .npy header's shape " + shapeText + " is not a valid size.");
        array.shape.push_back(n);
        pos += std::size_t(last - first);
        hasZero = hasZero || n == 0;
        overflows = overflows || (n != 0 && count > std::numeric_limits<std::size_t>::max() / n);
        count = overflows ? count : count * n;
    }
    if (hasZero)
        count = 0;
    else if (overflows)
        throw IoError(path,
            "the .npy header's shape " + shapeText
                + " holds more elements than any file can; the file is corrupt.");
    array.isComplex = type.kind == 'c';
    array.dtype = std::string(type.bigEndian ? ">" : (type.size == 1 ? "|" : "<")) + type.kind
        + std::to_string(type.size);
    const std::size_t dataOffset = offset + headerLength;
    // Checked against the data that follows before anything is allocated for it.
    if (count != 0 && (bytes.size() - dataOffset) / type.size < count)
        throw IoError(path,
            "the file is truncated: the header announces " + std::to_string(count) + " elements of "
                + std::to_string(type.size) + " bytes, but only "
                + std::to_string(bytes.size() - dataOffset) + " bytes of data follow.");
    const bool swap = type.bigEndian != (std::endian::native == std::endian::big);
    array.values.resize(count);
    const unsigned char* data = bytes.data() + dataOffset;
    const ElementType half { 'f', type.size / 2, type.bigEndian };
    for (std::size_t i = 0; i < count; ++i) {
        const unsigned char* p = data + i * type.size;
        array.values[i] = type.kind == 'c'
            ? std::complex<double>(realAt(p, half, swap), realAt(p + half.size, half, swap))
            : std::complex<double>(realAt(p, type, swap), 0.0);
    }
    if (fortran && array.shape.size() > 1) {
        // Fortran order: the first axis is fastest. Reorder to C order.
        const std::size_t rank = array.shape.size();
        std::vector<std::complex<double>> c(count);
        std::vector<std::size_t> index(rank, 0);
        for (std::size_t f = 0; f < count; ++f) {
            std::size_t cIndex = 0;
            for (std::size_t k = 0; k < rank; ++k)
                cIndex = cIndex * array.shape[k] + index[k];
            c[cIndex] = array.values[f];
            for (std::size_t k = 0; k < rank; ++k) {
                if (++index[k] < array.shape[k])
                    break;
                index[k] = 0;
            }
        }
        array.values.swap(c);
    }
    return array;
}

struct ZipMember
{
    std::string name;
    std::uint16_t method = 0;
    std::uint32_t crc = 0;
    std::uint64_t compressedSize = 0;
    std::uint64_t size = 0;
    std::uint64_t localOffset = 0;
};

std::vector<ZipMember> zipDirectory(const std::filesystem::path& path, const Bytes& bytes)
{
    const auto corrupt = [&] {
        return IoError(path, "not a readable .npz (zip) archive; is the file truncated?");
    };
    if (bytes.size() < 22)
        throw corrupt();
    std::size_t eocd = std::string::npos;
    const std::size_t lowest = bytes.size() > 22 + 65535 ? bytes.size() - 22 - 65535 : 0;
    for (std::size_t i = bytes.size() - 22 + 1; i-- > lowest;)
        if (little<std::uint32_t>(&bytes[i]) == 0x06054b50) {
            eocd = i;
            break;
        }
    if (eocd == std::string::npos)
        throw corrupt();
    std::uint64_t entries = little<std::uint16_t>(&bytes[eocd + 10]);
    std::uint64_t dirOffset = little<std::uint32_t>(&bytes[eocd + 16]);
    // Zip64 end-of-directory record, written by numpy for large archives.
    if ((entries == 0xFFFF || dirOffset == 0xFFFFFFFF) && eocd >= 20
        && little<std::uint32_t>(&bytes[eocd - 20]) == 0x07064b50) {
        const std::uint64_t record = little<std::uint64_t>(&bytes[eocd - 20 + 8]);
        if (!within(record, 56, bytes.size())
            || little<std::uint32_t>(&bytes[record]) != 0x06064b50)
            throw corrupt();
        entries = little<std::uint64_t>(&bytes[record + 32]);
        dirOffset = little<std::uint64_t>(&bytes[record + 48]);
    }
    std::vector<ZipMember> members;
    if (dirOffset > bytes.size())
        throw corrupt();
    std::size_t p = std::size_t(dirOffset);
    for (std::uint64_t e = 0; e < entries; ++e) {
        if (!within(p, 46, bytes.size()) || little<std::uint32_t>(&bytes[p]) != 0x02014b50)
            throw corrupt();
        ZipMember m;
        m.method = little<std::uint16_t>(&bytes[p + 10]);
        m.crc = little<std::uint32_t>(&bytes[p + 16]);
        m.compressedSize = little<std::uint32_t>(&bytes[p + 20]);
        m.size = little<std::uint32_t>(&bytes[p + 24]);
        const std::size_t nameLength = little<std::uint16_t>(&bytes[p + 28]);
        const std::size_t extraLength = little<std::uint16_t>(&bytes[p + 30]);
        const std::size_t commentLength = little<std::uint16_t>(&bytes[p + 32]);
        m.localOffset = little<std::uint32_t>(&bytes[p + 42]);
        if (!within(p + 46, nameLength + extraLength + commentLength, bytes.size()))
            throw corrupt();
        m.name.assign(reinterpret_cast<const char*>(&bytes[p + 46]), nameLength);
        // Zip64 extra field: the 64-bit values replace the saturated 32-bit ones, in order.
        const std::size_t extraEnd = p + 46 + nameLength + extraLength;
        for (std::size_t x = p + 46 + nameLength; x + 4 <= extraEnd;) {
            const auto id = little<std::uint16_t>(&bytes[x]);
            const auto len = little<std::uint16_t>(&bytes[x + 2]);
            if (id == 0x0001) {
                std::size_t q = x + 4;
                // A field's declared length may run past the extra area: read within both.
                const std::size_t fieldEnd = std::min(x + 4 + len, extraEnd);
                auto next = [&](std::uint64_t& v) {
                    if (v == 0xFFFFFFFF && q + 8 <= fieldEnd) {
                        v = little<std::uint64_t>(&bytes[q]);
                        q += 8;
                    }
                };
                next(m.size);
                next(m.compressedSize);
                next(m.localOffset);
            }
            x += 4 + len;
        }
        members.push_back(m);
        p += 46 + nameLength + extraLength + commentLength;
    }
    return members;
}

} // namespace

NdArray readNpy(const std::filesystem::path& path)
{
    return parseNpy(path, readAll(path));
}

std::vector<std::string> listNpz(const std::filesystem::path& path)
{
    const Bytes bytes = readAll(path);
    std::vector<std::string> names;
    for (const auto& m : zipDirectory(path, bytes))
        names.push_back(m.name.ends_with(".npy") ? m.name.substr(0, m.name.size() - 4) : m.name);
    return names;
}

NdArray readNpz(const std::filesystem::path& path, const std::string& name)
{
    const Bytes bytes = readAll(path);
    const auto members = zipDirectory(path, bytes);
    const auto it = std::find_if(members.begin(), members.end(),
        [&](const ZipMember& m) { return m.name == name || m.name == name + ".npy"; });
    if (it == members.end()) {
        std::string have;
        for (const auto& m : members)
            have += (have.empty() ? "" : ", ")
                + (m.name.ends_with(".npy") ? m.name.substr(0, m.name.size() - 4) : m.name);
        throw IoError(path, "the archive has no array '" + name + "'; it holds: " + have + ".");
    }
    const std::filesystem::path memberPath = path.string() + ":" + it->name;
    if (!within(it->localOffset, 30, bytes.size())
        || little<std::uint32_t>(&bytes[std::size_t(it->localOffset)]) != 0x04034b50)
        throw IoError(memberPath, "the zip member's header is corrupt.");
    const std::size_t local = std::size_t(it->localOffset);
    const std::size_t start = local + 30 + little<std::uint16_t>(&bytes[local + 26])
        + little<std::uint16_t>(&bytes[local + 28]);
    if (!within(start, it->compressedSize, bytes.size()))
        throw IoError(memberPath, "the archive is truncated.");
    Bytes data;
    if (it->method == 0) {
        data.assign(bytes.begin() + std::ptrdiff_t(start),
            bytes.begin() + std::ptrdiff_t(start + it->compressedSize));
    } else if (it->method == 8) {
        // The declared size is allocated: it must be one deflate can reach from the data.
        if (it->size / maxDeflateRatio > it->compressedSize)
            throw IoError(memberPath,
                "the member claims " + std::to_string(it->size) + " bytes from "
                    + std::to_string(it->compressedSize)
                    + " compressed ones, more than zlib can produce; the archive is corrupt.");
        data.resize(std::size_t(it->size));
        z_stream stream {};
        if (inflateInit2(&stream, -MAX_WBITS) != Z_OK)
            throw IoError(memberPath, "zlib could not be initialised.");
        stream.next_in = const_cast<unsigned char*>(&bytes[start]);
        stream.avail_in
            = uInt(std::min<std::uint64_t>(it->compressedSize, std::numeric_limits<uInt>::max()));
        stream.next_out = data.data();
        stream.avail_out
            = uInt(std::min<std::uint64_t>(data.size(), std::numeric_limits<uInt>::max()));
        const int status = inflate(&stream, Z_FINISH);
        inflateEnd(&stream);
        if (status != Z_STREAM_END || stream.total_out != data.size())
            throw IoError(memberPath, "the compressed data is corrupt.");
    } else {
        throw IoError(memberPath,
            "compression method " + std::to_string(it->method)
                + " is not supported (np.savez and np.savez_compressed use 0 and 8).");
    }
    const auto crc = crc32(0L, data.data(), uInt(data.size()));
    if (crc != it->crc)
        throw IoError(memberPath, "the data does not match its checksum; the archive is corrupt.");
    return parseNpy(memberPath, data);
}

} // namespace latentlens::engine
