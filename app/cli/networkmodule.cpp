// liblatentlens_cli_network.so: what latentlens-cli needs of LibTorch, loaded by
// networkPlugin() (networkplugin.cpp) only when a command runs a network. The rest of the
// engine and of the CLI it calls are the program's own (it is linked with exported symbols).
#include "app/cli/networkplugin.h"

#include "engine/net/latentmodel.h"

namespace latentlens::cli {

Command trainCommand();
Command evalCommand();

namespace {

class LoadedModel : public NetworkDeblurrer
{
public:
    explicit LoadedModel(engine::LatentModel model) : mModel(std::move(model)) { }
    const engine::ModelRecord& record() const override { return mModel.record(); }
    engine::Image deblur(const engine::Image& image, double defocus, engine::LatentMethod method,
        const engine::Progress& progress, const engine::Image& kernel, int views) override
    {
        return mModel.deblur(image, defocus, method, progress, kernel, views);
    }

private:
    engine::LatentModel mModel;
};

std::unique_ptr<NetworkDeblurrer> loadModel(
    const std::filesystem::path& file, engine::ComputeDevice device)
{
    auto model = engine::LatentModel::load(file);
    model.setDevice(device);
    return std::make_unique<LoadedModel>(std::move(model));
}

void resaveModel(const std::filesystem::path& from, const std::filesystem::path& to)
{
    engine::LatentModel::load(from).save(to);
}

} // namespace

} // namespace latentlens::cli

extern "C" __attribute__((visibility("default"))) const latentlens::cli::NetworkPlugin*
latentlens_cli_network_plugin()
{
    using namespace latentlens;
    static const cli::NetworkPlugin plugin { engine::torchVersion(), engine::cudaAvailable(),
        &engine::defaultModelPath, &cli::loadModel, &cli::resaveModel, cli::trainCommand(),
        cli::evalCommand() };
    return &plugin;
}
