#include "engine/net/training.h"

#include "engine/exception.h"

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

double stageTwoStep(Encoder& f, Deformer& d, torch::optim::Optimizer& banks,
    torch::optim::Optimizer& mlps, const torch::Tensor& blurredReference,
    const std::vector<torch::Tensor>& blurred, const std::vector<torch::Tensor>& theta,
    bool updateBanks)
{
    TORCH_CHECK(blurred.size() == theta.size() && !blurred.empty(),
        "stage 2 needs one theta per blurred batch");
    f->eval();
    d->train();
    torch::Tensor target;
    {
        torch::NoGradGuard noGrad;
        target = f->forward(blurredReference);
    }
    banks.zero_grad();
    mlps.zero_grad();
    torch::Tensor loss;
    for (std::size_t j = 0; j < blurred.size(); ++j) {
        torch::Tensor code;
        {
            torch::NoGradGuard noGrad; // f is frozen: no graph through it
            code = f->forward(blurred[j]);
        }
        const auto term = torch::mse_loss(d->forward(code, theta[j]), target);
        loss = j == 0 ? term : loss + term;
    }
    loss.backward();
    (updateBanks ? banks : mlps).step();
    return loss.item<double>();
}

} // namespace latentlens::engine::net
