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

/// The physics step of one plane, with `record`'s physics fields: the engine's Wiener
/// deconvolution with `kernel` and its automatic (UPRE) regularisation, padded by
/// physicsPadding kernel sizes (physicsLowNoisePadding where the plane's estimated noise
/// is below physicsLowNoiseSigma), the noise standard deviation it estimated, and with
/// physicsWidePadding > 0 the same deconvolution with that padding.
struct PhysicsEstimate
{
    Image estimate;
    Image wide; ///< empty without a wide padding
    double noiseSigma = 0.0;
};
/// Throws as Wiener::run (a kernel larger than the image, negative or empty).
PhysicsEstimate physicsEstimate(const Image& plane, const Image& kernel, const ModelRecord& record);

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
