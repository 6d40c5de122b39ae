#include "app/cli/arguments.h"
#include "app/cli/command.h"
#include "app/cli/probeoptions.h"

#include "engine/imageio.h"
#include "engine/probe.h"
#include "engine/provenance.h"

#include <iostream>
#include <nlohmann/json.hpp>

namespace latentlens::cli {

namespace {

int runProbe(const std::vector<std::string>& argv, std::ostream& out)
{
    auto names = probeOptionNames();
    names.insert("output");
    Arguments args(argv, names, { "json" });
    args.expectPositionals(0, "no file arguments (use -o)");
    const std::string output = args.required("output");
    std::vector<std::string> warnings;
    engine::Image kernel = simulatedKernel(args, warnings);

    engine::Provenance provenance { "probe", {}, {}, {} };
    for (const auto& name : probeOptionNames())
        if (auto v = args.value(name))
            provenance.parameters.emplace_back(name, *v);
    kernel.setProvenance(provenance.toJson());
    engine::writeImage(kernel, output);

    for (const auto& w : warnings)
        std::cerr << "latentlens-cli probe: warning: " << w << "\n";
    const double r50 = engine::encircledEnergyRadius(kernel, 0.5);
    const double r90 = engine::encircledEnergyRadius(kernel, 0.9);
    if (args.flag("json")) {
        nlohmann::json j { { "output", output },
            { "defocus_um", args.number("defocus").value_or(0.0) }, { "size", kernel.width() },
            { "pixel_size_m", kernel.spacing().x }, { "r50_px", r50 }, { "r90_px", r90 },
            { "warnings", warnings } };
        out << j.dump(2) << "\n";
    } else {
        out << "wrote " << output << ": " << kernel.width() << "x" << kernel.height()
            << " kernel, 50% of the energy within " << r50 << " px, 90% within " << r90 << " px\n";
    }
    return 0;
}

} // namespace

Command probeCommand()
{
    return { "probe", "the blur kernel of a simulated zone-plate probe at a defocus",
        "usage: latentlens-cli probe [--defocus D] [optics options] [--json] -o KERNEL.tif\n"
        "\n"
        "Simulates the complex probe of a zone plate (annular pupil, focused, propagated\n"
        "by the angular spectrum method to the defocus) and writes its intensity as a\n"
        "normalised float32 kernel (sum 1) with its pixel size.\n\n"
            + probeOptionsHelp()
            + "  -o, --output FILE   kernel TIFF to write\n"
              "  --json              print a JSON summary\n",
        runProbe };
}

} // namespace latentlens::cli
