#include "engine/fft/fft.h"

#include <fftw3.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <tuple>

namespace latentlens::engine::fft {

namespace {

std::mutex gPlanMutex;

void initialiseThreads()
{
    static std::once_flag once;
    std::call_once(once, [] {
        fftw_init_threads();
        fftwf_init_threads();
    });
}

// Plans are made once per (size, kind) with FFTW_UNALIGNED so that they can run on any
// buffer through the new-array execute functions.
fftw_plan complexPlan(std::size_t width, std::size_t height, bool forward)
{
    static std::map<std::tuple<std::size_t, std::size_t, bool>, fftw_plan> plans;
    std::lock_guard lock(gPlanMutex);
    initialiseThreads();
    auto key = std::make_tuple(width, height, forward);
    if (auto it = plans.find(key); it != plans.end())
        return it->second;
    std::vector<std::complex<double>> scratch(width * height);
    fftw_plan_with_nthreads(width * height >= 256 * 256 ? threadCount() : 1);
    auto* buffer = reinterpret_cast<fftw_complex*>(scratch.data());
    fftw_plan plan = fftw_plan_dft_2d(int(height), int(width), buffer, buffer,
        forward ? FFTW_FORWARD : FFTW_BACKWARD, FFTW_ESTIMATE | FFTW_UNALIGNED);
    plans[key] = plan;
    return plan;
}

std::pair<fftwf_plan, fftwf_plan> realPlans(std::size_t width, std::size_t height)
{
    static std::map<std::pair<std::size_t, std::size_t>, std::pair<fftwf_plan, fftwf_plan>> plans;
    std::lock_guard lock(gPlanMutex);
    initialiseThreads();
    auto key = std::make_pair(width, height);
    if (auto it = plans.find(key); it != plans.end())
        return it->second;
    std::vector<float> real(width * height);
    std::vector<std::complex<float>> spectrum((width / 2 + 1) * height);
    fftwf_plan_with_nthreads(width * height >= 256 * 256 ? threadCount() : 1);
    auto* c = reinterpret_cast<fftwf_complex*>(spectrum.data());
    fftwf_plan r2c = fftwf_plan_dft_r2c_2d(
        int(height), int(width), real.data(), c, FFTW_ESTIMATE | FFTW_UNALIGNED);
    fftwf_plan c2r = fftwf_plan_dft_c2r_2d(
        int(height), int(width), c, real.data(), FFTW_ESTIMATE | FFTW_UNALIGNED);
    plans[key] = { r2c, c2r };
    return plans[key];
}

std::filesystem::path wisdomFile()
{
    const char* cache = std::getenv("XDG_CACHE_HOME");
    const char* home = std::getenv("HOME");
    std::filesystem::path folder = cache && *cache ? std::filesystem::path(cache)
        : home && *home                            ? std::filesystem::path(home) / ".cache"
                                                   : std::filesystem::path();
    return folder.empty() ? folder : folder / "latentlens" / "fftwf-wisdom";
}

// Plans of RealTransform: measured for large sizes, with wisdom loaded once and saved after
// each new measurement. Called with gPlanMutex held.
std::pair<fftwf_plan, fftwf_plan> measuredRealPlans(std::size_t width, std::size_t height)
{
    static std::map<std::pair<std::size_t, std::size_t>, std::pair<fftwf_plan, fftwf_plan>> plans;
    static bool wisdomLoaded = false;
    initialiseThreads();
    auto key = std::make_pair(width, height);
    if (auto it = plans.find(key); it != plans.end())
        return it->second;
    const bool large = width * height >= 1024 * 1024;
    const auto wisdom = wisdomFile();
    if (large && !wisdomLoaded && !wisdom.empty()) {
        wisdomLoaded = true;
        fftwf_import_wisdom_from_filename(wisdom.c_str());
    }
    FloatBuffer real(width * height);
    SpectrumBuffer spectrum((width / 2 + 1) * height);
    fftwf_plan_with_nthreads(width * height >= 256 * 256 ? threadCount() : 1);
    auto* c = reinterpret_cast<fftwf_complex*>(spectrum.data());
    const unsigned flags = large ? FFTW_MEASURE : FFTW_ESTIMATE; // aligned buffers only
    fftwf_plan r2c = fftwf_plan_dft_r2c_2d(int(height), int(width), real.data(), c, flags);
    fftwf_plan c2r = fftwf_plan_dft_c2r_2d(int(height), int(width), c, real.data(), flags);
    plans[key] = { r2c, c2r };
    if (large && !wisdom.empty()) {
        std::error_code ignored; // no cache folder is not an error: plans are just slower
        std::filesystem::create_directories(wisdom.parent_path(), ignored);
        fftwf_export_wisdom_to_filename(wisdom.c_str());
    }
    return plans[key];
}

} // namespace

std::size_t goodSize(std::size_t n)
{
    // Real transforms of odd length are markedly slower in FFTW (2187 = 3^7 took 2.5 times
    // as long as 2240 here), so sizes from 16 on are also even.
    for (std::size_t m = std::max<std::size_t>(n, 1);; ++m) {
        if (m >= 16 && m % 2 != 0)
            continue;
        std::size_t r = m;
        for (std::size_t p : { 2, 3, 5, 7 })
            while (r % p == 0)
                r /= p;
        if (r == 1)
            return m;
    }
}

RealTransform::RealTransform(std::size_t width, std::size_t height) : mWidth(width), mHeight(height)
{
    std::lock_guard lock(gPlanMutex);
    auto [forward, inverse] = measuredRealPlans(width, height);
    mForward = forward;
    mInverse = inverse;
}

namespace {

void requireAligned(const void* p)
{
    if (reinterpret_cast<std::uintptr_t>(p) % 64 != 0)
        throw std::logic_error("RealTransform needs 64-byte aligned buffers");
}

} // namespace

void RealTransform::forward(const float* in, std::complex<float>* out) const
{
    requireAligned(in);
    requireAligned(out);
    fftwf_execute_dft_r2c(static_cast<fftwf_plan>(mForward), const_cast<float*>(in),
        reinterpret_cast<fftwf_complex*>(out));
}

void RealTransform::inverse(std::complex<float>* in, float* out) const
{
    requireAligned(in);
    requireAligned(out);
    fftwf_execute_dft_c2r(
        static_cast<fftwf_plan>(mInverse), reinterpret_cast<fftwf_complex*>(in), out);
}

int threadCount()
{
    return std::max(1, int(std::thread::hardware_concurrency()));
}

void transform2d(
    std::vector<std::complex<double>>& data, std::size_t width, std::size_t height, bool forward)
{
    fftw_plan plan = complexPlan(width, height, forward);
    auto* buffer = reinterpret_cast<fftw_complex*>(data.data());
    fftw_execute_dft(plan, buffer, buffer);
    if (!forward) {
        const double scale = 1.0 / double(width * height);
        for (auto& v : data)
            v *= scale;
    }
}

std::vector<float> circularConvolve(const std::vector<float>& image,
    const std::vector<float>& kernel, std::size_t width, std::size_t height)
{
    auto [r2c, c2r] = realPlans(width, height);
    const std::size_t n = (width / 2 + 1) * height;
    std::vector<std::complex<float>> a(n), b(n);
    std::vector<float> in = image, k = kernel; // r2c may not destroy its input, c2r does
    fftwf_execute_dft_r2c(r2c, in.data(), reinterpret_cast<fftwf_complex*>(a.data()));
    fftwf_execute_dft_r2c(r2c, k.data(), reinterpret_cast<fftwf_complex*>(b.data()));
    const float scale = 1.0f / float(width * height);
    for (std::size_t i = 0; i < n; ++i)
        a[i] *= b[i] * scale;
    std::vector<float> out(width * height);
    fftwf_execute_dft_c2r(c2r, reinterpret_cast<fftwf_complex*>(a.data()), out.data());
    return out;
}

} // namespace latentlens::engine::fft
