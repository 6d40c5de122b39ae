#include "app/cli/arguments.h"
#include "app/cli/command.h"
#include "app/cli/imageinput.h"
#include "app/cli/imageoutput.h"
#include "app/cli/probeoptions.h"

#include "engine/core/provenance.h"
#include "engine/forward/forwardmodel.h"
#include "engine/io/imageio.h"

#include <iostream>
#include <nlohmann/json.hpp>

namespace latentlens::cli {

namespace {

int runBlur(const std::vector<std::string>& argv, std::ostream& out)
{
    auto names = probeOptionNames();
    names.insert({ "kernel", "noise-var", "poisson", "seed", "boundary", "analysis" });
    names.merge(outputOptionNames());
    Arguments args(argv, names, { "json", "uint16" });
    args.expectPositionals(2, "an input and an output image");
    const std::string input = args.positionals()[0], output = args.positionals()[1];
    const engine::TiffWriteOptions options = tiffWriteOptions(args, output);
    const bool fromFile = args.value("kernel").has_value();
    if (fromFile == args.value("defocus").has_value())
        throw UsageError("give either --kernel FILE or --defocus D");
    const std::string boundaryName = args.value("boundary").value_or("reflect");
    if (boundaryName != "reflect" && boundaryName != "periodic")
        throw UsageError("option '--boundary' is 'reflect' or 'periodic'");
    const double noiseVar = args.number("noise-var").value_or(0.0);
    if (noiseVar < 0)
        throw UsageError("option '--noise-var' must not be negative");
    const double seed = args.number("seed").value_or(0.0);
    if (seed < 0 || seed != std::floor(seed))
        throw UsageError("option '--seed' needs a whole number >= 0");

    std::vector<std::string> warnings;
    engine::Image image = readInputImage(args, input, warnings);
    const engine::Image kernel = fromFile ? engine::readImage(*args.value("kernel"))
                                          : simulatedKernel(args, warnings, image.spacing().x);
    engine::Image blurred = engine::convolve(image, kernel,
        boundaryName == "reflect" ? engine::Boundary::Reflect : engine::Boundary::Periodic);
    if (auto photons = args.number("poisson"))
        engine::addPoissonGaussianNoise(blurred, *photons, noiseVar, std::uint64_t(seed));
    else
        engine::addGaussianNoise(blurred, noiseVar, std::uint64_t(seed));

    engine::Provenance provenance { "blur", { input }, {}, image.provenance() };
    if (fromFile)
        provenance.inputs.push_back(*args.value("kernel"));
    for (const auto& name : names)
        if (auto v = args.value(name); v && name != "kernel" && name != "format")
            provenance.parameters.emplace_back(name, *v);
    blurred.setProvenance(provenance.toJson());
    const auto report = engine::writeImage(blurred, output, options);

    for (const auto& w : warnings)
        std::cerr << "latentlens-cli blur: warning: " << w << "\n";
    if (report.clippedPixels > 0)
        std::cerr << "latentlens-cli blur: warning: " << report.clippedPixels
                  << " values outside [0, 1] were clipped for 16-bit output\n";
    if (args.flag("json"))
        out << nlohmann::json { { "output", output }, { "clipped", report.clippedPixels },
            { "warnings", warnings } }
                   .dump(2)
            << "\n";
    else
        out << "wrote " << output << "\n";
    return 0;
}

} // namespace

Command blurCommand()
{
    return { "blur", "blur an image with a kernel or a simulated probe, and add noise",
        "usage: latentlens-cli blur (--kernel K.tif | --defocus D [optics options])\n"
        "                           [--noise-var V] [--poisson PHOTONS] [--seed S]\n"
        "                           [--boundary reflect|periodic] [--uint16] [--format F]\n"
        "                           [--json] IN OUT\n"
        "\n"
        "Computes B = I * K + N plane by plane (FFT convolution) and writes OUT as float32\n"
        "TIFF (16-bit with --uint16) with a provenance record.\n\n"
        "  --kernel FILE       kernel image (any size up to the image; origin at its centre)\n"
        "  --noise-var V       Gaussian noise variance on the [0,1] scale (default 0)\n"
        "  --poisson PHOTONS   Poisson noise with PHOTONS per unit intensity, plus the\n"
        "                      Gaussian read noise of --noise-var\n"
        "  --seed S            noise seed (default 0)\n"
        "  --boundary B        reflect (default) or periodic\n"
            + outputOptionsHelp() + analysisOptionHelp() + "\n" + probeOptionsHelp(),
        runBlur };
}

} // namespace latentlens::cli
