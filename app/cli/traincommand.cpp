#include "app/cli/arguments.h"
#include "app/cli/command.h"
#include "app/cli/networkoptions.h"
#include "app/cli/probeoptions.h"

#include "engine/deconv/wiener.h"
#include "engine/net/latenttrainer.h"

#include <chrono>
#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

namespace latentlens::cli {

namespace {

int runTrain(const std::vector<std::string>& argv, std::ostream& out)
{
    auto names = probeOptionNames();
    names.erase("defocus");
    names.insert({ "data", "defocus", "reference", "epochs1", "epochs2", "epochs3", "batches",
        "batch-size", "crop", "model-size", "architecture", "noise-min", "noise-max", "lr",
        "lr-final", "seed", "checkpoint", "output", "device", "poisson-fraction", "photons-min",
        "photons-max", "init", "dead-leaves", "loss", "physics-padding", "physics-wide-padding",
        "physics-low-noise-padding", "physics-low-noise-below", "ema", "ensemble-views" });
    Arguments args(
        argv, names, { "json", "softmax", "no-simpledeform", "no-deformer", "pixel-noise-map" });
    args.expectPositionals(0, "no file arguments (use --data and -o)");
    const std::string output = args.required("output");
    auto whole = [&](const char* name, double fallback, double lo) {
        const double v = args.number(name).value_or(fallback);
        if (v < lo || v != std::floor(v) || v > 1e9)
            throw UsageError(std::string("option '--") + name
                + "' needs a whole number >= " + std::to_string(int(lo)));
        return v;
    };
    engine::TrainingOptions o;
    for (const auto& source : splitList(args.required("data")))
        o.data.emplace_back(source);
    if (o.data.empty())
        throw UsageError("option '--data' needs a folder or image file");
    o.crop = std::size_t(whole("crop", 64, 8));
    o.batchSize = int(whole("batch-size", 8, 1));
    o.batchesPerEpoch = int(whole("batches", 50, 1));
    o.epochsStage1 = int(whole("epochs1", 20, 0));
    o.epochsStage2 = int(whole("epochs2", 30, 0));
    o.epochsStage3 = int(whole("epochs3", 0, 0));
    o.minNoise = args.number("noise-min").value_or(0.001);
    o.maxNoise = args.number("noise-max").value_or(0.02);
    if (!(o.minNoise > 0 && o.maxNoise >= o.minNoise && o.maxNoise < 1))
        throw UsageError("options '--noise-min' and '--noise-max' need 0 < min <= max < 1");
    o.poissonFraction = args.number("poisson-fraction").value_or(0.0);
    if (!(o.poissonFraction >= 0 && o.poissonFraction <= 1))
        throw UsageError("option '--poisson-fraction' needs a value from 0 to 1");
    o.minPhotons = args.number("photons-min").value_or(200.0);
    o.maxPhotons = args.number("photons-max").value_or(5000.0);
    if (!(o.minPhotons > 0 && o.maxPhotons >= o.minPhotons))
        throw UsageError("options '--photons-min' and '--photons-max' need 0 < min <= max");
    o.initialModel = args.value("init").value_or("");
    o.deadLeavesFraction = args.number("dead-leaves").value_or(0.0);
    if (!(o.deadLeavesFraction >= 0 && o.deadLeavesFraction <= 1))
        throw UsageError("option '--dead-leaves' needs a value from 0 to 1");
    const std::string loss = args.value("loss").value_or("mse");
    if (loss != "mse" && loss != "psnr" && loss != "psnr-ssim")
        throw UsageError("option '--loss' is 'mse' (default), 'psnr' or 'psnr-ssim'");
    o.imageLoss = loss == "psnr" ? engine::ImageLoss::Psnr
        : loss == "psnr-ssim"    ? engine::ImageLoss::PsnrSsim
                                 : engine::ImageLoss::Mse;
    o.emaDecay = args.number("ema").value_or(0.0);
    if (!(o.emaDecay >= 0 && o.emaDecay < 1))
        throw UsageError("option '--ema' needs a decay in [0, 1)");
    o.learningRate = args.number("lr").value_or(2e-4);
    o.finalRateFraction = args.number("lr-final").value_or(1.0);
    if (!(o.learningRate > 0) || !(o.finalRateFraction > 0 && o.finalRateFraction <= 1))
        throw UsageError("option '--lr' must be positive and '--lr-final' in (0, 1]");
    o.seed = std::uint64_t(whole("seed", 1, 0));
    o.checkpoint = args.value("checkpoint").value_or("");
    o.trainSimpleDeform = !args.flag("no-simpledeform");
    o.stageThreeDeformer = !args.flag("no-deformer");
    o.device = computeDevice(args);
    const std::string size = args.value("model-size").value_or("small");
    if (size != "small" && size != "paper")
        throw UsageError("option '--model-size' is 'small' (CPU) or 'paper'");
    const std::string architecture = args.value("architecture").value_or("kernel");
    if (architecture != "kernel" && architecture != "paper")
        throw UsageError("option '--architecture' is 'kernel' (default) or 'paper'");
    const auto kind = architecture == "kernel" ? engine::Architecture::KernelAware
                                               : engine::Architecture::Paper;
    if (size == "small")
        o.record = engine::ModelRecord::small(kind);
    o.record.architecture = kind;
    if (o.epochsStage3 > 0 && kind == engine::Architecture::Paper)
        throw UsageError("option '--epochs3' needs --architecture kernel (the paper's network "
                         "has two stages)");
    if (!o.stageThreeDeformer && o.epochsStage3 == 0)
        throw UsageError("option '--no-deformer' applies to stage 3; give --epochs3 (and "
                         "--architecture kernel)");
    // A padding of the kernel-aware network's physics step (in kernel sizes), in Wiener's
    // range; none when the option is not given.
    auto physicsPadding = [&](const std::string& name) -> std::optional<double> {
        const auto value = args.number(name);
        if (!value)
            return std::nullopt;
        if (kind != engine::Architecture::KernelAware)
            throw UsageError("option '--" + name + "' needs --architecture kernel");
        if (!engine::WienerOptions::paddingIsValid(*value))
            throw UsageError("option '--" + name + "' needs a value in (0, "
                + std::to_string(engine::WienerOptions::maxPadding) + "]");
        return value;
    };
    if (const auto padding = physicsPadding("physics-padding"))
        o.record.physicsPadding = *padding;
    if (const auto wide = physicsPadding("physics-wide-padding"))
        o.record.physicsWidePadding = *wide;
    if (const auto low = physicsPadding("physics-low-noise-padding")) {
        o.record.physicsLowNoisePadding = *low;
        o.record.physicsLowNoiseSigma = args.number("physics-low-noise-below").value_or(0.07);
        if (!(o.record.physicsLowNoiseSigma > 0 && o.record.physicsLowNoiseSigma < 1e3))
            throw UsageError("option '--physics-low-noise-below' needs a positive noise level");
    } else if (args.value("physics-low-noise-below")) {
        throw UsageError("option '--physics-low-noise-below' needs --physics-low-noise-padding");
    }
    if (const int views = ensembleViews(args)) {
        if (kind != engine::Architecture::KernelAware)
            throw UsageError("option '--ensemble-views' needs --architecture kernel");
        o.record.ensembleViews = views;
    }
    if (args.flag("pixel-noise-map")) {
        if (kind != engine::Architecture::KernelAware)
            throw UsageError("option '--pixel-noise-map' needs --architecture kernel");
        o.record.pixelNoiseMap = true;
    }
    o.record.softmax = args.flag("softmax");
    o.record.optics = opticsFromArguments(args);
    o.record.kernel = kernelOptionsFromArguments(args);
    o.record.defocus.clear();
    for (double um : numberList(args.value("defocus").value_or("0.1,3,5,7,10,15"), "defocus"))
        o.record.defocus.push_back(um * 1e-6);
    o.record.referenceDefocus = args.number("reference").value_or(3.0) * 1e-6;

    engine::LatentTrainer trainer(o);
    for (const auto& skipped : trainer.skippedFiles())
        std::cerr << "latentlens-cli train: skipped " << skipped << "\n";
    const auto start = std::chrono::steady_clock::now();
    double sum = 0.0, simpleSum = 0.0;
    const auto model = trainer.run([&](const engine::TrainingStep& s) {
        if (s.batch == 1)
            sum = simpleSum = 0.0;
        sum += s.loss;
        simpleSum += s.simpleLoss;
        if (s.batch == s.batches) {
            const double elapsed
                = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            std::cerr << "stage " << s.stage << ", epoch " << s.epoch << "/" << s.epochs
                      << ": mean loss " << sum / s.batches;
            if (s.stage == 2 && simpleSum > 0)
                std::cerr << ", SIMPLEDEFORM " << simpleSum / s.batches;
            std::cerr << " (" << int(elapsed) << " s)\n";
        }
    });
    model.save(output);
    nlohmann::json log = nlohmann::json::array();
    for (const auto& e : trainer.epochLog())
        log.push_back({ { "stage", e.stage }, { "epoch", e.epoch }, { "loss", e.loss },
            { "simpledeform_loss", e.simpleLoss } });
    if (args.flag("json"))
        out << nlohmann::json { { "output", output }, { "epochs", log } }.dump(2) << "\n";
    else
        out << "wrote " << output << " (" << trainer.epochLog().size() << " epochs)\n";
    return 0;
}

} // namespace

Command trainCommand()
{
    return { "train", "train the deformable latent-space network on a folder of images",
        "usage: latentlens-cli train --data DIR [--defocus LIST] [--reference D]\n"
        "                            [--epochs1 N] [--epochs2 N] [--epochs3 N] [options] -o MODEL\n"
        "\n"
        "Stage 1 fits the encoder and decoder on the reference kernel; stage 2 freezes them\n"
        "and fits the deformer over all kernels, alternating filter-bank and MLP updates;\n"
        "stage 3 (kernel-aware models) fine-tunes all three together on the deblurred image.\n"
        "Blur and noise are made on the fly from the probe model.\n\n"
        "  --data LIST         folders of clean images and image files, separated by commas\n"
        "                      (PNG, JPEG, TIFF; any size >= crop)\n"
        "  --defocus LIST      defocus values in µm (default 0.1,3,5,7,10,15)\n"
        "  --reference D       reference defocus of stage 1, one of the list (default 3)\n"
        "  --epochs1 N         stage-1 epochs (default 20)\n"
        "  --epochs2 N         stage-2 epochs (default 30)\n"
        "  --epochs3 N         stage-3 epochs, kernel-aware models only (default 0)\n"
        "  --architecture A    kernel (default: the network also gets the Wiener estimate\n"
        "                      made with the exact kernel, and the noise level) or paper\n"
        "  --physics-padding P that Wiener step's padding on each side in kernel sizes\n"
        "                      (default 1, the Wiener method's; 2 reflects a whole kernel\n"
        "                      width, which helps strongly defocused kernels at low noise)\n"
        "  --physics-wide-padding P\n"
        "                      also a second Wiener estimate with this padding, as a fourth\n"
        "                      input channel (default: none); with --init it is added to\n"
        "                      the model with its weights at zero, so training starts from\n"
        "                      the model's own output\n"
        "  --physics-low-noise-padding P\n"
        "                      that Wiener step's padding where the estimated noise standard\n"
        "                      deviation is below --physics-low-noise-below S (default\n"
        "                      0.07, between noise variances 0.001 and 0.02): at low noise\n"
        "                      the border must reach as far as the kernel\n"
        "  --ensemble-views N  inference averages the network over N views of each tile\n"
        "                      (1, 2, 4 or 8: the tile, turned by 180 degrees, its mirror\n"
        "                      images, their transposes), each turned back; N times the\n"
        "                      network's time (default 1; with --init, the model's)\n"
        "  --pixel-noise-map   also the noise standard deviation at each pixel, from a\n"
        "                      Poisson-Gaussian fit of the blurred image, as the last input\n"
        "                      channel; with --init it is added with its weights at zero\n"
        "  --batches N         batches per epoch (default 50)\n"
        "  --batch-size N      images per batch (default 8)\n"
        "  --crop N            training crop, a multiple of 4 >= the kernel size (default 64)\n"
        "  --model-size S      small (latent 64, for CPUs; default) or paper (latent 256)\n"
        "  --no-simpledeform   do not train the SIMPLEDEFORM ablation (stage 2 is faster)\n"
        "  --no-deformer       stage 3 trains f and g alone on g(f(x)), without D: the\n"
        "                      NODEFORM ablation trained on equal terms (then compare\n"
        "                      its nodeform with a model trained with D)\n"
        "  --softmax           softmax instead of L2 normalisation of the coefficients\n"
        "  --noise-min V, --noise-max V\n"
        "                      Gaussian noise variance range, drawn log-uniformly per\n"
        "                      sample (default 0.001 to 0.02)\n"
        "  --poisson-fraction F  share of samples with Poisson-Gaussian noise instead (default\n"
        "                      0): photons per unit intensity drawn log-uniformly over\n"
        "                      --photons-min to --photons-max (default 200 to 5000), read\n"
        "                      noise a tenth of the drawn variance\n"
        "  --dead-leaves F     share of training crops drawn from the dead-leaves model\n"
        "                      (natural-image statistics, no licence) instead of the data\n"
        "                      (default 0)\n"
        "  --loss L            image loss of the kernel-aware steps: mse (default), psnr\n"
        "                      (minus the mean PSNR of the batch's crops, so that dark and\n"
        "                      bright crops weigh alike) or psnr-ssim (that plus 20 x\n"
        "                      (1 - the crops' mean SSIM))\n"
        "  --init MODEL        start from this model's weights (fine-tuning; same\n"
        "                      architecture, size and probe family), e.g. with\n"
        "                      --epochs1 0 --epochs2 0 --epochs3 N\n"
        "  --ema D             stage 3 keeps a moving average of the weights (D x the\n"
        "                      average + (1 - D) x the weights after each batch) and the\n"
        "                      model gets it (default 0: none); 0.995 averages about the\n"
        "                      last 200 batches\n"
        "  --lr X              Adam learning rate at each stage's start (default 2e-4)\n"
        "  --lr-final F        cosine decay to F x the rate by each stage's end (default 1:\n"
        "                      constant)\n"
        "  --seed S            random seed (default 1)\n"
        "  --checkpoint FILE   save after every epoch; resume from it if it exists\n"
        "  -o, --output FILE   the model file to write\n"
        "  --json              print the loss of every epoch as JSON\n"
            + std::string(deviceHelp) + "\n" + probeOptionsHelp(),
        runTrain };
}

} // namespace latentlens::cli
