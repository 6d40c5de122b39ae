#include "engine/net/latentnet.h"

#include <cmath>

namespace latentlens::engine::net {

namespace {

namespace nn = torch::nn;

nn::Sequential convBnRelu(
    nn::Sequential sequence, int64_t in, int64_t out, int64_t stride, bool transposed = false)
{
    if (transposed)
        sequence->push_back(nn::ConvTranspose2d(
            nn::ConvTranspose2dOptions(in, out, 4).stride(2).padding(1).bias(false)));
    else
        sequence->push_back(
            nn::Conv2d(nn::Conv2dOptions(in, out, 3).stride(stride).padding(1).bias(false)));
    sequence->push_back(nn::BatchNorm2d(out));
    sequence->push_back(nn::ReLU(nn::ReLUOptions().inplace(true)));
    return sequence;
}

// The number of dynamic convolutions in each of the deformer's four blocks.
constexpr int kBlockSizes[4] = { 2, 2, 3, 3 };

// A transposed convolution (kernel 4, stride 2, padding 1) followed by an inference-mode
// BatchNorm and a ReLU, computed exactly as one 2 x 2 convolution with four output
// channels per channel, one per output phase (the parity of the output row and column),
// whose results are interleaved. On the CPU LibTorch 1.13 runs a transposed convolution
// as im2col and a matrix product over a column buffer 16 times the output; this uses
// oneDNN's ordinary convolution and no buffer, in about half the time (docs/studio.md).
//
// Output row 2m + p takes input rows m - 1 and m through kernel rows 3 and 1 when p = 0,
// and rows m and m + 1 through kernel rows 2 and 0 when p = 1. On the input padded by
// one, both are the 2 x 2 window at padded row m + p, with tap t reading kernel row
// 3 - p - 2t, i.e. row p + 2t of the kernel flipped.
torch::Tensor upsampleForInference(
    const nn::ConvTranspose2dImpl& conv, const nn::BatchNorm2dImpl& norm, const torch::Tensor& x)
{
    const torch::Tensor& w = conv.weight; // in x out x 4 x 4
    const int64_t in = w.size(0), out = w.size(1);
    const torch::Tensor scale = norm.weight / torch::sqrt(norm.running_var + norm.options.eps());
    const torch::Tensor shift = norm.bias - norm.running_mean * scale;
    // flipped[i][o][2 ty + py][2 tx + px] -> phase weight [py][px][o][i][ty][tx]
    const torch::Tensor phases = w.flip({ 2, 3 })
                                     .view({ in, out, 2, 2, 2, 2 })
                                     .permute({ 3, 5, 1, 0, 2, 4 })
                                     .mul(scale.view({ 1, 1, out, 1, 1, 1 }))
                                     .reshape({ 4 * out, in, 2, 2 });
    const int64_t b = x.size(0), h = x.size(2), wd = x.size(3);
    const torch::Tensor windows
        = torch::conv2d(x, phases, shift.repeat({ 4 }), 1, 1).view({ b, 2, 2, out, h + 1, wd + 1 });
    using torch::indexing::Slice;
    // In the input's memory layout: channels last stays channels last.
    torch::Tensor y = x.is_contiguous(torch::MemoryFormat::ChannelsLast)
        ? torch::empty({ b, h, 2, wd, 2, out }, x.options()).permute({ 0, 5, 1, 2, 3, 4 })
        : torch::empty({ b, out, h, 2, wd, 2 }, x.options());
    for (int64_t py = 0; py < 2; ++py)
        for (int64_t px = 0; px < 2; ++px) {
            torch::Tensor target = y.select(5, px).select(3, py);
            torch::clamp_min_out(target,
                windows.select(2, px).select(1, py).index(
                    { Slice(), Slice(), Slice(py, py + h), Slice(px, px + wd) }),
                0);
        }
    return y.view({ b, out, 2 * h, 2 * wd });
}

// True when f and g take their inference forms (channels last, the phase form): inference
// mode and no gradients, so that training and its backward keep LibTorch's own modules,
// on the CPU, where the forms were measured.
bool inferenceOnCpu(const nn::Module& module, const torch::Tensor& x)
{
    return !module.is_training() && !torch::GradMode::is_enabled() && x.device().is_cpu();
}

} // namespace

// Sequential indices after which the encoder's full- and half-resolution features are
// taken, and after which the decoder adds them (each index is a ReLU).
constexpr std::size_t kEncoderFull = 2, kEncoderHalf = 8, kDecoderHalf = 5, kDecoderFull = 11;

EncoderImpl::EncoderImpl(const LatentNetOptions& o) : mInputs(o.inputChannels()), mSkips(o.skips())
{
    const int64_t w = o.width(), l = o.latentChannels();
    nn::Sequential s;
    convBnRelu(s, o.inputChannels(), w, 1);
    convBnRelu(s, w, 2 * w, 2);
    convBnRelu(s, 2 * w, 2 * w, 1);
    convBnRelu(s, 2 * w, l, 2);
    convBnRelu(s, l, l, 1);
    mLayers = register_module("layers", s);
}

torch::Tensor EncoderImpl::forward(const torch::Tensor& x)
{
    return encode(x).code;
}

Encoding EncoderImpl::encode(const torch::Tensor& x)
{
    TORCH_CHECK(
        x.dim() == 4 && x.size(1) == mInputs, "the encoder takes B x ", mInputs, " x H x W");
    TORCH_CHECK(x.size(2) % 4 == 0 && x.size(3) % 4 == 0,
        "the encoder needs H and W to be multiples of 4; pad the image first");
    // Inference on the CPU runs channels last (NHWC), which oneDNN's convolutions take and
    // give without converting each full-resolution activation to and from their blocked
    // layout; the values are the same. (A one-channel input, the paper's network, is
    // "channels last" already and LibTorch keeps it in the usual layout.)
    const auto input
        = inferenceOnCpu(*this, x) ? x.contiguous(torch::MemoryFormat::ChannelsLast) : x;
    if (!mSkips)
        return { mLayers->forward(input), {}, {} };
    Encoding out;
    auto y = input;
    std::size_t i = 0;
    for (auto& layer : *mLayers) {
        y = layer.forward(y);
        if (i == kEncoderFull)
            out.full = y;
        else if (i == kEncoderHalf)
            out.half = y;
        ++i;
    }
    out.code = y;
    return out;
}

DecoderImpl::DecoderImpl(const LatentNetOptions& o)
{
    const int64_t w = o.width(), l = o.latentChannels();
    nn::Sequential s;
    convBnRelu(s, l, l, 1);
    convBnRelu(s, l, 2 * w, 2, true);
    convBnRelu(s, 2 * w, 2 * w, 1);
    convBnRelu(s, 2 * w, w, 2, true);
    auto last = nn::Conv2d(nn::Conv2dOptions(w, 1, 3).padding(1));
    if (o.zeroLast()) {
        torch::NoGradGuard noGrad;
        last->weight.zero_();
        last->bias.zero_();
    }
    s->push_back(last);
    mLayers = register_module("layers", s);
}

torch::Tensor DecoderImpl::forward(const torch::Tensor& h)
{
    return forward(h, Encoding {});
}

torch::Tensor DecoderImpl::forward(const torch::Tensor& h, const Encoding& skips)
{
    // In inference on the CPU each transposed convolution and the BatchNorm and ReLU after
    // it take the exact phase form (upsampleForInference).
    const bool phased = inferenceOnCpu(*this, h);
    if (!phased && !skips.full.defined())
        return mLayers->forward(h);
    auto y = h;
    std::size_t i = 0;
    for (auto layer = mLayers->begin(); layer != mLayers->end(); ++layer, ++i) {
        const auto* transposed = layer->ptr()->as<nn::ConvTranspose2dImpl>();
        if (phased && transposed) {
            ++layer; // the BatchNorm, then the ReLU, folded into the phase form
            y = upsampleForInference(*transposed, *layer->ptr()->as<nn::BatchNorm2dImpl>(), y);
            ++layer;
            i += 2;
        } else {
            y = layer->forward(y);
        }
        if (skips.full.defined() && i == kDecoderHalf)
            y = y + skips.half;
        else if (skips.full.defined() && i == kDecoderFull)
            y = y + skips.full;
    }
    return y;
}

DynamicConv2dImpl::DynamicConv2dImpl(
    int64_t in, int64_t out, int64_t kernel, int64_t dilation, int64_t banks)
    : mDilation(dilation), mPadding(dilation * (kernel / 2))
{
    // Kaiming-uniform per bank, as a static convolution of this shape would start, so that
    // a combination with unit-norm weights keeps the activations' scale.
    const double bound = 1.0 / std::sqrt(double(in * kernel * kernel));
    bankWeight = register_parameter(
        "bank_weight", torch::empty({ banks, out, in, kernel, kernel }).uniform_(-bound, bound));
    bankBias
        = register_parameter("bank_bias", torch::empty({ banks, out }).uniform_(-bound, bound));
}

torch::Tensor DynamicConv2dImpl::forward(const torch::Tensor& x, const torch::Tensor& weights)
{
    const int64_t b = x.size(0), in = x.size(1), out = bankWeight.size(1);
    TORCH_CHECK(weights.dim() == 2 && weights.size(0) == b && weights.size(1) == bankWeight.size(0),
        "dynamic convolution: weights must be batch x banks");
    // Combine the banks first: one kernel per sample, then one grouped convolution.
    const auto kernel = torch::einsum("bn,noihw->boihw", { weights, bankWeight })
                            .reshape({ b * out, in, bankWeight.size(3), bankWeight.size(4) });
    const auto bias = torch::matmul(weights, bankBias).reshape({ b * out });
    auto y = torch::conv2d(
        x.reshape({ 1, b * in, x.size(2), x.size(3) }), kernel, bias, 1, mPadding, mDilation, b);
    return y.reshape({ b, out, y.size(2), y.size(3) });
}

torch::Tensor DynamicConv2dImpl::forwardBySum(const torch::Tensor& x, const torch::Tensor& weights)
{
    torch::Tensor sum;
    for (int64_t n = 0; n < bankWeight.size(0); ++n) {
        const auto y = torch::conv2d(x, bankWeight[n], bankBias[n], 1, mPadding, mDilation);
        const auto term = weights.index({ torch::indexing::Slice(), n }).view({ -1, 1, 1, 1 }) * y;
        sum = n == 0 ? term : sum + term;
    }
    return sum;
}

CoefficientMlpImpl::CoefficientMlpImpl(
    int64_t hidden, int64_t banks, Normalisation normalisation, int64_t thetaSize)
    : mNormalisation(normalisation), mThetaSize(thetaSize)
{
    mFirst = register_module("first", nn::Linear(thetaSize, hidden));
    mSecond = register_module("second", nn::Linear(hidden, banks));
}

torch::Tensor CoefficientMlpImpl::forward(const torch::Tensor& theta)
{
    const auto t = theta.reshape({ -1, mThetaSize });
    const auto raw = mSecond->forward(torch::relu(mFirst->forward(t)));
    if (mNormalisation == Normalisation::Softmax)
        return torch::softmax(raw, 1);
    return raw / raw.norm(2, 1, true).clamp_min(1e-8);
}

DeformerBlockImpl::DeformerBlockImpl(const LatentNetOptions& o, int count, bool dilatedFirst)
{
    mlp = register_module(
        "mlp", CoefficientMlp(o.mlpHidden(), o.banks(), o.normalisation(), o.thetaSize()));
    const int64_t l = o.latentChannels();
    for (int i = 0; i < count; ++i)
        convolutions.push_back(register_module("conv" + std::to_string(i + 1),
            DynamicConv2d(l, l, 3, (i == 0 && dilatedFirst) ? 2 : 1, o.banks())));
}

torch::Tensor DeformerBlockImpl::forward(const torch::Tensor& h, const torch::Tensor& theta)
{
    const auto weights = mlp->forward(theta);
    auto y = h;
    for (std::size_t i = 0; i < convolutions.size(); ++i) {
        y = convolutions[i]->forward(y, weights);
        if (i + 1 < convolutions.size())
            y = torch::relu(y);
    }
    return h + y;
}

DeformerImpl::DeformerImpl(const LatentNetOptions& o)
{
    for (int b = 0; b < 4; ++b)
        blocks.push_back(register_module(
            "block" + std::to_string(b + 1), DeformerBlock(o, kBlockSizes[b], b >= 2)));
}

torch::Tensor DeformerImpl::forward(const torch::Tensor& h, const torch::Tensor& theta)
{
    auto y = h;
    for (auto& block : blocks)
        y = block->forward(y, theta);
    return y; // = h + R(h, theta): each block adds its residual
}

std::vector<torch::Tensor> DeformerImpl::bankParameters() const
{
    std::vector<torch::Tensor> out;
    for (const auto& block : blocks)
        for (const auto& conv : block->convolutions) {
            out.push_back(conv->bankWeight);
            out.push_back(conv->bankBias);
        }
    return out;
}

std::vector<torch::Tensor> DeformerImpl::mlpParameters() const
{
    std::vector<torch::Tensor> out;
    for (const auto& block : blocks)
        for (const auto& p : block->mlp->parameters())
            out.push_back(p);
    return out;
}

SimpleDeformImpl::SimpleDeformImpl(const LatentNetOptions& o) : mThetaSize(o.thetaSize())
{
    const int64_t l = o.latentChannels();
    nn::Sequential features;
    int layer = 0;
    for (int b = 0; b < 4; ++b)
        for (int i = 0; i < kBlockSizes[b]; ++i, ++layer) {
            const int64_t dilation = (b >= 2 && i == 0) ? 2 : 1;
            features->push_back(
                nn::Conv2d(nn::Conv2dOptions(l, l, 3).padding(dilation).dilation(dilation)));
            if (layer < 9)
                features->push_back(nn::ReLU());
        }
    mFeatures = register_module("features", features);
    mMlp = register_module("mlp",
        nn::Sequential(
            nn::Linear(o.thetaSize(), o.mlpHidden()), nn::ReLU(), nn::Linear(o.mlpHidden(), l)));
    mNorm = register_module("norm", nn::BatchNorm2d(l));
    mOut = register_module("out", nn::Conv2d(nn::Conv2dOptions(l, l, 3).padding(1)));
}

torch::Tensor SimpleDeformImpl::forward(const torch::Tensor& h, const torch::Tensor& theta)
{
    const auto scale = mMlp->forward(theta.reshape({ -1, mThetaSize }));
    const auto f = mFeatures->forward(h) * scale.unsqueeze(-1).unsqueeze(-1);
    return h + mOut->forward(torch::relu(mNorm->forward(f)));
}

} // namespace latentlens::engine::net
