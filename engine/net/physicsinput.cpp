#include "engine/net/physicsinput.h"

#include "engine/deconv/wiener.h"

namespace latentlens::engine::net {

double noiseFeature(double sigma)
{
    return sigma / 0.1;
}

PhysicsEstimate physicsEstimate(const Image& plane, const Image& kernel, const ModelRecord& record)
{
    WienerOptions options;
    options.padding = record.physicsPadding;
    if (record.physicsLowNoiseSigma > 0 && !plane.empty()
        && estimateNoiseSigma(plane.data(), plane.width(), plane.height())
            < record.physicsLowNoiseSigma)
        options.padding = record.physicsLowNoisePadding;
    Wiener wiener(options);
    PhysicsEstimate out;
    out.estimate = wiener.run(plane, kernel);
    out.noiseSigma = wiener.report().noiseSigma.at(0);
    if (record.physicsWidePadding > 0) {
        options.padding = record.physicsWidePadding;
        out.wide = Wiener(options).run(plane, kernel);
    }
    return out;
}

torch::Tensor kernelAwareInput(std::array<std::size_t, 2> size, std::size_t batch, bool wide,
    const FillPlanes& fill, const std::vector<double>& noiseSigma)
{
    const auto h = int64_t(size[0]), w = int64_t(size[1]);
    auto input = torch::empty({ int64_t(batch), wide ? 4 : 3, h, w });
    for (std::size_t i = 0; i < batch; ++i) {
        auto sample = input[int64_t(i)];
        fill(i, sample[0].data_ptr<float>(), sample[1].data_ptr<float>(),
            wide ? sample[3].data_ptr<float>() : nullptr);
        sample[2].fill_(noiseFeature(noiseSigma.at(i)));
    }
    return input;
}

torch::Tensor kernelAwareForward(Encoder& f, Decoder& g, const torch::Tensor& input,
    const std::function<torch::Tensor(const torch::Tensor&)>& deform)
{
    const Encoding encoding = f->encode(input);
    using torch::indexing::Slice;
    return input.index({ Slice(), Slice(1, 2) }) + g->forward(deform(encoding.code), encoding);
}

} // namespace latentlens::engine::net
