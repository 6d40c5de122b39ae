#include "app/cli/probeoptions.h"

#include "engine/probe/probe.h"

#include <cmath>

namespace latentlens::cli {

std::set<std::string> probeOptionNames()
{
    return { "defocus", "energy", "na", "zone-width", "diameter", "central-stop", "pixel-size",
        "image-pixel-size", "size", "grid", "support" };
}

std::string probeOptionsHelp()
{
    return "  --defocus D         distance from focus in µm, negative allowed (default 0)\n"
           "  --energy KEV        photon energy in keV (default 12)\n"
           "  --na NA             numerical aperture (default 0.005)\n"
           "  --zone-width M      outermost zone width in metres (sets NA = lambda / 2dr)\n"
           "  --diameter M        lens diameter in metres (default 100e-6)\n"
           "  --central-stop F    central stop as a fraction of the diameter (default 0.3)\n"
           "  --pixel-size M      probe pixel size in metres (default 5e-9)\n"
           "  --image-pixel-size M  image pixel size in metres (default: the input image's\n"
           "                      when its file records one, else the probe's)\n"
           "  --grid N            probe field N x N (default 256)\n"
           "  --size N            kernel N x N (default 64)\n"
           "  --support F         support disc, fraction of the field's half-width (default "
           "0.35)\n";
}

engine::ZonePlateOptics opticsFromArguments(const Arguments& args)
{
    engine::ZonePlateOptics optics;
    optics.energyKeV = args.number("energy").value_or(optics.energyKeV);
    optics.numericalAperture = args.number("na").value_or(optics.numericalAperture);
    optics.outerZoneWidth = args.number("zone-width").value_or(0.0);
    optics.diameter = args.number("diameter").value_or(optics.diameter);
    optics.centralStop = args.number("central-stop").value_or(optics.centralStop);
    optics.pixelSize = args.number("pixel-size").value_or(optics.pixelSize);
    const double grid = args.number("grid").value_or(double(optics.gridSize));
    if (grid < 16 || grid > 8192 || grid != std::floor(grid))
        throw UsageError("option '--grid' needs a whole number from 16 to 8192");
    optics.gridSize = std::size_t(grid);
    return optics;
}

engine::KernelOptions kernelOptionsFromArguments(const Arguments& args, double imagePixelSize)
{
    const double size = args.number("size").value_or(64.0);
    if (size < 1 || size > 4096 || size != std::floor(size))
        throw UsageError("option '--size' needs a whole number from 1 to 4096");
    engine::KernelOptions kernel;
    kernel.size = std::size_t(size);
    kernel.imagePixelSize = args.number("image-pixel-size").value_or(imagePixelSize);
    kernel.supportFraction = args.number("support").value_or(kernel.supportFraction);
    return kernel;
}

engine::Image simulatedKernel(
    const Arguments& args, std::vector<std::string>& warnings, double imagePixelSize)
{
    const auto optics = opticsFromArguments(args);
    const auto kernel = kernelOptionsFromArguments(args, imagePixelSize);
    const double defocus = args.number("defocus").value_or(0.0) * 1e-6;
    return engine::probeKernel(engine::simulateProbe(optics, defocus, &warnings), kernel);
}

} // namespace latentlens::cli
