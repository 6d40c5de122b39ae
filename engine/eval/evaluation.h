#pragma once

// The cases of the evaluation protocol (DESIGN.md section 6), shared by `latentlens-cli eval`,
// the trainer's validation and the benchmarks so that every table is made from the same cases.

#include "engine/core/image.h"

#include <cstdint>

namespace latentlens::engine {

/// The ground truth of one evaluation image: its first plane, centre-cropped to at most
/// `size` x `size`, negative values set to 0 and divided by the crop's maximum, so that
/// every truth spans [0, 1] whatever its file's type (16-bit fluorescence rarely uses more
/// than a few percent of 65535).
Image evaluationTruth(const Image& image, std::size_t size);

/// One evaluation case: `truth` blurred by `kernel` with reflective borders, plus Gaussian
/// noise of variance `noiseVariance` drawn with `seed`; with `photons` > 0, Poisson-Gaussian
/// noise instead (Poisson noise at `photons` per unit intensity plus that Gaussian read
/// noise; addPoissonGaussianNoise).
Image evaluationInput(const Image& truth, const Image& kernel, double noiseVariance,
    std::uint64_t seed, double photons = 0.0);

} // namespace latentlens::engine
