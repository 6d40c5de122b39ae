#pragma once

// Private to the engine: FFTs over FFTW with plans cached per size (STYLE.md habit 2 keeps
// FFTW itself in fft.cpp). Thread-safe: planning is serialised, execution is not.

#include <complex>
#include <cstddef>
#include <new>
#include <vector>

namespace latentlens::engine::fft {

/// In-place 2-D complex transform of `data` (width x height, x fastest). forward: e^{-i...};
/// inverse: e^{+i...} divided by width*height, so inverse(forward(x)) == x.
void transform2d(
    std::vector<std::complex<double>>& data, std::size_t width, std::size_t height, bool forward);

/// Circular convolution of two real float planes of the same size via r2c/c2r transforms.
/// The kernel's origin is at index (0, 0).
std::vector<float> circularConvolve(const std::vector<float>& image,
    const std::vector<float>& kernel, std::size_t width, std::size_t height);

/// Number of threads FFTW uses for large transforms (the hardware's concurrency).
int threadCount();

/// The smallest n' >= n whose prime factors are all 2, 3, 5 or 7 (and even from 16 on):
/// FFTW is fast there and can be many times slower at sizes with large prime factors.
std::size_t goodSize(std::size_t n);

/// Allocator aligning to 64 bytes, so that FFTW's SIMD plans can run on every buffer.
template <typename T> struct AlignedAllocator
{
    using value_type = T;
    static constexpr std::align_val_t alignment { 64 };
    AlignedAllocator() = default;
    template <typename U> AlignedAllocator(const AlignedAllocator<U>&) noexcept { }
    T* allocate(std::size_t n) { return static_cast<T*>(::operator new(n * sizeof(T), alignment)); }
    void deallocate(T* p, std::size_t) noexcept { ::operator delete(p, alignment); }
    template <typename U> bool operator==(const AlignedAllocator<U>&) const noexcept
    {
        return true;
    }
};
using FloatBuffer = std::vector<float, AlignedAllocator<float>>;
using SpectrumBuffer = std::vector<std::complex<float>, AlignedAllocator<std::complex<float>>>;

/// Real-to-complex 2-D transforms of one size, single precision, with plans cached and
/// shared: large sizes are planned with FFTW_MEASURE (once per size and process; the wisdom
/// is kept in the user's cache folder so later runs plan at once), small ones with
/// FFTW_ESTIMATE. The spectrum is height x (width/2 + 1). Unnormalised: inverse(forward(x))
/// is x * width * height. inverse() destroys its input (FFTW's c2r does). Every buffer must
/// be 64-byte aligned (FloatBuffer, SpectrumBuffer): the plans use SIMD, which is about 1.6
/// times faster than FFTW's unaligned plans.
class RealTransform
{
public:
    RealTransform(std::size_t width, std::size_t height);
    std::size_t width() const noexcept { return mWidth; }
    std::size_t height() const noexcept { return mHeight; }
    std::size_t spectrumSize() const noexcept { return (mWidth / 2 + 1) * mHeight; }
    void forward(const float* in, std::complex<float>* out) const;
    void inverse(std::complex<float>* in, float* out) const;

private:
    std::size_t mWidth, mHeight;
    void* mForward;
    void* mInverse;
};

} // namespace latentlens::engine::fft
