#pragma once

#include "app/cli/arguments.h"

#include "engine/core/image.h"
#include "engine/probe/probe.h"

#include <set>
#include <string>
#include <vector>

namespace latentlens::cli {

/// The options that describe a simulated probe and its kernel, shared by `probe`, `blur`
/// and (later) `deblur`.
std::set<std::string> probeOptionNames();
std::string probeOptionsHelp();

/// The kernel of the simulated zone-plate probe at `--defocus` (µm) with the optics given
/// by the options, sampled at `--image-pixel-size`, else at `imagePixelSize` (metres; the
/// input image's, 0 when unknown), else at the probe's pixel size. Warnings (aliasing) are
/// appended to `warnings`.
engine::Image simulatedKernel(
    const Arguments& args, std::vector<std::string>& warnings, double imagePixelSize = 0.0);

/// The zone-plate optics given by the options (defaults where absent).
engine::ZonePlateOptics opticsFromArguments(const Arguments& args);
/// The kernel size, image pixel size (else `imagePixelSize`) and support given by the
/// options.
engine::KernelOptions kernelOptionsFromArguments(
    const Arguments& args, double imagePixelSize = 0.0);

} // namespace latentlens::cli
