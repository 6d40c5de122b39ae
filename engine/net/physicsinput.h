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

/// The kernel-aware encoder's input channels: the blurred image, the physics estimate, the
/// noise level (one value, noiseFeature of the estimated sigma), the wide-padding estimate
/// where the record has one, and last the per-pixel noise map where it has one.
enum class InputChannel { Blurred, Estimate, NoiseLevel, WideEstimate, NoiseMap };
std::vector<InputChannel> inputChannels(const ModelRecord& record);

/// noiseFeature of the noise standard deviation at each pixel of `plane`:
/// fitSignalDependentNoise's model at the mean of the 5 x 5 pixels around it (fewer at the
/// edges), which keeps the map's own noise small.
Image noiseMap(const Image& plane);

/// The physics step of one plane, with `record`'s physics fields: the engine's Wiener
/// deconvolution with `kernel` and its automatic (UPRE) regularisation, padded by
/// physicsPadding kernel sizes (physicsLowNoisePadding where the plane's estimated noise
/// is below physicsLowNoiseSigma), the noise standard deviation it estimated, with
/// physicsWidePadding > 0 the same deconvolution with that padding, and with pixelNoiseMap
/// the plane's noiseMap.
struct PhysicsEstimate
{
    Image estimate;
    Image wide; ///< empty without a wide padding
    Image noiseMap; ///< empty without a pixel noise map
    double noiseSigma = 0.0;
};
/// Throws as Wiener::run (a kernel larger than the image, negative or empty).
PhysicsEstimate physicsEstimate(const Image& plane, const Image& kernel, const ModelRecord& record);

/// One sample's image planes in the encoder's input; nullptr for a channel the record does
/// not have.
struct InputPlanes
{
    float* blurred = nullptr;
    float* estimate = nullptr;
    float* wide = nullptr;
    float* noiseMap = nullptr;
};
using FillPlanes = std::function<void(std::size_t sample, const InputPlanes& planes)>;

/// The encoder's input for `batch` samples of `size` (height, width), with the channels
/// of inputChannels(record): `fill` writes each sample's image planes, the noise level
/// comes from `noiseSigma`.
torch::Tensor kernelAwareInput(std::array<std::size_t, 2> size, std::size_t batch,
    const ModelRecord& record, const FillPlanes& fill, const std::vector<double>& noiseSigma);

/// O = estimate + g(deform(f(x)), with f(x)'s skips); `deform` maps the code (identity
/// for NODEFORM).
torch::Tensor kernelAwareForward(Encoder& f, Decoder& g, const torch::Tensor& input,
    const std::function<torch::Tensor(const torch::Tensor&)>& deform);

/// View `index` (0 to 7) of a batch of tiles (N, C, H, W) for ModelRecord::ensembleViews:
/// the tile, turned by 180 degrees, mirrored left-right, mirrored up-down, then the
/// transposes of those four; so views 0 to n - 1 are the record's n.
torch::Tensor ensembleView(const torch::Tensor& tiles, int index);
/// The inverse of ensembleView: the output of a view turned back to the tile's orientation.
torch::Tensor undoEnsembleView(const torch::Tensor& tiles, int index);

} // namespace latentlens::engine::net
