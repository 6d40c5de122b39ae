#include "app/cli/arguments.h"
#include "app/cli/command.h"
#include "app/cli/imageoutput.h"

#include "engine/core/provenance.h"
#include "engine/forward/specimen.h"
#include "engine/io/imageio.h"

#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>

namespace latentlens::cli {

namespace {

int runSpecimen(const std::vector<std::string>& argv, std::ostream& out)
{
    std::set<std::string> names { "output", "width", "height", "size", "seed", "filaments",
        "vesicles", "nuclei", "background", "pixel-size" };
    names.merge(outputOptionNames());
    Arguments args(argv, names, { "json", "uint16" });
    args.expectPositionals(0, "no file arguments (use -o)");
    const std::string output = args.required("output");
    const engine::TiffWriteOptions write = tiffWriteOptions(args, output);
    auto whole = [&](const char* name, double fallback, double lo, double hi) {
        const double v = args.number(name).value_or(fallback);
        if (v < lo || v > hi || v != std::floor(v))
            throw UsageError(std::string("option '--") + name + "' needs a whole number from "
                + std::to_string(std::int64_t(lo)) + " to " + std::to_string(std::int64_t(hi)));
        return v;
    };
    engine::SpecimenOptions options;
    const double size = whole("size", 256, 1, 16384);
    options.width = std::size_t(whole("width", size, 1, 16384));
    options.height = std::size_t(whole("height", size, 1, 16384));
    options.seed = std::uint64_t(whole("seed", 1, 0, 9.0e15));
    options.filaments = args.number("filaments").value_or(options.filaments);
    options.vesicles = args.number("vesicles").value_or(options.vesicles);
    options.nuclei = args.number("nuclei").value_or(options.nuclei);
    options.background = args.number("background").value_or(options.background);
    engine::Image image = engine::generateSpecimen(options);
    if (auto pixel = args.number("pixel-size")) {
        if (!(*pixel > 0))
            throw UsageError("option '--pixel-size' must be a positive number of metres");
        image.setSpacing({ *pixel, *pixel, 0.0 });
    }
    engine::Provenance provenance { "specimen", {}, {}, {} };
    for (const auto& name : names)
        if (auto v = args.value(name); v && name != "output" && name != "format")
            provenance.parameters.emplace_back(name, *v);
    image.setProvenance(provenance.toJson());
    engine::writeImage(image, output, write);
    if (args.flag("json"))
        out << nlohmann::json { { "output", output }, { "width", options.width },
            { "height", options.height }, { "seed", options.seed } }
                   .dump(2)
            << "\n";
    else
        out << "wrote " << output << ": " << options.width << "x" << options.height
            << " synthetic specimen, seed " << options.seed << "\n";
    return 0;
}

} // namespace

Command specimenCommand()
{
    return { "specimen", "a synthetic fluorescence specimen (ground truth for tests and demos)",
        "usage: latentlens-cli specimen [--size N | --width W --height H] [--seed S]\n"
        "                               [density options] [--uint16] [--format F] [--json]\n"
        "                               -o OUT.tif\n"
        "\n"
        "Draws a synthetic fluorescence image in [0, 1]: an uneven background, textured\n"
        "nuclei, curved filaments and vesicles. The same options give the same image.\n"
        "\n"
        "  --size N            width and height (default 256)\n"
        "  --width W, --height H\n"
        "  --seed S            random seed (default 1)\n"
        "  --filaments N       filaments per 256x256 pixels (default 14)\n"
        "  --vesicles N        vesicles per 256x256 pixels (default 45)\n"
        "  --nuclei N          nuclei per 256x256 pixels (default 1.5)\n"
        "  --background B      background level (default 0.04)\n"
        "  --pixel-size M      pixel size in metres to record in the file\n"
        "  --uint16            write 16-bit instead of float32\n"
            + outputOptionsHelp() + "  -o, --output FILE   TIFF to write\n",
        runSpecimen };
}

} // namespace latentlens::cli
