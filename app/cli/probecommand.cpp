#include "app/cli/arguments.h"
#include "app/cli/command.h"
#include "app/cli/imageoutput.h"
#include "app/cli/probeoptions.h"

#include "engine/core/provenance.h"
#include "engine/io/imageio.h"
#include "engine/probe/defocusfit.h"
#include "engine/probe/probe.h"
#include "engine/probe/probeimport.h"

#include <iostream>
#include <nlohmann/json.hpp>

namespace latentlens::cli {

namespace {

int runProbe(const std::vector<std::string>& argv, std::ostream& out)
{
    auto names = probeOptionNames();
    names.insert({ "output", "import", "dataset", "fit-range" });
    names.merge(outputOptionNames());
    Arguments args(argv, names, { "json", "complex-pages" });
    args.expectPositionals(0, "no file arguments (use -o)");
    const std::string output = args.required("output");
    const engine::TiffWriteOptions write = tiffWriteOptions(args, output);
    const auto importPath = args.value("import");
    if (!importPath) {
        for (const char* name : { "dataset", "fit-range" })
            if (args.value(name))
                throw UsageError(std::string("option '--") + name + "' needs --import FILE");
        if (args.flag("complex-pages"))
            throw UsageError("option '--complex-pages' needs --import FILE");
    }
    const double defocusUm = args.number("defocus").value_or(0.0);
    std::vector<std::string> warnings;
    nlohmann::json summary;
    engine::Image kernel;
    engine::Provenance provenance { "probe", {}, {}, {} };

    if (importPath) {
        engine::ProbeImportOptions options;
        options.dataset = args.value("dataset").value_or("");
        options.pixelSize = args.number("pixel-size").value_or(0.0);
        options.energyKeV = args.number("energy").value_or(0.0);
        options.complexPages = args.flag("complex-pages");
        if (options.pixelSize < 0 || options.energyKeV < 0)
            throw UsageError("options '--pixel-size' and '--energy' must be positive");
        const engine::ImportedProbe probe = engine::importProbe(*importPath, options);
        kernel = engine::importedKernel(
            probe, defocusUm * 1e-6, kernelOptionsFromArguments(args), &warnings);
        provenance.inputs.push_back(*importPath);
        summary["import"] = { { "file", *importPath }, { "source", probe.source },
            { "stored", probe.stored }, { "complex", probe.isComplex },
            { "modes", probe.isComplex ? probe.complex.modes.size() : 0 },
            { "pixel_size_m", probe.complex.pixelSize },
            { "wavelength_m", probe.complex.wavelength }, { "notes", probe.notes } };
        for (const auto& note : probe.notes)
            std::cerr << "latentlens-cli probe: note: " << note << "\n";
        if (!probe.isComplex) {
            // A measured PSF: which defocus of the simulated family does it look like?
            auto optics = opticsFromArguments(args);
            optics.pixelSize = engine::ZonePlateOptics {}.pixelSize; // the family's own grid
            const double range = args.number("fit-range").value_or(20.0);
            if (!(range > 0))
                throw UsageError("option '--fit-range' needs a positive number of µm");
            if (kernel.spacing().x > 0) {
                const auto fit = engine::fitDefocus(kernel, optics, {}, range * 1e-6);
                summary["best_fit_defocus_um"] = fit.defocus * 1e6;
                summary["best_fit_residual"] = fit.residual;
                summary["best_fit_at_limit"] = fit.atLimit;
                if (fit.atLimit)
                    warnings.push_back("the best-fitting defocus is at the end of the range "
                                       "searched; try a larger --fit-range");
                if (fit.residual > 0.3)
                    warnings.push_back("the PSF does not resemble the simulated zone-plate "
                                       "probe at any defocus (residual "
                        + std::to_string(fit.residual) + ")");
            } else {
                warnings.push_back("no best-fitting defocus: the PSF's pixel size is unknown "
                                   "(give --pixel-size)");
            }
        }
    } else {
        kernel = simulatedKernel(args, warnings);
    }
    for (const auto& name : names)
        if (auto v = args.value(name);
            v && name != "output" && name != "import" && name != "format")
            provenance.parameters.emplace_back(name, *v);
    kernel.setProvenance(provenance.toJson());
    engine::writeImage(kernel, output, write);

    for (const auto& w : warnings)
        std::cerr << "latentlens-cli probe: warning: " << w << "\n";
    const double r50 = engine::encircledEnergyRadius(kernel, 0.5);
    const double r90 = engine::encircledEnergyRadius(kernel, 0.9);
    summary.update({ { "output", output }, { "defocus_um", defocusUm }, { "size", kernel.width() },
        { "pixel_size_m", kernel.spacing().x }, { "r50_px", r50 }, { "r90_px", r90 },
        { "warnings", warnings } });
    if (args.flag("json")) {
        out << summary.dump(2) << "\n";
    } else {
        out << "wrote " << output << ": " << kernel.width() << "x" << kernel.height()
            << " kernel, 50% of the energy within " << r50 << " px, 90% within " << r90 << " px\n";
        if (summary.contains("best_fit_defocus_um"))
            out << "best-fitting defocus of the simulated probe: "
                << summary["best_fit_defocus_um"].get<double>() << " µm (residual "
                << summary["best_fit_residual"].get<double>() << ")\n";
    }
    return 0;
}

} // namespace

Command probeCommand()
{
    return { "probe", "the blur kernel of a simulated or imported probe at a defocus",
        "usage: latentlens-cli probe [--defocus D] [optics options] [--format F] [--json]\n"
        "                            -o KERNEL.tif\n"
        "       latentlens-cli probe --import FILE [--dataset PATH] [--pixel-size M]\n"
        "                            [--energy KEV] [--defocus D] [--format F] [--json]\n"
        "                            -o KERNEL.tif\n"
        "\n"
        "Simulates the complex probe of a zone plate (annular pupil, focused, propagated\n"
        "by the angular spectrum method to the defocus), or imports a probe, and writes its\n"
        "intensity as a normalised float32 kernel (sum 1) with its pixel size.\n\n"
            + probeOptionsHelp() + outputOptionsHelp()
            + "  -o, --output FILE   kernel TIFF to write\n"
              "  --json              print a JSON summary\n"
              "\n"
              "Import (a ptychographic probe or a measured PSF):\n"
              "  --import FILE       .npy/.npz (complex or float), TIFF (intensity, or real/\n"
              "                      imaginary pages), MATLAB .mat (v4, v5, v7.3), HDF5:\n"
              "                      PtyPy .ptyr, .h5\n"
              "  --dataset PATH      HDF5 dataset, .npz array or .mat variable (default:\n"
              "                      PtyPy's /content/probe/<id>/data, then /probe;\n"
              "                      probeGuess; in a .mat probe, probeGuess or the only\n"
              "                      array)\n"
              "  --pixel-size M      the probe's pixel size, if the file lacks it or is wrong\n"
              "  --energy KEV        the photon energy, needed to propagate (--defocus)\n"
              "  --complex-pages     read TIFF pages as (real, imaginary) pairs\n"
              "  --fit-range UM      for an intensity PSF, the defocus range searched for the\n"
              "                      best-fitting simulated probe (default 20)\n"
              "A complex probe is propagated to --defocus like a simulated one; an intensity\n"
              "PSF is used as it is, and the defocus of the simulated family (the optics\n"
              "options, 5 nm grid) that fits it best is reported.\n",
        runProbe };
}

} // namespace latentlens::cli
