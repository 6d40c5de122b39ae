#pragma once

// The evaluation protocol (DESIGN.md section 6), shared by `latentlens-cli eval` and the
// benchmarks so that every table is made from the same cases.

#include "engine/image.h"
#include "engine/latentmodel.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

namespace latentlens::engine {

/// The image files (PNG, JPEG, TIFF by extension) of `sources`: each folder's, sorted by
/// name, and each file named, in the order given. Throws IoError for a source that is
/// neither a folder nor a file.
std::vector<std::filesystem::path> imageFiles(const std::vector<std::filesystem::path>& sources);

/// The ground truth of one evaluation image: its first plane, centre-cropped to at most
/// `size` x `size`, values clamped to [0, 1].
Image evaluationTruth(const Image& image, std::size_t size);

/// One evaluation case: `truth` blurred by `kernel` with reflective borders, plus Gaussian
/// noise of variance `noiseVariance` drawn with `seed`.
Image evaluationInput(
    const Image& truth, const Image& kernel, double noiseVariance, std::uint64_t seed);

/// The blur kernel of a model's probe family at `defocus` (metres): what training used.
Image modelKernel(const ModelRecord& record, double defocus);

/// The default model shipped with LatentLens: the file named by the environment variable
/// LATENTLENS_MODEL when set, else `models/default.llm` in the installed data folder
/// (`<prefix>/share/latentlens`, found from the running program) or in the source tree's
/// `resources/` (a build that is not installed). Empty when there is none.
std::optional<std::filesystem::path> defaultModelPath();

} // namespace latentlens::engine
