// Deblurring quality of the classical baselines (issue: baselines).
//
//   latentlens-bench-quality --out DIR [--noise-var V] [--seed S] [--limit N]
//                            [--sweep] IMAGE...
//
// For every image (grey, or the first channel; centre-cropped to at most 512 x 512) and each
// default kernel (d = 0.1, 3, 5, 7, 10, 15 µm), blurs with reflective boundaries, adds
// Gaussian noise, and runs Wiener, Richardson–Lucy and the hyper-Laplacian with their
// automatic defaults (and HL with the paper's setting). Writes DIR/cases/<n>_truth.tif and
// _blurred.tif (so other tools run on the very same inputs) and prints one CSV row per case
// and method: case,image,defocus_um,method,parameter,psnr,ssim,seconds. --sweep adds rows for
// fixed parameters (Wiener lambda, RL iterations, HL lambda) for hindsight comparisons.

#include "engine/deconv/hyperlaplacian.h"
#include "engine/deconv/richardsonlucy.h"
#include "engine/deconv/wiener.h"
#include "engine/eval/evaluation.h"
#include "engine/eval/metrics.h"
#include "engine/io/imageio.h"
#include "engine/probe/probe.h"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

using namespace latentlens::engine;

namespace {

template <typename F> double seconds(F&& f)
{
    const auto t0 = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

} // namespace

int main(int argc, char** argv)
{
    std::filesystem::path outDir;
    double noiseVar = 0.02;
    std::uint64_t seed = 1;
    std::size_t limit = 256; // the paper's image size
    bool sweep = false;
    std::vector<std::string> images;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc)
                throw std::runtime_error(a + " needs a value");
            return argv[++i];
        };
        if (a == "--out")
            outDir = next();
        else if (a == "--noise-var")
            noiseVar = std::stod(next());
        else if (a == "--seed")
            seed = std::stoull(next());
        else if (a == "--limit")
            limit = std::stoul(next());
        else if (a == "--sweep")
            sweep = true;
        else
            images.push_back(a);
    }
    if (outDir.empty() || images.empty()) {
        std::cerr << "usage: latentlens-bench-quality --out DIR [--noise-var V] [--seed S] "
                     "[--limit N] [--sweep] IMAGE...\n";
        return 2;
    }
    std::filesystem::create_directories(outDir / "cases");
    const std::vector<double> defocus { 0.1, 3, 5, 7, 10, 15 };
    std::vector<Image> kernels;
    for (double d : defocus)
        kernels.push_back(probeKernel(simulateProbe(ZonePlateOptics {}, d * 1e-6)));

    std::cout << "case,image,defocus_um,method,parameter,psnr,ssim,seconds\n";
    std::size_t caseNumber = 0;
    for (const auto& path : images) {
        const Image truth = evaluationTruth(readImage(path), limit);
        const std::string name = std::filesystem::path(path).stem().string();
        for (std::size_t k = 0; k < kernels.size(); ++k, ++caseNumber) {
            const Image blurred = evaluationInput(truth, kernels[k], noiseVar, seed + caseNumber);
            const std::string stem = (outDir / "cases" / std::to_string(caseNumber)).string();
            writeImage(truth, stem + "_truth.tif");
            writeImage(blurred, stem + "_blurred.tif");
            writeImage(kernels[k], stem + "_kernel.tif");
            auto row = [&](const std::string& method, double parameter, const Image& result,
                           double time) {
                std::cout << caseNumber << "," << name << "," << defocus[k] << "," << method << ","
                          << parameter << "," << psnr(result.values(), truth.values()) << ","
                          << ssim(result.values(), truth.values(), truth.width(), truth.height())
                          << "," << time << "\n"
                          << std::flush;
            };
            row("blurred", 0, blurred, 0);
            {
                Wiener wiener;
                Image r;
                const double t = seconds([&] { r = wiener.run(blurred, kernels[k]); });
                row("wiener", wiener.report().parameter[0], r, t);
            }
            {
                RichardsonLucy rl;
                Image r;
                const double t = seconds([&] { r = rl.run(blurred, kernels[k]); });
                row("rl", rl.report().parameter[0], r, t);
            }
            {
                HyperLaplacian hl;
                Image r;
                const double t = seconds([&] { r = hl.run(blurred, kernels[k]); });
                row("hl", hl.report().parameter[0], r, t);
                HyperLaplacian paper(HyperLaplacianOptions::paper());
                const double tp = seconds([&] { r = paper.run(blurred, kernels[k]); });
                row("hl-paper", 2000, r, tp);
            }
            if (!sweep)
                continue;
            for (double e = -5; e <= 2.01; e += 0.5) {
                WienerOptions o;
                o.nsr = std::pow(10.0, e);
                Wiener wiener(o);
                row("wiener-fixed", o.nsr, wiener.run(blurred, kernels[k]), 0);
            }
            for (int it : { 1, 2, 3, 5, 8, 12, 20, 30, 50, 80 }) {
                RichardsonLucyOptions o;
                o.iterations = it;
                RichardsonLucy rl(o);
                row("rl-fixed", it, rl.run(blurred, kernels[k]), 0);
            }
            for (double e = 0; e <= 6.01; e += 0.5) {
                HyperLaplacianOptions o;
                o.lambda = std::pow(10.0, e);
                HyperLaplacian hl(o);
                row("hl-fixed", o.lambda, hl.run(blurred, kernels[k]), 0);
            }
        }
    }
    return 0;
}
