#pragma once

// Private to the engine: what a LatentModel holds (LibTorch modules).

#include "engine/net/latentmodel.h"
#include "engine/net/latentnet.h"

namespace latentlens::engine {

struct LatentModel::Impl
{
    ModelRecord record;
    net::Encoder encoder { nullptr };
    net::Decoder decoder { nullptr };
    net::Deformer deformer { nullptr };
    net::SimpleDeform simple { nullptr };
    torch::Device device { torch::kCPU };

    net::LatentNetOptions options() const;
    /// The four modules with the names they have in a model file.
    std::vector<std::pair<const char*, torch::nn::Module*>> modules() const;
    /// Writes the record and the modules' weights: a model file's contents.
    void writeTo(torch::serialize::OutputArchive& archive) const;
    /// Saves `archive` to `path` through a temporary file; throws IoError on failure.
    static void saveAtomically(
        torch::serialize::OutputArchive& archive, const std::filesystem::path& path);
    /// The device `requested` resolves to; throws InvalidArgument for CUDA without one.
    static torch::Device resolve(ComputeDevice requested);
    /// theta of a defocus: normalised over the trained range.
    double theta(double defocus) const;
    /// The network's theta for a batch: B x 1 (defocus) for the paper's model, B x 2
    /// (defocus, noise level) for the kernel-aware one.
    torch::Tensor thetaTensor(
        const std::vector<double>& defocus, const std::vector<double>& noiseSigma) const;
    bool kernelAware() const { return record.architecture == Architecture::KernelAware; }
};

} // namespace latentlens::engine
