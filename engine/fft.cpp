#include "engine/fft.h"

#include <fftw3.h>

#include <map>
#include <mutex>
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

} // namespace

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
