#pragma once

// Private to the engine: what the kernel-aware model adds to the paper's network
// (docs/network.md): the exact kernel enters through a Wiener estimate, the noise through
// a noise-level map and theta, and the network predicts a residual over the estimate.

#include "engine/core/image.h"
#include "engine/net/latentmodel.h"
#include "engine/net/latentnet.h"

#include <array>
#include <functional>
#include <vector>

namespace latentlens::engine::net {

/// A noise standard deviation as the network sees it (in the noise map and theta): about
/// 0.3 to 1.4 over the training noise range.
double noiseFeature(double sigma);

/// The physics step's borders (ModelRecord's physics fields): Wiener pads each side by
/// `padding` kernel sizes, by `lowNoisePadding` instead where the estimated noise standard
/// deviation is below `lowNoiseSigma`, and makes a second estimate with `widePadding` > 0.
struct PhysicsOptions
{
    double padding = 1.0;
    double widePadding = 0.0;
    double lowNoiseSigma = 0.0;
    double lowNoisePadding = 1.0;
};
PhysicsOptions physicsOptions(const ModelRecord& record);

/// The physics step of one plane: the engine's Wiener deconvolution with `kernel` and its
/// automatic (UPRE) regularisation, the noise standard deviation it estimated, and the
/// wide estimate where the options ask for one.
struct PhysicsEstimate
{
    Image estimate;
    Image wide; ///< empty without a wide padding
    double noiseSigma = 0.0;
};
/// Throws as Wiener::run (a kernel larger than the image, negative or empty).
PhysicsEstimate physicsEstimate(
    const Image& plane, const Image& kernel, const PhysicsOptions& options);

/// Writes one sample's planes of the encoder's input: the blurred image, the estimate and,
/// where the input has a fourth channel, the wide estimate (else nullptr).
using FillPlanes
    = std::function<void(std::size_t sample, float* blurred, float* estimate, float* wide)>;

/// The encoder's input for `batch` samples of `size` (height, width): channel 0 the blurred
/// image, 1 the estimate, 2 the noise map and, with `wide`, 3 the wide estimate.
/// `fill` writes each sample's image planes.
torch::Tensor kernelAwareInput(std::array<std::size_t, 2> size, std::size_t batch, bool wide,
    const FillPlanes& fill, const std::vector<double>& noiseSigma);

/// O = estimate + g(deform(f(x)), with f(x)'s skips); `deform` maps the code (identity
/// for NODEFORM).
torch::Tensor kernelAwareForward(Encoder& f, Decoder& g, const torch::Tensor& input,
    const std::function<torch::Tensor(const torch::Tensor&)>& deform);

} // namespace latentlens::engine::net
