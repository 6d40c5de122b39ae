#include "engine/net/training.h"

#include "engine/core/exception.h"
#include "engine/net/physicsinput.h"

#include <cmath>

namespace latentlens::engine::net {

torch::Tensor toTensor(const std::vector<const Image*>& planes)
{
    if (planes.empty())
        throw InvalidArgument("A batch needs at least one image.");
    const auto w = int64_t(planes.front()->width()), h = int64_t(planes.front()->height());
    auto out = torch::empty({ int64_t(planes.size()), 1, h, w });
    for (std::size_t i = 0; i < planes.size(); ++i) {
        if (int64_t(planes[i]->width()) != w || int64_t(planes[i]->height()) != h)
            throw InvalidArgument("The images of a batch must have one size.");
        std::copy(planes[i]->data(), planes[i]->data() + w * h, out[int64_t(i)].data_ptr<float>());
    }
    return out;
}

void freeze(torch::nn::Module& module)
{
    for (auto& p : module.parameters())
        p.set_requires_grad(false);
    module.eval();
}

void unfreeze(torch::nn::Module& module)
{
    for (auto& p : module.parameters())
        p.set_requires_grad(true);
    module.train();
}

torch::Tensor meanSsim(const torch::Tensor& output, const torch::Tensor& clean)
{
    TORCH_CHECK(
        output.dim() == 4 && output.size(1) == 1 && output.size(2) >= 11 && output.size(3) >= 11,
        "SSIM takes B x 1 x H x W crops of at least 11 x 11");
    constexpr double sigma = 1.5;
    constexpr int radius = 5;
    auto taps = torch::empty({ 2 * radius + 1 }, torch::kDouble);
    for (int i = -radius; i <= radius; ++i)
        taps[i + radius] = std::exp(-0.5 * i * i / (sigma * sigma));
    taps = (taps / taps.sum()).to(output.options());
    const auto across = taps.view({ 1, 1, 1, 2 * radius + 1 });
    const auto down = taps.view({ 1, 1, 2 * radius + 1, 1 });
    auto filter
        = [&](const torch::Tensor& x) { return torch::conv2d(torch::conv2d(x, across), down); };
    const auto ua = filter(output), ub = filter(clean);
    const auto va = filter(output * output) - ua * ua;
    const auto vb = filter(clean * clean) - ub * ub;
    const auto cov = filter(output * clean) - ua * ub;
    constexpr double c1 = 0.01 * 0.01, c2 = 0.03 * 0.03;
    return ((2 * ua * ub + c1) * (2 * cov + c2) / ((ua * ua + ub * ub + c1) * (va + vb + c2)))
        .mean();
}

torch::Tensor imageLoss(const torch::Tensor& output, const torch::Tensor& clean, ImageLoss loss)
{
    if (loss == ImageLoss::Mse)
        return torch::mse_loss(output, clean);
    // A floor far below any real crop's error keeps log10 finite for a perfect one.
    const auto perCrop = (output - clean).square().flatten(1).mean(1);
    const auto decibels = (10.0 * torch::log10(perCrop + 1e-12)).mean();
    if (loss == ImageLoss::Psnr)
        return decibels;
    return decibels + kSsimWeight * (1.0 - meanSsim(output, clean));
}

double kernelAwareStep(Encoder& f, Decoder& g, Deformer& d, torch::optim::Optimizer& optimizer,
    const torch::Tensor& input, const torch::Tensor& theta, const torch::Tensor& clean,
    ImageLoss kind)
{
    optimizer.zero_grad();
    const auto output = kernelAwareForward(f, g, input, [&](const torch::Tensor& code) {
        return theta.defined() ? d->forward(code, theta) : code;
    });
    const auto loss = imageLoss(output, clean, kind);
    loss.backward();
    optimizer.step();
    return loss.item<double>();
}

double stageOneStep(Encoder& f, Decoder& g, torch::optim::Optimizer& optimizer,
    const torch::Tensor& blurredReference, const torch::Tensor& clean)
{
    f->train();
    g->train();
    optimizer.zero_grad();
    const auto loss = torch::mse_loss(g->forward(f->forward(blurredReference)), clean);
    loss.backward();
    optimizer.step();
    return loss.item<double>();
}

StageTwoCodes encodeStageTwo(
    Encoder& f, const torch::Tensor& blurredReference, const std::vector<torch::Tensor>& blurred)
{
    f->eval();
    torch::NoGradGuard noGrad; // f is frozen: no graph through it
    StageTwoCodes out;
    out.target = f->forward(blurredReference);
    for (const auto& b : blurred)
        out.codes.push_back(f->forward(b));
    return out;
}

namespace {

template <typename Module>
torch::Tensor latentLoss(
    Module& module, const StageTwoCodes& codes, const std::vector<torch::Tensor>& theta)
{
    TORCH_CHECK(codes.codes.size() == theta.size() && !theta.empty(),
        "stage 2 needs one theta per blurred batch");
    torch::Tensor loss;
    for (std::size_t j = 0; j < theta.size(); ++j) {
        const auto term = torch::mse_loss(module->forward(codes.codes[j], theta[j]), codes.target);
        loss = j == 0 ? term : loss + term;
    }
    return loss;
}

} // namespace

double deformerStep(Deformer& d, torch::optim::Optimizer& banks, torch::optim::Optimizer& mlps,
    const StageTwoCodes& codes, const std::vector<torch::Tensor>& theta, bool updateBanks)
{
    d->train();
    banks.zero_grad();
    mlps.zero_grad();
    const auto loss = latentLoss(d, codes, theta);
    loss.backward();
    (updateBanks ? banks : mlps).step();
    return loss.item<double>();
}

double simpleDeformStep(SimpleDeform& s, torch::optim::Optimizer& optimizer,
    const StageTwoCodes& codes, const std::vector<torch::Tensor>& theta)
{
    s->train();
    optimizer.zero_grad();
    const auto loss = latentLoss(s, codes, theta);
    loss.backward();
    optimizer.step();
    return loss.item<double>();
}

double stageTwoStep(Encoder& f, Deformer& d, torch::optim::Optimizer& banks,
    torch::optim::Optimizer& mlps, const torch::Tensor& blurredReference,
    const std::vector<torch::Tensor>& blurred, const std::vector<torch::Tensor>& theta,
    bool updateBanks)
{
    return deformerStep(
        d, banks, mlps, encodeStageTwo(f, blurredReference, blurred), theta, updateBanks);
}

} // namespace latentlens::engine::net
