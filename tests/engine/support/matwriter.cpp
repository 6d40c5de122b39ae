#include "tests/engine/support/matwriter.h"

#include <matio.h>
#include <stdexcept>

namespace testwriters {

namespace {

mat_t* matOf(void* p)
{
    return static_cast<mat_t*>(p);
}

matvar_t* complexVariable(const std::string& name, std::vector<std::size_t> dims,
    const std::vector<std::complex<double>>& values, bool single)
{
    std::vector<double> re, im;
    for (const auto& v : values) {
        re.push_back(v.real());
        im.push_back(v.imag());
    }
    std::vector<float> reF(re.begin(), re.end()), imF(im.begin(), im.end());
    mat_complex_split_t split { single ? static_cast<void*>(reF.data()) : re.data(),
        single ? static_cast<void*>(imF.data()) : im.data() };
    // libmatio copies the data (no MAT_F_DONT_COPY_DATA), so the vectors may go.
    return Mat_VarCreate(name.c_str(), single ? MAT_C_SINGLE : MAT_C_DOUBLE,
        single ? MAT_T_SINGLE : MAT_T_DOUBLE, int(dims.size()), dims.data(), &split, MAT_F_COMPLEX);
}

} // namespace

MatOut::MatOut(const std::string& path, const std::string& version, bool compress)
    : mCompress(compress)
{
    const mat_ft kind = version == "4" ? MAT_FT_MAT4
        : version == "7.3"             ? MAT_FT_MAT73
                                       : MAT_FT_MAT5;
    mMat = Mat_CreateVer(path.c_str(), nullptr, kind);
    if (!mMat)
        throw std::runtime_error("libmatio cannot create " + path);
}

MatOut::~MatOut()
{
    Mat_Close(matOf(mMat));
}

void MatOut::doubles(const std::string& name, const std::vector<std::size_t>& dims,
    const std::vector<double>& values)
{
    std::vector<std::size_t> d = dims;
    std::vector<double> copy = values;
    matvar_t* v = Mat_VarCreate(
        name.c_str(), MAT_C_DOUBLE, MAT_T_DOUBLE, int(d.size()), d.data(), copy.data(), 0);
    if (!v || Mat_VarWrite(matOf(mMat), v, mCompress ? MAT_COMPRESSION_ZLIB : MAT_COMPRESSION_NONE))
        throw std::runtime_error("libmatio cannot write " + name);
    Mat_VarFree(v);
}

void MatOut::complexes(const std::string& name, const std::vector<std::size_t>& dims,
    const std::vector<std::complex<double>>& values, bool single)
{
    matvar_t* v = complexVariable(name, dims, values, single);
    if (!v || Mat_VarWrite(matOf(mMat), v, mCompress ? MAT_COMPRESSION_ZLIB : MAT_COMPRESSION_NONE))
        throw std::runtime_error("libmatio cannot write " + name);
    Mat_VarFree(v);
}

void MatOut::structWithComplexField(const std::string& name, const std::string& field,
    const std::vector<std::size_t>& dims, const std::vector<std::complex<double>>& values)
{
    const std::size_t one[2] = { 1, 1 };
    const char* fields[] = { field.c_str(), nullptr };
    matvar_t* s = Mat_VarCreateStruct2(name.c_str(), 2, one, fields);
    Mat_VarSetStructFieldByName(s, field.c_str(), 0, complexVariable(field, dims, values, false));
    if (Mat_VarWrite(matOf(mMat), s, mCompress ? MAT_COMPRESSION_ZLIB : MAT_COMPRESSION_NONE))
        throw std::runtime_error("libmatio cannot write " + name);
    Mat_VarFree(s);
}

std::vector<std::complex<double>> toMatlabOrder(const std::vector<std::complex<double>>& values,
    std::size_t modes, std::size_t h, std::size_t w)
{
    std::vector<std::complex<double>> out(values.size());
    for (std::size_t m = 0; m < modes; ++m)
        for (std::size_t x = 0; x < w; ++x)
            for (std::size_t y = 0; y < h; ++y)
                out[(m * w + x) * h + y] = values[(m * h + y) * w + x];
    return out;
}

} // namespace testwriters
