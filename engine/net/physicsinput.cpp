#include "engine/net/physicsinput.h"

#include "engine/deconv/deconvolution.h"
#include "engine/deconv/wiener.h"

#include <algorithm>
#include <cmath>

namespace latentlens::engine::net {

double noiseFeature(double sigma)
{
    return sigma / 0.1;
}

std::vector<InputChannel> inputChannels(const ModelRecord& record)
{
    std::vector<InputChannel> out { InputChannel::Blurred, InputChannel::Estimate,
        InputChannel::NoiseLevel };
    if (record.physicsWidePadding > 0)
        out.push_back(InputChannel::WideEstimate);
    if (record.pixelNoiseMap)
        out.push_back(InputChannel::NoiseMap);
    return out;
}

Image noiseMap(const Image& plane)
{
    const std::size_t w = plane.width(), h = plane.height();
    const SignalDependentNoise noise = fitSignalDependentNoise(plane.data(), w, h);
    // Integral image: sum[(y) * (w + 1) + x] holds the sum over rows < y and columns < x.
    std::vector<double> sum((w + 1) * (h + 1), 0.0);
    for (std::size_t y = 0; y < h; ++y)
        for (std::size_t x = 0; x < w; ++x)
            sum[(y + 1) * (w + 1) + x + 1] = double(plane.at(x, y)) + sum[y * (w + 1) + x + 1]
                + sum[(y + 1) * (w + 1) + x] - sum[y * (w + 1) + x];
    constexpr std::size_t radius = 2;
    Image out(w, h);
    for (std::size_t y = 0; y < h; ++y) {
        const std::size_t y0 = y > radius ? y - radius : 0, y1 = std::min(h, y + radius + 1);
        for (std::size_t x = 0; x < w; ++x) {
            const std::size_t x0 = x > radius ? x - radius : 0, x1 = std::min(w, x + radius + 1);
            const double mean = (sum[y1 * (w + 1) + x1] - sum[y0 * (w + 1) + x1]
                                    - sum[y1 * (w + 1) + x0] + sum[y0 * (w + 1) + x0])
                / double((y1 - y0) * (x1 - x0));
            out.at(x, y) = float(noiseFeature(std::sqrt(noise.variance(mean))));
        }
    }
    return out;
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
    if (record.pixelNoiseMap)
        out.noiseMap = noiseMap(plane);
    return out;
}

torch::Tensor kernelAwareInput(std::array<std::size_t, 2> size, std::size_t batch,
    const ModelRecord& record, const FillPlanes& fill, const std::vector<double>& noiseSigma)
{
    const auto h = int64_t(size[0]), w = int64_t(size[1]);
    const auto channels = inputChannels(record);
    auto input = torch::empty({ int64_t(batch), int64_t(channels.size()), h, w });
    for (std::size_t i = 0; i < batch; ++i) {
        auto sample = input[int64_t(i)];
        InputPlanes planes;
        for (std::size_t c = 0; c < channels.size(); ++c) {
            float* at = sample[int64_t(c)].data_ptr<float>();
            switch (channels[c]) {
            case InputChannel::Blurred:
                planes.blurred = at;
                break;
            case InputChannel::Estimate:
                planes.estimate = at;
                break;
            case InputChannel::WideEstimate:
                planes.wide = at;
                break;
            case InputChannel::NoiseMap:
                planes.noiseMap = at;
                break;
            case InputChannel::NoiseLevel:
                sample[int64_t(c)].fill_(noiseFeature(noiseSigma.at(i)));
                break;
            }
        }
        fill(i, planes);
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

namespace {

// The mirror part of view `index`: along height (dimension 2) and/or width (3).
std::vector<std::int64_t> mirrors(int index)
{
    switch (index % 4) {
    case 1:
        return { 2, 3 };
    case 2:
        return { 3 };
    case 3:
        return { 2 };
    default:
        return {};
    }
}

} // namespace

torch::Tensor ensembleView(const torch::Tensor& tiles, int index)
{
    const auto axes = mirrors(index);
    const torch::Tensor mirrored = axes.empty() ? tiles : torch::flip(tiles, axes);
    return index >= 4 ? mirrored.transpose(2, 3).contiguous() : mirrored;
}

torch::Tensor undoEnsembleView(const torch::Tensor& tiles, int index)
{
    const torch::Tensor turned = index >= 4 ? tiles.transpose(2, 3) : tiles;
    const auto axes = mirrors(index);
    return axes.empty() ? turned : torch::flip(turned, axes);
}

} // namespace latentlens::engine::net
