#pragma once

// Private to the engine: the two training stages of the deformable latent-space method
// (DESIGN.md section 1), one optimisation step at a time. LibTorch code.

#include "engine/core/image.h"
#include "engine/net/latentnet.h"
#include "engine/net/latenttrainer.h"

#include <vector>

namespace latentlens::engine::net {

/// Planes of equal size as a B x 1 x H x W float tensor.
torch::Tensor toTensor(const std::vector<const Image*>& planes);

/// Freezes a module: no gradients, and evaluation mode so that BatchNorm's running
/// statistics stay as stage 1 left them.
void freeze(torch::nn::Module& module);
/// Undoes freeze: gradients again, training mode.
void unfreeze(torch::nn::Module& module);

/// The image loss of `output` against `clean` (B x 1 x H x W): the mean squared error
/// (Mse), or the mean over the B crops of 10 log10(MSE of the crop), which is minus their
/// mean PSNR at peak 1 (Psnr), plus kSsimWeight (1 - meanSsim) for PsnrSsim.
torch::Tensor imageLoss(const torch::Tensor& output, const torch::Tensor& clean, ImageLoss loss);

/// The mean SSIM of B x 1 x H x W crops against `clean` at data range 1, as
/// engine::ssim computes it (11-tap Gaussian window of sigma 1.5, over the pixels whose
/// window lies inside the crop), differentiable. H and W at least 11.
torch::Tensor meanSsim(const torch::Tensor& output, const torch::Tensor& clean);

/// One Adam step of `optimizer` on imageLoss(O, I), O = f, D and g on `input` as
/// kernelAwareForward computes it (`theta` undefined: NODEFORM, stage 1). Returns the loss.
double kernelAwareStep(Encoder& f, Decoder& g, Deformer& d, torch::optim::Optimizer& optimizer,
    const torch::Tensor& input, const torch::Tensor& theta, const torch::Tensor& clean,
    ImageLoss loss = ImageLoss::Mse);

/// Stage 1: O = g(f(B_ref)), loss MSE(O, I), one Adam step over f and g. Returns the loss.
double stageOneStep(Encoder& f, Decoder& g, torch::optim::Optimizer& optimizer,
    const torch::Tensor& blurredReference, const torch::Tensor& clean);

/// Stage 2's inputs to the latent space, without gradients (f is frozen): the target
/// f(B_ref) and the codes f(B_j).
struct StageTwoCodes
{
    torch::Tensor target;
    std::vector<torch::Tensor> codes;
};
StageTwoCodes encodeStageTwo(
    Encoder& f, const torch::Tensor& blurredReference, const std::vector<torch::Tensor>& blurred);

/// One deformer step on encoded codes (see stageTwoStep). Returns the loss.
double deformerStep(Deformer& d, torch::optim::Optimizer& banks, torch::optim::Optimizer& mlps,
    const StageTwoCodes& codes, const std::vector<torch::Tensor>& theta, bool updateBanks);

/// The SIMPLEDEFORM ablation's stage 2: the same loss with S in place of D, one step of
/// `optimizer` over all of S's parameters. Returns the loss.
double simpleDeformStep(SimpleDeform& s, torch::optim::Optimizer& optimizer,
    const StageTwoCodes& codes, const std::vector<torch::Tensor>& theta);

/// Stage 2 with f frozen: loss sum_j MSE(f(B_ref), D(f(B_j), theta_j)) over every kernel j
/// (the reference included). Steps only `banks` (the filter banks) when `updateBanks`,
/// else only `mlps` (the coefficient MLPs): the paper's alternating updates. Returns the
/// loss.
double stageTwoStep(Encoder& f, Deformer& d, torch::optim::Optimizer& banks,
    torch::optim::Optimizer& mlps, const torch::Tensor& blurredReference,
    const std::vector<torch::Tensor>& blurred, const std::vector<torch::Tensor>& theta,
    bool updateBanks);

} // namespace latentlens::engine::net
