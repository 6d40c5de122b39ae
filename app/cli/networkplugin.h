#pragma once

#include "app/cli/command.h"

#include "engine/core/image.h"
#include "engine/core/progress.h"
#include "engine/net/latentmodel.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace latentlens::cli {

/// A loaded network model, as `deblur` uses it.
class NetworkDeblurrer
{
public:
    virtual ~NetworkDeblurrer() = default;
    virtual const engine::ModelRecord& record() const = 0;
    /// engine::LatentModel::deblur.
    virtual engine::Image deblur(const engine::Image& image, double defocus,
        engine::LatentMethod method, const engine::Progress& progress, const engine::Image& kernel,
        int views)
        = 0;
};

/// The part of latentlens-cli that runs on LibTorch, built as its own shared library
/// (liblatentlens_cli_network.so) so that only the commands that run a network pay for
/// loading LibTorch (about 0.7 s and 170 MB here; docs/benchmarks.md).
struct NetworkPlugin
{
    std::string torchVersion;
    bool cudaAvailable = false;
    std::optional<std::filesystem::path> (*defaultModelPath)() = nullptr;
    /// engine::LatentModel::load, then setDevice.
    std::unique_ptr<NetworkDeblurrer> (*load)(
        const std::filesystem::path& file, engine::ComputeDevice device)
        = nullptr;
    /// engine::LatentModel::load, then save to `to`: what the helper of
    /// engine::readInHelper hands back for a model file.
    void (*resave)(const std::filesystem::path& from, const std::filesystem::path& to) = nullptr;
    Command train, eval;
};

/// Loads the network library on first use, from the program's folder or ../lib/latentlens/modules;
/// throws engine::IoError if it is missing or does not load.
const NetworkPlugin& networkPlugin();

} // namespace latentlens::cli
