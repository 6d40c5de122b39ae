#pragma once

// MAT-files written through libmatio's write API, as MATLAB would save them, for the
// readers' tests. Values are given in MATLAB's column-major order for `dims`.

#include <complex>
#include <cstddef>
#include <string>
#include <vector>

namespace testwriters {

/// A MAT-file being written: version "4", "5" or "7.3"; closed by the destructor.
class MatOut
{
public:
    MatOut(const std::string& path, const std::string& version, bool compress = false);
    ~MatOut();
    MatOut(const MatOut&) = delete;
    MatOut& operator=(const MatOut&) = delete;

    void doubles(const std::string& name, const std::vector<std::size_t>& dims,
        const std::vector<double>& values);
    /// Complex double, or complex single when `single`.
    void complexes(const std::string& name, const std::vector<std::size_t>& dims,
        const std::vector<std::complex<double>>& values, bool single = false);
    /// A 1x1 struct `name` whose field `field` is a complex double array.
    void structWithComplexField(const std::string& name, const std::string& field,
        const std::vector<std::size_t>& dims, const std::vector<std::complex<double>>& values);

private:
    void* mMat = nullptr;
    bool mCompress = false;
};

/// MATLAB's column-major P(y, x, m) of size [h w modes] from values[(m * h + y) * w + x].
std::vector<std::complex<double>> toMatlabOrder(const std::vector<std::complex<double>>& values,
    std::size_t modes, std::size_t h, std::size_t w);

} // namespace testwriters
