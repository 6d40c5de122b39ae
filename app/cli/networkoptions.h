#pragma once

#include "app/cli/arguments.h"
#include "engine/net/latentmodel.h"

#include <cmath>

namespace latentlens::cli {

/// True for the network's methods: latent, nodeform, simpledeform.
inline bool isNetworkMethod(const std::string& method)
{
    return method == "latent" || method == "nodeform" || method == "simpledeform";
}

/// The network path a method name selects (one of isNetworkMethod's names).
inline engine::LatentMethod latentMethod(const std::string& method)
{
    return method == "latent"  ? engine::LatentMethod::Latent
        : method == "nodeform" ? engine::LatentMethod::NoDeform
                               : engine::LatentMethod::SimpleDeform;
}

/// `--device auto|cpu|cuda` (default auto: a CUDA GPU when LibTorch sees one).
inline engine::ComputeDevice computeDevice(const Arguments& args)
{
    const std::string d = args.value("device").value_or("auto");
    if (d == "auto")
        return engine::ComputeDevice::Auto;
    if (d == "cpu")
        return engine::ComputeDevice::Cpu;
    if (d == "cuda")
        return engine::ComputeDevice::Cuda;
    throw UsageError("option '--device' is auto, cpu or cuda (got '" + d + "')");
}

/// `--ensemble-views N`: 1, 2, 4 or 8 (ModelRecord::ensembleViews); 0 when not given.
inline int ensembleViews(const Arguments& args)
{
    const auto v = args.number("ensemble-views");
    if (!v)
        return 0;
    if (!(*v >= 1 && *v <= 8) || *v != std::floor(*v) || !engine::ensembleViewsAreValid(int(*v)))
        throw UsageError("option '--ensemble-views' needs 1, 2, 4 or 8");
    return int(*v);
}

inline constexpr const char* ensembleViewsHelp
    = "  --ensemble-views N  network methods: average the network over N views of each\n"
      "                      tile (1, 2, 4 or 8; default: the model's, which the shipped\n"
      "                      model sets to 4); 1 is N times faster\n";

inline constexpr const char* deviceHelp
    = "  --device D          auto (a CUDA GPU when there is one, else the CPU), cpu or cuda\n";

} // namespace latentlens::cli
