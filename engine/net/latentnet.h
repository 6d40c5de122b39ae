#pragma once

// Private to the engine: the deformable latent-space network in LibTorch's C++ API
// (DESIGN.md sections 1 and 5). Only engine .cpp files and tests include this header, so
// LibTorch stays out of the public headers and out of most translation units.

#include <torch/torch.h>

namespace latentlens::engine::net {

/// How a coefficient MLP's output becomes bank weights.
enum class Normalisation { L2, Softmax };

struct LatentNetOptions
{
    /// The small variant for CPU training (DESIGN.md section 5).
    static LatentNetOptions small() { return LatentNetOptions().width(32).latentChannels(64); }

    /// Channels of the first encoder layer; the next two layers have twice as many.
    TORCH_ARG(int64_t, width) = 64;
    /// Channels of the latent code (256 in DESIGN.md; 64 for the small CPU variant).
    TORCH_ARG(int64_t, latentChannels) = 256;
    /// Filter banks n_b of each dynamic convolution.
    TORCH_ARG(int64_t, banks) = 4;
    /// Hidden units of each coefficient MLP (theta -> hidden -> banks).
    TORCH_ARG(int64_t, mlpHidden) = 16;
    TORCH_ARG(Normalisation, normalisation) = Normalisation::L2;
    /// Input channels of the encoder: 1 (the paper's: the blurred image) or 3 (the
    /// kernel-aware variant: blurred image, Wiener estimate, noise-level map).
    TORCH_ARG(int64_t, inputChannels) = 1;
    /// Entries of theta: 1 (the paper's: defocus) or 2 (defocus and noise level).
    TORCH_ARG(int64_t, thetaSize) = 1;
    /// U-Net skips: the encoder's full- and half-resolution features are added to the
    /// decoder's at the same resolution (the kernel-aware variant).
    TORCH_ARG(bool, skips) = false;
    /// The decoder's last convolution starts at zero, so that an untrained residual model
    /// returns its physics estimate unchanged (the kernel-aware variant).
    TORCH_ARG(bool, zeroLast) = false;
};

/// The encoder's output: the latent code and, with skips, its full- and half-resolution
/// features (undefined tensors without skips).
struct Encoding
{
    torch::Tensor code, full, half;
};

/// f: inputs -> width (k3), width -> 2 width (k3, stride 2), 2 width -> 2 width,
/// 2 width -> latent (k3, stride 2), latent -> latent; each followed by BN and ReLU. A
/// B x inputs x H x W input (H, W multiples of 4) gives B x latent x H/4 x W/4.
class EncoderImpl : public torch::nn::Module
{
public:
    explicit EncoderImpl(const LatentNetOptions& options);
    torch::Tensor forward(const torch::Tensor& x);
    /// The code and, with skips, the features the decoder adds back.
    Encoding encode(const torch::Tensor& x);

private:
    torch::nn::Sequential mLayers;
    int64_t mInputs;
    bool mSkips;
};
TORCH_MODULE(Encoder);

/// g: the encoder mirrored, with transposed convolutions (k4, stride 2) for upsampling and
/// a final linear 3 x 3 convolution to one channel. With skips, the encoder's half- and
/// full-resolution features are added after each upsampling.
class DecoderImpl : public torch::nn::Module
{
public:
    explicit DecoderImpl(const LatentNetOptions& options);
    torch::Tensor forward(const torch::Tensor& h);
    /// `skips` gives the features to add (its code is not used); without skips the same
    /// as forward(h).
    torch::Tensor forward(const torch::Tensor& h, const Encoding& skips);

private:
    torch::nn::Sequential mLayers;
};
TORCH_MODULE(Decoder);

/// DConv(h, w) = sum_b w_b (K_b * h) + sum_b w_b c_b, computed as one convolution with the
/// combined kernel sum_b w_b K_b per sample (a grouped convolution over the batch).
class DynamicConv2dImpl : public torch::nn::Module
{
public:
    DynamicConv2dImpl(int64_t in, int64_t out, int64_t kernel, int64_t dilation, int64_t banks);
    /// x: B x in x H x W; weights: B x banks.
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& weights);
    /// The same as n_b separate convolutions, summed: the definition, for tests.
    torch::Tensor forwardBySum(const torch::Tensor& x, const torch::Tensor& weights);

    torch::Tensor bankWeight; ///< banks x out x in x k x k
    torch::Tensor bankBias; ///< banks x out

private:
    int64_t mDilation, mPadding;
};
TORCH_MODULE(DynamicConv2d);

/// theta -> hidden -> banks, normalised (L2 or softmax) so that the bank weights of each
/// sample have unit norm or sum 1.
class CoefficientMlpImpl : public torch::nn::Module
{
public:
    CoefficientMlpImpl(
        int64_t hidden, int64_t banks, Normalisation normalisation, int64_t thetaSize = 1);
    /// theta: B x thetaSize (or B when thetaSize is 1) -> B x banks.
    torch::Tensor forward(const torch::Tensor& theta);

private:
    torch::nn::Linear mFirst { nullptr }, mSecond { nullptr };
    Normalisation mNormalisation;
    int64_t mThetaSize;
};
TORCH_MODULE(CoefficientMlp);

/// A residual block of dynamic convolutions sharing one coefficient MLP:
/// y = h + conv_n(relu(... relu(conv_1(h)))), the first conv 2-dilated when asked.
class DeformerBlockImpl : public torch::nn::Module
{
public:
    DeformerBlockImpl(const LatentNetOptions& options, int convolutions, bool dilatedFirst);
    torch::Tensor forward(const torch::Tensor& h, const torch::Tensor& theta);

    CoefficientMlp mlp { nullptr };
    std::vector<DynamicConv2d> convolutions;
};
TORCH_MODULE(DeformerBlock);

/// D(h, theta) = h + R(h, theta); R is four residual blocks of dynamic convolutions with
/// layers {1, 2}, {3, 4}, {5, 6, 7}, {8, 9, 10}; blocks 3 and 4 start with a 2-dilated
/// convolution.
class DeformerImpl : public torch::nn::Module
{
public:
    explicit DeformerImpl(const LatentNetOptions& options);
    torch::Tensor forward(const torch::Tensor& h, const torch::Tensor& theta);

    /// The filter banks (and their biases) of every dynamic convolution: updated in one half
    /// of stage 2's batches.
    std::vector<torch::Tensor> bankParameters() const;
    /// The coefficient MLPs' parameters: updated in the other half.
    std::vector<torch::Tensor> mlpParameters() const;

    std::vector<DeformerBlock> blocks;
};
TORCH_MODULE(Deformer);

/// The SIMPLEDEFORM ablation: the same ten convolutions, static; the last feature map is
/// multiplied channel-wise by MLP(theta) (thetaSize -> hidden -> latent), then BN, ReLU and a
/// convolution, added to h.
class SimpleDeformImpl : public torch::nn::Module
{
public:
    explicit SimpleDeformImpl(const LatentNetOptions& options);
    torch::Tensor forward(const torch::Tensor& h, const torch::Tensor& theta);

private:
    torch::nn::Sequential mFeatures;
    torch::nn::Sequential mMlp;
    torch::nn::BatchNorm2d mNorm { nullptr };
    torch::nn::Conv2d mOut { nullptr };
    int64_t mThetaSize;
};
TORCH_MODULE(SimpleDeform);

} // namespace latentlens::engine::net
