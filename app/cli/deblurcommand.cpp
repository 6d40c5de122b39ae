#include "app/cli/arguments.h"
#include "app/cli/command.h"
#include "app/cli/imageinput.h"
#include "app/cli/imageoutput.h"
#include "app/cli/networkoptions.h"
#include "app/cli/probeoptions.h"

#include "engine/core/provenance.h"
#include "engine/deconv/hyperlaplacian.h"
#include "engine/deconv/richardsonlucy.h"
#include "engine/deconv/wiener.h"
#include "engine/eval/evaluation.h"
#include "engine/io/imageio.h"
#include "engine/net/latentmodel.h"
#include "engine/probe/defocusfit.h"
#include "engine/probe/sampling.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace latentlens::cli {

namespace {

std::string text(double v)
{
    std::ostringstream s;
    s.precision(6);
    s << v;
    return s.str();
}

int runDeblur(const std::vector<std::string>& argv, std::ostream& out)
{
    auto names = probeOptionNames();
    names.insert({ "method", "kernel", "nsr", "iterations", "max-iterations", "tv", "alpha",
        "lambda", "background", "preset", "model", "device", "analysis" });
    names.merge(outputOptionNames());
    Arguments args(argv, names, { "json", "uint16", "periodic", "no-accelerate", "progress" });
    args.expectPositionals(2, "an input and an output image");
    const std::string input = args.positionals()[0], output = args.positionals()[1];
    const engine::TiffWriteOptions write = tiffWriteOptions(args, output);
    const std::string method = args.required("method");
    const bool network = isNetworkMethod(method);
    if (!network && method != "wiener" && method != "rl" && method != "hl")
        throw UsageError("option '--method' is wiener, rl, hl, latent, nodeform or simpledeform "
                         "(got '"
            + method + "')");
    std::string modelFile;
    const auto device = computeDevice(args);
    if (network) {
        if (auto m = args.value("model"))
            modelFile = *m;
        else if (auto shipped = engine::defaultModelPath())
            modelFile = shipped->string();
        else
            throw UsageError("method '" + method
                + "' needs a trained model and the default model was not found (it belongs in "
                  "share/latentlens/models/default.llm): give --model FILE");
    }
    const bool fromFile = args.value("kernel").has_value();
    if (fromFile == args.value("defocus").has_value())
        throw UsageError("give either --kernel FILE or --defocus D");
    auto allowedFor = [&](const std::string& option, const std::string& owner) {
        if (args.value(option) && method != owner)
            throw UsageError("option '--" + option + "' belongs to --method " + owner);
    };
    allowedFor("nsr", "wiener");
    for (const char* o : { "iterations", "max-iterations", "tv", "background" })
        allowedFor(o, "rl");
    for (const char* o : { "alpha", "lambda", "preset" })
        allowedFor(o, "hl");
    if (args.flag("no-accelerate") && method != "rl")
        throw UsageError("option '--no-accelerate' belongs to --method rl");
    if ((args.value("model") || args.value("device")) && !network)
        throw UsageError(
            "options '--model' and '--device' belong to the network methods, not " + method);

    auto nonNegative = [&](const char* name) -> std::optional<double> {
        auto v = args.number(name);
        if (v && *v < 0)
            throw UsageError(std::string("option '--") + name + "' must not be negative");
        return v;
    };
    auto wholeCount = [&](const char* name) -> std::optional<int> {
        auto v = args.number(name);
        if (v && (*v < 1 || *v > 100000 || *v != std::floor(*v)))
            throw UsageError(std::string("option '--") + name + "' needs a whole number >= 1");
        return v ? std::optional<int>(int(*v)) : std::nullopt;
    };

    std::vector<std::string> warnings;
    // The simulated kernel is sampled at the image's own pixel size (the file's, unless
    // --image-pixel-size overrides it); never silently at the probe's.
    const engine::Image image = readInputImage(args, input, warnings);
    const double filePixel = image.spacing().x;
    const engine::Image kernel = network ? engine::Image()
        : fromFile                       ? engine::readImage(*args.value("kernel"))
                                         : simulatedKernel(args, warnings, filePixel);
    if (!network && !fromFile) {
        const double given = args.number("image-pixel-size").value_or(0.0);
        if (given > 0 && filePixel > 0 && std::abs(given - filePixel) > 0.01 * filePixel)
            warnings.push_back("the file gives " + text(filePixel * 1e9)
                + " nm pixels; --image-pixel-size " + text(given * 1e9) + " nm is used");
        const double imagePixel = given > 0 ? given : filePixel;
        for (const auto& w : engine::samplingWarnings(engine::checkSampling(kernel,
                 opticsFromArguments(args).pixelSize, imagePixel, image.width(), image.height())))
            warnings.push_back(w);
    } else if (!network) {
        // A kernel file is used pixel for pixel.
        const double kernelPixel = kernel.spacing().x;
        if (kernelPixel > 0 && filePixel > 0
            && std::abs(kernelPixel - filePixel) > 0.05 * filePixel)
            warnings.push_back("the kernel file's pixels are " + text(kernelPixel * 1e9)
                + " nm but the image's are " + text(filePixel * 1e9)
                + " nm; the kernel is used pixel for pixel, so resample it to the image's "
                  "sampling first");
        for (const auto& w : engine::samplingWarnings(
                 engine::checkSampling(kernel, 0.0, 0.0, image.width(), image.height())))
            warnings.push_back(w);
    }

    engine::Progress progress;
    if (args.flag("progress"))
        progress.onIteration = [](const engine::IterationInfo& i) {
            std::cerr << "plane " << i.plane + 1 << "/" << i.planes << ", iteration " << i.iteration
                      << "/" << i.iterations << ": " << i.value << "\n";
        };
    engine::Provenance provenance { "deblur", { input }, { { "method", method } },
        image.provenance() };
    if (fromFile)
        provenance.inputs.push_back(*args.value("kernel"));
    for (const auto& name : names)
        if (auto v = args.value(name);
            v && name != "kernel" && name != "method" && name != "format")
            provenance.parameters.emplace_back(name, *v);

    const auto start = std::chrono::steady_clock::now();
    engine::Image result;
    engine::DeconvolutionReport report;
    std::string parameterName;
    if (network) {
        auto model = engine::LatentModel::load(modelFile);
        model.setDevice(device);
        const bool aware = model.record().architecture == engine::Architecture::KernelAware;
        double defocus = 0.0;
        engine::Image given;
        if (fromFile) {
            // Given only a kernel: the defocus of the model's probe family that fits it best
            // is theta; a kernel-aware model also deconvolves with the kernel itself.
            given = engine::readImage(*args.value("kernel"));
            const auto& r = model.record();
            const double top = *std::max_element(r.defocus.begin(), r.defocus.end());
            const auto fit = engine::fitDefocus(given, r.optics, r.kernel, 1.1 * top);
            defocus = fit.defocus;
            warnings.push_back("the kernel fits the model's probe at " + text(defocus * 1e6)
                + " µm (residual " + text(fit.residual) + "); "
                + (aware ? "the network deconvolves with the kernel given and uses that "
                           "defocus as theta"
                         : "deblurring at that defocus"));
            if (fit.residual > 0.3 && !aware)
                warnings.push_back("the kernel does not resemble the model's probe family; the "
                                   "result may be poor");
        } else {
            defocus = *args.number("defocus") * 1e-6;
        }
        result = model.deblur(
            image, defocus, latentMethod(method), progress, aware ? given : engine::Image());
        provenance.inputs.push_back(modelFile);
        report.parameter.assign(image.planeCount(), defocus * 1e6);
        // The network estimates nothing itself; report the same robust estimate the
        // classical methods use, so that every method's output says how noisy the input was.
        report.noiseSigma.clear();
        for (std::size_t p = 0; p < image.planeCount(); ++p)
            report.noiseSigma.push_back(
                engine::estimateNoiseSigma(image.plane(p).data(), image.width(), image.height()));
        parameterName = "defocus_um";
    } else if (method == "wiener") {
        engine::WienerOptions o;
        o.nsr = nonNegative("nsr").value_or(-1.0);
        o.taperedBoundary = !args.flag("periodic");
        engine::Wiener wiener(o);
        result = wiener.run(image, kernel, progress);
        report = wiener.report();
        parameterName = "nsr";
    } else if (method == "rl") {
        engine::RichardsonLucyOptions o;
        o.iterations = wholeCount("iterations").value_or(0);
        o.maxIterations = wholeCount("max-iterations").value_or(o.maxIterations);
        o.tv = nonNegative("tv").value_or(-1.0);
        o.background = nonNegative("background").value_or(-1.0);
        o.accelerate = !args.flag("no-accelerate");
        o.borderAware = !args.flag("periodic");
        engine::RichardsonLucy rl(o);
        result = rl.run(image, kernel, progress);
        report = rl.report();
        parameterName = "iterations";
    } else {
        engine::HyperLaplacianOptions o;
        if (auto preset = args.value("preset")) {
            if (*preset != "paper")
                throw UsageError("option '--preset' knows only 'paper' (alpha 2/3, lambda 2000)");
            o = engine::HyperLaplacianOptions::paper();
        }
        if (auto a = args.number("alpha")) {
            if (!(*a > 0 && *a <= 2))
                throw UsageError("option '--alpha' must lie in (0, 2]");
            o.alpha = *a;
        }
        if (auto l = args.number("lambda")) {
            if (!(*l > 0))
                throw UsageError("option '--lambda' must be positive");
            o.lambda = *l;
        }
        o.taperedBoundary = !args.flag("periodic");
        engine::HyperLaplacian hl(o);
        result = hl.run(image, kernel, progress);
        report = hl.report();
        parameterName = "lambda";
    }
    const double seconds
        = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    nlohmann::json chosen = report.parameter, sigma = report.noiseSigma;
    provenance.parameters.emplace_back("chosen_" + parameterName, chosen.dump());
    provenance.parameters.emplace_back("noise_sigma", sigma.dump());
    result.setProvenance(provenance.toJson());
    const auto written = engine::writeImage(result, output, write);
    for (const auto& w : warnings)
        std::cerr << "latentlens-cli deblur: warning: " << w << "\n";
    if (written.clippedPixels > 0)
        std::cerr << "latentlens-cli deblur: warning: " << written.clippedPixels
                  << " values outside [0, 1] were clipped for 16-bit output\n";
    if (args.flag("json")) {
        out << nlohmann::json { { "output", output }, { "method", method },
            { parameterName, report.parameter }, { "noise_sigma", report.noiseSigma },
            { "seconds", seconds }, { "image_pixel_size_m", image.spacing().x },
            { "kernel_pixel_size_m", kernel.empty() ? 0.0 : kernel.spacing().x },
            { "warnings", warnings } }
                   .dump(2)
            << "\n";
    } else {
        out << "wrote " << output << " (" << method << ", " << parameterName << " "
            << text(report.parameter.empty() ? 0.0 : report.parameter.front())
            << (report.parameter.size() > 1 ? " for the first plane" : "") << ", estimated noise "
            << text(report.noiseSigma.empty() ? 0.0 : report.noiseSigma.front()) << ", "
            << text(seconds) << " s)\n";
    }
    return 0;
}

} // namespace

Command deblurCommand()
{
    return { "deblur", "remove a known blur: Wiener, Richardson-Lucy or hyper-Laplacian",
        "usage: latentlens-cli deblur --method wiener|rl|hl (--kernel K.tif | --defocus D\n"
        "                             [optics options]) [method options] [--format F] [--json] IN "
        "OUT\n"
        "\n"
        "Deconvolves every plane of IN and writes float32 TIFF (16-bit with --uint16) with a\n"
        "provenance record. Every parameter has an automatic default from the image's\n"
        "estimated noise level; the options override it.\n\n"
        "  --method M          wiener, rl (Richardson-Lucy), hl (hyper-Laplacian), or the\n"
        "                      network: latent, nodeform, simpledeform\n"
        "  --model FILE        a model made by 'latentlens-cli train' (default: the shipped\n"
        "                      model, or the file named by LATENTLENS_MODEL)\n"
        "  --device D          network methods: auto (a CUDA GPU when there is one), cpu or\n"
        "                      cuda\n"
        "  --kernel FILE       the blur kernel as an image (normalised here)\n"
        "  --periodic          treat the image as periodic instead of handling its border\n"
        "  --progress          print each iteration to stderr\n"
        "  --uint16            write 16-bit output\n"
            + outputOptionsHelp()
            + "  --json              print a JSON summary (with the image's and the kernel's\n"
              "                      pixel sizes)\n"
              "Wiener:\n"
              "  --nsr X             regularisation weight (default: chosen by UPRE per plane)\n"
              "Richardson-Lucy:\n"
              "  --iterations N      fixed count (default: automatic, discrepancy principle)\n"
              "  --max-iterations N  cap of the automatic count (default 150)\n"
              "  --tv X              total-variation weight (default: from the noise; 0 = none)\n"
              "  --background B      known background (default: 3 x the noise level)\n"
              "  --no-accelerate     plain RL instead of Biggs-Andrews acceleration\n"
              "Hyper-Laplacian:\n"
              "  --alpha A           exponent of the gradient prior (default 2/3)\n"
              "  --lambda L          data weight (default: from the noise)\n"
              "  --preset paper      Krishnan and Fergus's setting: alpha 2/3, lambda 2000\n\n"
            + analysisOptionHelp() + probeOptionsHelp(),
        runDeblur };
}

} // namespace latentlens::cli
