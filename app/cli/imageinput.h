#pragma once

#include "app/cli/arguments.h"

#include "engine/core/image.h"

#include <string>
#include <vector>

namespace latentlens::cli {

/// `--analysis NAME`: the XRF-Maps analysis to read, for the commands that read an image.
std::string analysisOptionHelp();

/// Reads `path` as engine::readImage does, with the analysis given by `--analysis`; what the
/// reader could not use (scan positions without a pixel size) is appended to `warnings`.
engine::Image readInputImage(
    const Arguments& args, const std::string& path, std::vector<std::string>& warnings);

} // namespace latentlens::cli
