#include "tests/engine/support/testwriters.h"

#include <fstream>
#include <hdf5.h>
#include <iterator>
#include <stdexcept>
#include <zlib.h>

namespace testwriters {

namespace {

void put16(Bytes& b, std::uint32_t v)
{
    b.push_back(std::uint8_t(v));
    b.push_back(std::uint8_t(v >> 8));
}

void put32(Bytes& b, std::uint32_t v)
{
    put16(b, v & 0xFFFF);
    put16(b, v >> 16);
}

void check(herr_t status, const std::string& what)
{
    if (status < 0)
        throw std::runtime_error("HDF5 test writer failed: " + what);
}

} // namespace

Bytes npy(const std::string& descr, const std::vector<std::size_t>& shape, const Bytes& data,
    bool fortranOrder, int version)
{
    std::string shapeText = "(";
    for (std::size_t i = 0; i < shape.size(); ++i)
        shapeText += (i ? ", " : "") + std::to_string(shape[i]);
    shapeText += shape.size() == 1 ? ",)" : ")";
    std::string header = "{'descr': '" + descr + "', 'fortran_order': "
        + (fortranOrder ? "True" : "False") + ", 'shape': " + shapeText + ", }";
    const std::size_t prefix = version == 1 ? 10 : 12;
    while ((prefix + header.size() + 1) % 64 != 0)
        header += ' ';
    header += '\n';
    Bytes out { 0x93, 'N', 'U', 'M', 'P', 'Y', std::uint8_t(version), 0 };
    if (version == 1)
        put16(out, std::uint32_t(header.size()));
    else
        put32(out, std::uint32_t(header.size()));
    out.insert(out.end(), header.begin(), header.end());
    out.insert(out.end(), data.begin(), data.end());
    return out;
}

void writeFile(const std::string& path, const Bytes& bytes)
{
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
}

Bytes giantDeclaredTiff()
{
    Bytes bytes { 'I', 'I', 42, 0 };
    auto u16 = [&](std::uint16_t v) {
        bytes.insert(bytes.end(), { std::uint8_t(v), std::uint8_t(v >> 8) });
    };
    auto u32 = [&](std::uint32_t v) {
        u16(std::uint16_t(v));
        u16(std::uint16_t(v >> 16));
    };
    u32(12); // first IFD
    u32(0); // the 4 "pixels"
    const std::uint32_t entries[][3]
        = { { 256, 4, 100000 }, { 257, 4, 100000 }, { 258, 3, 8 }, { 259, 3, 1 }, { 262, 3, 1 },
              { 273, 4, 8 }, { 277, 3, 1 }, { 278, 4, 100000 }, { 279, 4, 4 } };
    u16(std::uint16_t(std::size(entries)));
    for (const auto& [tag, type, value] : entries) {
        u16(std::uint16_t(tag));
        u16(std::uint16_t(type));
        u32(1);
        if (type == 3) {
            u16(std::uint16_t(value));
            u16(0);
        } else {
            u32(value);
        }
    }
    u32(0);
    return bytes;
}

void declareSixOfThreePlanes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    std::string bytes(std::size_t(in.tellg()), '\0');
    in.seekg(0);
    in.read(bytes.data(), std::streamsize(bytes.size()));
    in.close();
    const std::string from = "images=3\nslices=3", to = "images=6\nslices=6";
    const auto at = bytes.find(from);
    if (at == std::string::npos)
        throw std::runtime_error(path + " has no 3-plane ImageJ description");
    bytes.replace(at, from.size(), to); // the same length: no offset moves
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), std::streamsize(bytes.size()));
}

void writeNpz(const std::string& path, const std::vector<std::pair<std::string, Bytes>>& members,
    bool deflate)
{
    Bytes file, directory;
    for (const auto& [name, content] : members) {
        const std::string member = name + ".npy";
        Bytes stored = content;
        if (deflate) {
            z_stream z {};
            deflateInit2(&z, 6, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
            stored.resize(deflateBound(&z, uLong(content.size())));
            z.next_in = const_cast<unsigned char*>(content.data());
            z.avail_in = uInt(content.size());
            z.next_out = stored.data();
            z.avail_out = uInt(stored.size());
            ::deflate(&z, Z_FINISH);
            stored.resize(z.total_out);
            deflateEnd(&z);
        }
        const auto crc = std::uint32_t(crc32(0L, content.data(), uInt(content.size())));
        const auto offset = std::uint32_t(file.size());
        const std::uint16_t method = deflate ? 8 : 0;
        put32(file, 0x04034b50);
        put16(file, 20);
        put16(file, 0);
        put16(file, method);
        put32(file, 0); // time, date
        put32(file, crc);
        put32(file, std::uint32_t(stored.size()));
        put32(file, std::uint32_t(content.size()));
        put16(file, std::uint32_t(member.size()));
        put16(file, 0);
        file.insert(file.end(), member.begin(), member.end());
        file.insert(file.end(), stored.begin(), stored.end());

        put32(directory, 0x02014b50);
        put16(directory, 20);
        put16(directory, 20);
        put16(directory, 0);
        put16(directory, method);
        put32(directory, 0);
        put32(directory, crc);
        put32(directory, std::uint32_t(stored.size()));
        put32(directory, std::uint32_t(content.size()));
        put16(directory, std::uint32_t(member.size()));
        put16(directory, 0);
        put16(directory, 0);
        put16(directory, 0);
        put16(directory, 0);
        put32(directory, 0);
        put32(directory, offset);
        directory.insert(directory.end(), member.begin(), member.end());
    }
    const auto directoryOffset = std::uint32_t(file.size());
    file.insert(file.end(), directory.begin(), directory.end());
    put32(file, 0x06054b50);
    put16(file, 0);
    put16(file, 0);
    put16(file, std::uint32_t(members.size()));
    put16(file, std::uint32_t(members.size()));
    put32(file, std::uint32_t(directory.size()));
    put32(file, directoryOffset);
    put16(file, 0);
    writeFile(path, file);
}

Hdf5Out::Hdf5Out(const std::string& path, std::size_t userBlock)
    : mPath(path), mUserBlock(userBlock)
{
    hid_t create = H5Pcreate(H5P_FILE_CREATE);
    if (userBlock)
        check(H5Pset_userblock(create, userBlock), "user block");
    mFile = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, create, H5P_DEFAULT);
    H5Pclose(create);
    if (mFile < 0)
        throw std::runtime_error("cannot create " + path);
}

Hdf5Out::~Hdf5Out()
{
    H5Fclose(mFile);
    if (mUserBlock) {
        // MATLAB writes a MAT-file header into the user block: 116 bytes of text, 8 of
        // subsystem offset, the version 0x0200 and the endian indicator "IM".
        std::fstream f(mPath, std::ios::in | std::ios::out | std::ios::binary);
        std::string header = "MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: test";
        header.resize(116, ' ');
        header += std::string(8, '\0') + std::string("\x00\x02IM", 4);
        f.write(header.data(), std::streamsize(header.size()));
    }
}

namespace {

hid_t linkCreation()
{
    hid_t list = H5Pcreate(H5P_LINK_CREATE);
    H5Pset_create_intermediate_group(list, 1);
    return list;
}

void writeDataset(hid_t file, const std::string& name, const std::vector<std::size_t>& dims,
    hid_t fileType, hid_t memoryType, const void* data)
{
    std::vector<hsize_t> d(dims.begin(), dims.end());
    hid_t space = H5Screate_simple(int(d.size()), d.data(), nullptr);
    hid_t links = linkCreation();
    hid_t set = H5Dcreate2(file, name.c_str(), fileType, space, links, H5P_DEFAULT, H5P_DEFAULT);
    check(set, "create " + name);
    check(H5Dwrite(set, memoryType, H5S_ALL, H5S_ALL, H5P_DEFAULT, data), "write " + name);
    H5Dclose(set);
    H5Pclose(links);
    H5Sclose(space);
}

} // namespace

void Hdf5Out::doubles(
    const std::string& name, const std::vector<std::size_t>& dims, const std::vector<double>& v)
{
    writeDataset(mFile, name, dims, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, v.data());
}

void Hdf5Out::floats(
    const std::string& name, const std::vector<std::size_t>& dims, const std::vector<float>& v)
{
    writeDataset(mFile, name, dims, H5T_IEEE_F32BE, H5T_NATIVE_FLOAT, v.data());
}

void Hdf5Out::complexes(const std::string& name, const std::vector<std::size_t>& dims,
    const std::vector<std::complex<double>>& values, const std::string& re, const std::string& im)
{
    hid_t type = H5Tcreate(H5T_COMPOUND, 16);
    H5Tinsert(type, re.c_str(), 0, H5T_NATIVE_DOUBLE);
    H5Tinsert(type, im.c_str(), 8, H5T_NATIVE_DOUBLE);
    writeDataset(mFile, name, dims, type, type, values.data());
    H5Tclose(type);
    if (re == "real") {
        // MATLAB 7.3 names each variable's class in an attribute; readers go by it.
        hid_t text = H5Tcopy(H5T_C_S1);
        H5Tset_size(text, 6);
        hid_t scalar = H5Screate(H5S_SCALAR);
        hid_t set = H5Dopen2(mFile, name.c_str(), H5P_DEFAULT);
        hid_t attribute = H5Acreate2(set, "MATLAB_class", text, scalar, H5P_DEFAULT, H5P_DEFAULT);
        check(H5Awrite(attribute, text, "double"), "MATLAB_class of " + name);
        H5Aclose(attribute);
        H5Dclose(set);
        H5Sclose(scalar);
        H5Tclose(text);
    }
}

void Hdf5Out::strings(
    const std::string& name, const std::vector<std::string>& values, bool variable)
{
    hid_t type = H5Tcopy(H5T_C_S1);
    if (variable) {
        H5Tset_size(type, H5T_VARIABLE);
        H5Tset_cset(type, H5T_CSET_UTF8);
        std::vector<const char*> pointers;
        for (const auto& s : values)
            pointers.push_back(s.c_str());
        writeDataset(mFile, name, { values.size() }, type, type, pointers.data());
    } else {
        std::size_t width = 1;
        for (const auto& s : values)
            width = std::max(width, s.size());
        H5Tset_size(type, width);
        H5Tset_strpad(type, H5T_STR_NULLPAD);
        std::vector<char> buffer(width * values.size(), '\0');
        for (std::size_t i = 0; i < values.size(); ++i)
            std::copy(
                values[i].begin(), values[i].end(), buffer.begin() + std::ptrdiff_t(i * width));
        writeDataset(mFile, name, { values.size() }, type, type, buffer.data());
    }
    H5Tclose(type);
}

} // namespace testwriters
