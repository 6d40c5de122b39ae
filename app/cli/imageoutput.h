#pragma once

#include "app/cli/arguments.h"

#include "engine/io/tiffio.h"

#include <set>
#include <string>

namespace latentlens::cli {

/// The options every command that writes an image takes: `--format imagej|ome-tiff`.
std::set<std::string> outputOptionNames();

/// Help lines for outputOptionNames(), in the layout of the other option lists.
std::string outputOptionsHelp();

/// The TIFF layout and sample type asked for: `--format` (default: OME-TIFF for a name
/// ending in .ome.tif or .ome.tiff, else an ImageJ hyperstack) and `--uint16` when the
/// command has that flag. Throws UsageError for an unknown format.
engine::TiffWriteOptions tiffWriteOptions(const Arguments& args, const std::string& output);

} // namespace latentlens::cli
