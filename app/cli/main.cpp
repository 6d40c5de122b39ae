// latentlens-cli: the command-line interface (DESIGN.md section 4). No Qt here, so that it
// builds with the GUI off on a headless GPU host.
#include "app/cli/arguments.h"
#include "app/cli/command.h"
#include "app/cli/networkplugin.h"

#include "engine/buildinfo.h"
#include "engine/core/exception.h"
#include "engine/core/isolatedread.h"

#include <csignal>
#include <iostream>
#include <new>
#include <nlohmann/json.hpp>

using namespace latentlens;

namespace {

// A command of the network library: its summary here, its usage and code loaded on demand.
cli::Command networkCommand(const std::string& name, const std::string& summary)
{
    auto loaded = [name]() -> const cli::Command& {
        const auto& plugin = cli::networkPlugin();
        return name == "train" ? plugin.train : plugin.eval;
    };
    return { name, summary, "", [loaded](const std::vector<std::string>& args, std::ostream& out) {
                return loaded().run(args, out);
            } };
}

std::vector<cli::Command> commands()
{
    return { cli::probeCommand(), cli::blurCommand(), cli::deblurCommand(), cli::specimenCommand(),
        networkCommand("train", "train the deformable latent-space network on a folder of images"),
        networkCommand("eval", "compare the network and the classical methods on test images"),
        cli::metricsCommand() };
}

// LibTorch is loaded only by the commands that run a network, so --version names the
// version it was built with rather than loading it (docs/benchmarks.md).
std::string torchOnDemand()
{
    const std::string built = LATENTLENS_TORCH_VERSION;
    return (built.empty() ? std::string() : built + " ") + "(loaded on demand)";
}

void printOverview(std::ostream& out)
{
    out << "usage: latentlens-cli [--help] [--version [--json]] COMMAND [options]\n\n"
           "Non-blind deblurring for fluorescence microscopy.\n\ncommands:\n";
    for (const auto& c : commands())
        out << "  " << c.name << std::string(10 - std::min<std::size_t>(9, c.name.size()), ' ')
            << c.summary << "\n";
    out << "\n'latentlens-cli COMMAND --help' describes a command.\n";
}

void printVersion(bool json)
{
    if (json) {
        nlohmann::json v;
        v["latentlens"] = engine::versionString();
        v["libraries"]["LibTorch"] = torchOnDemand();
        for (const auto& [name, version] : engine::nativeLibraryVersions())
            v["libraries"][name] = version;
        v["cuda"] = "checked when a network runs";
        std::cout << v.dump(2) << "\n";
        return;
    }
    std::cout << "latentlens-cli " << engine::versionString() << "\n";
    std::cout << "  LibTorch " << torchOnDemand() << "\n";
    for (const auto& [name, version] : engine::nativeLibraryVersions())
        std::cout << "  " << name << " " << version << "\n";
    std::cout << "  CUDA: checked when a network runs\n";
}

} // namespace

int main(int argc, char** argv)
{
    // Past a file-size limit (`ulimit -f`, batch schedulers) a write fails with EFBIG, which the
    // writers report like a full disk, instead of SIGXFSZ killing the process mid-file.
    std::signal(SIGXFSZ, SIG_IGN);
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        printOverview(std::cerr);
        return 2;
    }
    const std::string first = args[0];
    if (first == "--help" || first == "-h" || first == "help") {
        printOverview(std::cout);
        return 0;
    }
    if (first == "--version") {
        printVersion(args.size() > 1 && args[1] == "--json");
        return 0;
    }
    if (first == "check-file")
        return cli::checkFile({ args.begin() + 1, args.end() });
    // HDF5 files and models are read by this program in a helper process first
    // (engine/core/isolatedread.h): a corrupt one is refused instead of crashing us.
    std::error_code ec;
    if (const auto self = std::filesystem::read_symlink("/proc/self/exe", ec); !ec)
        engine::setIsolatedReader({ self.string(), "check-file" });
    for (const auto& command : commands()) {
        if (command.name != first)
            continue;
        std::vector<std::string> rest(args.begin() + 1, args.end());
        for (const auto& a : rest)
            if (a == "--help" || a == "-h") {
                std::cout << (command.usage.empty()
                        ? (command.name == "train" ? cli::networkPlugin().train
                                                   : cli::networkPlugin().eval)
                              .usage
                        : command.usage);
                return 0;
            }
        try {
            return command.run(rest, std::cout);
        } catch (const cli::UsageError& e) {
            std::cerr << "latentlens-cli " << command.name << ": " << e.what()
                      << "\nTry 'latentlens-cli " << command.name << " --help'.\n";
            return 2;
        } catch (const engine::Exception& e) {
            std::cerr << "latentlens-cli " << command.name << ": " << e.what() << "\n";
            return 1;
        } catch (const std::bad_alloc&) {
            std::cerr << "latentlens-cli " << command.name
                      << ": not enough memory for this input; try a smaller image or stack, or "
                         "a machine with more memory\n";
            return 1;
        } catch (const std::exception& e) {
            std::cerr << "latentlens-cli " << command.name << ": unexpected error: " << e.what()
                      << "\n";
            return 1;
        }
    }
    std::cerr << "latentlens-cli: unknown command '" << first << "'\n"
              << "Try 'latentlens-cli --help'.\n";
    return 2;
}
