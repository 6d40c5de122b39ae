// CPU speed of the deformable latent-space network (issue: network).
//
//   latentlens-bench-network [--sizes 256,512,2048] [--reps N]
//
// For the small (latent 64) and paper (latent 256) widths: the time of a full deblur at
// each size, of a defocus change when the encoder's output is cached (decode only), and
// training throughput of each stage (crops of 64, batch 8; stage 2 with six kernels per
// sample), on the threads LibTorch uses by default. Weights are untrained: the time does
// not depend on them. Prints CSV: model,what,size,seconds.

#include "benchtiming.h"
#include "engine/latentmodel.h"
#include "engine/net/modelimpl.h"
#include "engine/net/training.h"
#include "engine/specimen.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using namespace latentlens::engine;
using latentlens::bench::timeIt;

namespace { } // namespace

int main(int argc, char** argv)
{
    std::vector<std::size_t> sizes { 256, 512, 2048 };
    int reps = 3;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i], v = argv[i + 1];
        if (a == "--sizes") {
            sizes = latentlens::bench::parseSizes(v);
        } else if (a == "--reps") {
            reps = std::stoi(v);
        }
    }
    std::cout << "model,what,size,seconds\n";
    for (const bool small : { true, false }) {
        ModelRecord record;
        if (small) {
            record.width = 32;
            record.latentChannels = 64;
        }
        const std::string name = small ? "small" : "paper";
        LatentModel model(record, 1);
        for (std::size_t n : sizes) {
            SpecimenOptions s;
            s.width = s.height = n;
            const Image image = generateSpecimen(s);
            const int r = n >= 2048 ? 1 : reps;
            std::cout << name << ",deblur," << n << ","
                      << timeIt(r, [&] { model.deblur(image, 7e-6); }) << "\n"
                      << std::flush;
            const auto encoded = model.encode(image);
            std::cout << name << ",defocus change (cached encoder)," << n << ","
                      << timeIt(r, [&] { model.decode(encoded, 8e-6); }) << "\n"
                      << std::flush;
        }
        // Training throughput on random crops (the data pipeline is timed separately).
        auto& m = model.impl();
        std::vector<torch::Tensor> fg = m.encoder->parameters();
        for (const auto& p : m.decoder->parameters())
            fg.push_back(p);
        torch::optim::Adam stage1(fg, torch::optim::AdamOptions(2e-4));
        const auto clean = torch::rand({ 8, 1, 64, 64 }), blurred = torch::rand({ 8, 1, 64, 64 });
        const double t1 = timeIt(
            reps, [&] { net::stageOneStep(m.encoder, m.decoder, stage1, blurred, clean); });
        std::cout << name << ",stage 1 images per second,64," << 8.0 / t1 << "\n" << std::flush;
        net::freeze(*m.encoder);
        torch::optim::Adam banks(m.deformer->bankParameters(), torch::optim::AdamOptions(2e-4));
        torch::optim::Adam mlps(m.deformer->mlpParameters(), torch::optim::AdamOptions(2e-4));
        std::vector<torch::Tensor> six(6, blurred), theta(6, torch::full({ 8 }, 0.5f));
        const double t2 = timeIt(reps, [&] {
            net::stageTwoStep(m.encoder, m.deformer, banks, mlps, blurred, six, theta, true);
        });
        std::cout << name << ",stage 2 samples per second,64," << 8.0 / t2 << "\n" << std::flush;
    }
    return 0;
}
