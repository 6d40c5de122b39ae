#include "app/cli/command.h"
#include "app/cli/networkplugin.h"

#include "engine/core/exception.h"
#include "engine/core/isolatedread.h"
#include "engine/io/xrfio.h"
#include "engine/probe/probeimport.h"

#include <filesystem>
#include <iostream>
#include <new>

#include <sys/resource.h>

namespace latentlens::cli {

namespace {

// The memory a probe or map file's reader may take in the helper: 1 GiB plus 64 bytes per
// byte of the file. HDF5 allocates what a corrupt file's metadata declares (7 GB for an 11 KB
// file, found by fuzz_xrf) before our own checks can see it; with this limit such an
// allocation fails at once and HDF5 reports an error. Legitimate data need far less: a
// dataset is at most a few times its stored bytes once read.
void limitMemory(const std::filesystem::path& path)
{
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (error)
        return;
    const rlim_t limit = (rlim_t(1) << 30) + 64 * rlim_t(size);
    rlimit current {};
    if (getrlimit(RLIMIT_DATA, &current) == 0 && current.rlim_cur > limit) {
        rlimit lowered = current;
        lowered.rlim_cur = limit;
        setrlimit(RLIMIT_DATA, &lowered);
    }
}

int refused(const std::string& reason)
{
    std::cout << reason << std::endl;
    return engine::kHelperRefusedFile;
}

} // namespace

int checkFile(const std::vector<std::string>& args)
{
    // KIND PATH [--dataset NAME | --analysis NAME], as engine::readInHelperFirst runs it.
    if (args.size() != 2 && args.size() != 4)
        return 2;
    const std::string& kind = args[0];
    const std::filesystem::path path = args[1];
    const std::string option = args.size() == 4 ? args[2] : "";
    const std::string value = args.size() == 4 ? args[3] : "";
    try {
        if (kind == "probe" && (option.empty() || option == "--dataset")) {
            limitMemory(path);
            engine::ProbeImportOptions options;
            options.dataset = value;
            engine::importProbe(path, options);
        } else if (kind == "xrf" && (option.empty() || option == "--analysis")) {
            limitMemory(path);
            engine::xrfAnalyses(path);
            engine::readXrfMaps(path, value);
        } else if (kind == "model" && option == "--resave") {
            // The model comes back written by LatentModel::save, so the caller's LibTorch
            // parses only an archive of our own making.
            networkPlugin().resave(path, value);
        } else if (kind == "model" && option.empty()) {
            networkPlugin().load(path, engine::ComputeDevice::Cpu);
        } else {
            return 2;
        }
    } catch (const engine::IoError& e) {
        return refused(e.reason());
    } catch (const engine::Exception& e) {
        return refused(e.what());
    } catch (const std::bad_alloc&) {
        return refused("reading it would take more memory than a file of its size can "
                       "justify; it is probably corrupt.");
    }
    return 0;
}

} // namespace latentlens::cli
