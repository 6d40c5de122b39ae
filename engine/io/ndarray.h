#pragma once

#include <complex>
#include <cstddef>
#include <string>
#include <vector>

namespace latentlens::engine {

/// An n-dimensional numeric array as read from a NumPy or HDF5 file: C order (last axis
/// fastest), values widened to complex double whatever the stored type.
struct NdArray
{
    std::vector<std::size_t> shape;
    /// The stored element type in NumPy notation ("<c16", "<f4", "|u1", ...).
    std::string dtype;
    bool isComplex = false;
    std::vector<std::complex<double>> values;

    std::size_t elementCount() const;
    std::string shapeText() const; ///< "(2, 64, 64)"
};

} // namespace latentlens::engine
