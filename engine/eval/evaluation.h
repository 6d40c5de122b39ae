#pragma once

// The cases of the evaluation protocol (DESIGN.md section 6), shared by `latentlens-cli eval`,
// the trainer's validation and the benchmarks so that every table is made from the same cases.

#include "engine/core/image.h"

#include <cstdint>

namespace latentlens::engine {

/// The ground truth of one evaluation image: its first plane, centre-cropped to at most
/// `size` x `size`, values clamped to [0, 1].
Image evaluationTruth(const Image& image, std::size_t size);

/// One evaluation case: `truth` blurred by `kernel` with reflective borders, plus Gaussian
/// noise of variance `noiseVariance` drawn with `seed`.
Image evaluationInput(
    const Image& truth, const Image& kernel, double noiseVariance, std::uint64_t seed);

} // namespace latentlens::engine
