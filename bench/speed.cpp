// Speed of the classical baselines against the FFTW bound measured in the same run.
//
//   latentlens-bench-speed [--sizes 256,512,1024,2048] [--inputs DIR] [--reps N]
//                          [--methods wiener,wiener-auto,rl-30,rl-30-tv,hl,hl-exact]
//
// For each size: a synthetic specimen blurred by the default probe at 7 µm (64 x 64 kernel)
// with noise variance 0.001. Times Wiener (lambda given, so no search), Wiener with the
// automatic lambda, 30 Richardson–Lucy iterations (border-aware, accelerated, no TV; and
// with TV), and the hyper-Laplacian (alpha 2/3, 6 continuation steps; its w-step through
// tables, and "hl-exact" solving every pixel in closed form), each the median of
// --reps runs after one warm-up run that also creates the FFT plans. The bound is the
// transforms each method needs on its FFT domain, timed alone (median of --reps):
//   Wiener: 2 forward + 1 inverse; RL: 3 + 30 x 2 forward, 1 + 30 x 2 inverse;
//   HL: 2 + 6 x 2 forward, 6 inverse.
// With --inputs DIR it writes DIR/<size>_blurred.tif and DIR/kernel.tif for
// bench/skimage_speed.py. Prints CSV: size,method,seconds,bound_seconds,ratio.

#include "benchtiming.h"
#include "engine/deconv/hyperlaplacian.h"
#include "engine/deconv/richardsonlucy.h"
#include "engine/deconv/wiener.h"
#include "engine/fft/fft.h"
#include "engine/forward/forwardmodel.h"
#include "engine/forward/specimen.h"
#include "engine/io/imageio.h"
#include "engine/probe/probe.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace latentlens::engine;
using latentlens::bench::timeIt;

namespace {

// Seconds for `forward` r2c and `inverse` c2r transforms of a w x h domain.
double fftBound(std::size_t w, std::size_t h, int forward, int inverse, int reps)
{
    const fft::RealTransform t(w, h);
    fft::FloatBuffer real(w * h, 0.5f);
    fft::SpectrumBuffer spectrum(t.spectrumSize());
    const double f = timeIt(reps, [&] { t.forward(real.data(), spectrum.data()); });
    const double i = timeIt(reps, [&] {
        std::fill(spectrum.begin(), spectrum.end(), std::complex<float>(1.0f, 0.0f));
        t.inverse(spectrum.data(), real.data());
    });
    return forward * f + inverse * i;
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::size_t> sizes { 256, 512, 1024, 2048 };
    std::filesystem::path inputs;
    int reps = 5;
    std::set<std::string> methods;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i], v = argv[i + 1];
        if (a == "--sizes") {
            sizes = latentlens::bench::parseSizes(v);
        } else if (a == "--inputs") {
            inputs = v;
        } else if (a == "--reps") {
            reps = std::stoi(v);
        } else if (a == "--methods") {
            std::stringstream list(v);
            for (std::string m; std::getline(list, m, ',');)
                methods.insert(m);
        } else {
            std::cerr << "unknown option " << a << "\n";
            return 2;
        }
    }
    const Image kernel = probeKernel(simulateProbe(ZonePlateOptics {}, 7e-6));
    if (!inputs.empty()) {
        std::filesystem::create_directories(inputs);
        writeImage(kernel, inputs / "kernel.tif");
    }
    std::cout << "size,method,seconds,bound_seconds,ratio\n";
    for (std::size_t n : sizes) {
        SpecimenOptions s;
        s.width = s.height = n;
        Image blurred = convolve(generateSpecimen(s), kernel);
        addGaussianNoise(blurred, 0.001, 1);
        if (!inputs.empty())
            writeImage(blurred, inputs / (std::to_string(n) + "_blurred.tif"));
        const std::size_t kw = kernel.width();
        const std::size_t taper = fft::goodSize(n + 2 * kw), border = fft::goodSize(n + kw);
        auto report = [&](const std::string& method, double seconds, double bound) {
            std::cout << n << "," << method << "," << seconds << "," << bound << ","
                      << seconds / bound << "\n"
                      << std::flush;
        };
        auto wanted = [&](const std::string& method) {
            return methods.empty() || methods.count(method) > 0;
        };
        WienerOptions fixed;
        fixed.nsr = 0.1;
        if (wanted("wiener"))
            report("wiener", timeIt(reps, [&] { Wiener(fixed).run(blurred, kernel); }),
                fftBound(taper, taper, 2, 1, reps));
        if (wanted("wiener-auto"))
            report("wiener-auto", timeIt(reps, [&] { Wiener().run(blurred, kernel); }),
                fftBound(taper, taper, 2, 1, reps));
        RichardsonLucyOptions rl;
        rl.iterations = 30;
        rl.tv = 0;
        const int rlReps = n >= 2048 ? std::max(1, reps / 2) : reps;
        if (wanted("rl-30") || wanted("rl-30-tv")) {
            const double rlBound = fftBound(border, border, 3 + 60, 1 + 60, reps);
            if (wanted("rl-30"))
                report("rl-30", timeIt(rlReps, [&] { RichardsonLucy(rl).run(blurred, kernel); }),
                    rlBound);
            rl.tv = 0.002;
            if (wanted("rl-30-tv"))
                report("rl-30-tv", timeIt(rlReps, [&] { RichardsonLucy(rl).run(blurred, kernel); }),
                    rlBound);
        }
        if (wanted("hl") || wanted("hl-exact")) {
            const double hlBound = fftBound(taper, taper, 2 + 12, 6, reps);
            if (wanted("hl"))
                report("hl", timeIt(reps, [&] { HyperLaplacian().run(blurred, kernel); }), hlBound);
            HyperLaplacianOptions exact;
            exact.exactShrinkage = true;
            if (wanted("hl-exact"))
                report("hl-exact",
                    timeIt(reps, [&] { HyperLaplacian(exact).run(blurred, kernel); }), hlBound);
        }
    }
    return 0;
}
