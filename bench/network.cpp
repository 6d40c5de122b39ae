// CPU speed of the deformable latent-space network (issue: network).
//
//   latentlens-bench-network [--sizes 256,512,2048] [--reps N] [--model FILE]
//                            [--widths LIST|none]
//
// For each model of LIST (default small,paper,kernel-small: the paper's network at latent 64
// and 256, the kernel-aware one at latent 64; kernel-paper is the kernel-aware one at 256;
// or the weights of --model): the time of a full deblur at each size, of a defocus change
// (decode: for the paper's network D and g on the cached encoder output; for the
// kernel-aware one the Wiener step and f, D and g, since its encoder input depends on the
// kernel; for a model that averages several views, also of its one view, the studio's
// first pass), and, as the reference measured in the same run, an automatic Wiener deblur of
// the same image (FFTW). Then the training throughput of the real trainer (LatentTrainer,
// crops of 64, batch 8, data synthesised on the fly, stage 2 with six kernels per sample
// and SIMPLEDEFORM trained alongside; stage 3 for the kernel-aware network). Prints CSV:
// model,what,size,seconds,ratio_to_wiener (throughput rows: images per second).

#include "benchtiming.h"
#include "engine/deconv/wiener.h"
#include "engine/forward/specimen.h"
#include "engine/io/imageio.h"
#include "engine/net/latentmodel.h"
#include "engine/net/latenttrainer.h"
#include "engine/probe/probe.h"

#include <torch/torch.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using namespace latentlens::engine;
using latentlens::bench::timeIt;

namespace {

std::vector<std::string> splitNames(const std::string& list)
{
    std::vector<std::string> names;
    std::stringstream in(list);
    for (std::string name; std::getline(in, name, ',');)
        if (!name.empty())
            names.push_back(name);
    return names;
}

/// Images per second of each stage of a short real training run on `data` (stage 3: 0 for
/// the paper's network).
std::array<double, 3> trainingThroughput(
    const ModelRecord& record, const std::filesystem::path& data, int batches)
{
    TrainingOptions o;
    o.data = { data };
    o.record = record;
    o.batchesPerEpoch = batches;
    o.epochsStage1 = 1;
    o.epochsStage2 = 1;
    o.epochsStage3 = record.architecture == Architecture::KernelAware ? 1 : 0;
    double seconds[4] = { 0, 0, 0, 0 };
    auto last = std::chrono::steady_clock::now();
    LatentTrainer trainer(o);
    trainer.run([&](const TrainingStep& s) {
        const auto now = std::chrono::steady_clock::now();
        if (s.batch > 1) // the first batch of a stage warms up
            seconds[s.stage] += std::chrono::duration<double>(now - last).count();
        last = now;
    });
    const double images = double(o.batchSize) * (batches - 1);
    return { images / seconds[1], images / seconds[2],
        o.epochsStage3 > 0 ? images / seconds[3] : 0.0 };
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::size_t> sizes { 256, 512, 2048 };
    std::vector<std::string> widths { "small", "paper", "kernel-small" };
    std::filesystem::path modelFile;
    int reps = 3;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i], v = argv[i + 1];
        if (a == "--sizes")
            sizes = latentlens::bench::parseSizes(v);
        else if (a == "--reps")
            reps = std::stoi(v);
        else if (a == "--model")
            modelFile = v;
        else if (a == "--widths")
            widths = v == "none" ? std::vector<std::string> {} : splitNames(v);
    }
    const auto kernel = probeKernel(simulateProbe(ZonePlateOptics {}, 7e-6));
    auto recordOf = [](const std::string& name) {
        const auto architecture
            = name.rfind("kernel-", 0) == 0 ? Architecture::KernelAware : Architecture::Paper;
        auto record = name.ends_with("small") ? ModelRecord::small(architecture) : ModelRecord {};
        record.architecture = architecture;
        return record;
    };
    std::vector<std::pair<std::string, LatentModel>> models;
    if (!modelFile.empty())
        models.emplace_back(modelFile.filename().string(), LatentModel::load(modelFile));
    for (const auto& w : widths) {
        models.emplace_back(w, LatentModel(recordOf(w), 1));
    }
    for (auto& entry : models)
        entry.second.setDevice(ComputeDevice::Auto); // a CUDA GPU when LibTorch sees one
    std::cout << "# LibTorch threads: " << torch::get_num_threads() << ", device: "
              << (models.empty() ? std::string("cpu") : models.front().second.deviceName()) << "\n";
    std::cout << "model,what,size,seconds,ratio_to_wiener\n";
    for (const auto& [name, model] : models) {
        for (std::size_t n : sizes) {
            SpecimenOptions s;
            s.width = s.height = n;
            const Image image = generateSpecimen(s);
            const int r = n >= 2048 ? 1 : reps;
            const double wiener = timeIt(r, [&] { Wiener().run(image, kernel); });
            std::cout << name << ",wiener (reference)," << n << "," << wiener << ",1\n";
            const double full = timeIt(r, [&] { model.deblur(image, 7e-6); });
            std::cout << name << ",deblur," << n << "," << full << "," << full / wiener << "\n"
                      << std::flush;
            const auto encoded = model.encode(image);
            const double change = timeIt(r, [&] { model.decode(encoded, 8e-6); });
            std::cout << name << ",defocus change (cached encoder)," << n << "," << change << ","
                      << change / wiener << "\n"
                      << std::flush;
            if (model.record().ensembleViews > 1) { // and the studio's one-view pass
                const double one = timeIt(
                    r, [&] { model.decode(encoded, 8e-6, LatentMethod::Latent, {}, {}, 1); });
                std::cout << name << ",defocus change (one view)," << n << "," << one << ","
                          << one / wiener << "\n"
                          << std::flush;
            }
        }
    }
    // Training throughput of the real trainer on synthetic specimens.
    const auto data = std::filesystem::temp_directory_path() / "latentlens-bench-network";
    std::filesystem::create_directories(data);
    std::vector<std::filesystem::path> specimens;
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
        SpecimenOptions s;
        s.width = s.height = 256;
        s.seed = seed;
        specimens.push_back(data / ("specimen" + std::to_string(seed) + ".tif"));
        writeImage(generateSpecimen(s), specimens.back());
    }
    for (const auto& w : widths) {
        const auto [one, two, three] = trainingThroughput(recordOf(w), data, 1 + 3 * reps);
        std::cout << w << ",stage 1 crops per second,64," << one << ",\n"
                  << w << ",stage 2 samples per second,64," << two << ",\n";
        if (three > 0)
            std::cout << w << ",stage 3 crops per second,64," << three << ",\n";
        std::cout << std::flush;
    }
    // The C library's remove(), not std::filesystem::remove_all: PyTorch's pip LibTorch
    // (2.11) exports its own std::filesystem::remove_all, which binds before libstdc++'s
    // and jumps to address 0 (docs/benchmarks.md, "On a GPU").
    for (const auto& file : specimens)
        std::remove(file.c_str());
    std::remove(data.c_str());
    return 0;
}
