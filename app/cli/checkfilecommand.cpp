#include "app/cli/command.h"
#include "app/cli/networkplugin.h"

#include "engine/core/exception.h"
#include "engine/core/isolatedread.h"
#include "engine/io/xrfio.h"
#include "engine/probe/probeimport.h"

#include <filesystem>
#include <iostream>
#include <new>

#include <csignal>

#include <sys/prctl.h>
#include <sys/resource.h>

namespace latentlens::cli {

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool addressSanitizer = true;
#else
constexpr bool addressSanitizer = false;
#endif

// What a probe or map file's reader may take in the helper. Memory: 1 GiB plus 64 bytes per
// byte of the file; HDF5 allocates what a corrupt file's metadata declares (7 GB for an 11 KB
// file, found by fuzz_xrf) before our checks can see it, and with the limit that allocation
// fails at once and HDF5 reports an error. CPU time: 10 s plus 1 s per 10 MB; HDF5 loops
// forever in its global heap on some corrupt files (fuzz_xrf), and the kernel then ends the
// helper with SIGXCPU. Legitimate data need far less of both: a dataset is at most a few
// times its stored bytes once read, and reading is bound by the disk, not the CPU.
void limitResources(const std::filesystem::path& path)
{
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (error)
        return;
    auto lower = [](int resource, rlim_t limit) {
        rlimit current {};
        if (getrlimit(resource, &current) == 0 && current.rlim_cur > limit) {
            current.rlim_cur = limit;
            setrlimit(resource, &current);
        }
    };
    lower(RLIMIT_CPU, 10 + rlim_t(size / 10'000'000));
    if (!addressSanitizer) // its shadow memory counts against RLIMIT_DATA
        lower(RLIMIT_DATA, (rlim_t(1) << 30) + 64 * rlim_t(size));
}

int refused(const std::string& reason)
{
    std::cout << reason << std::endl;
    return engine::kHelperRefusedFile;
}

} // namespace

int checkFile(const std::vector<std::string>& args)
{
    // KIND PATH [--dataset NAME | --analysis NAME] [--into FILE], as engine::readInHelper
    // runs it. Without --into the file is only read.
    if (args.size() < 2 || args.size() % 2 != 0)
        return 2;
    const std::string& kind = args[0];
    const std::filesystem::path path = args[1];
    std::string option, value;
    std::filesystem::path into;
    for (std::size_t i = 2; i < args.size(); i += 2) {
        if (args[i] == "--into")
            into = args[i + 1];
        else if (option.empty())
            option = args[i], value = args[i + 1];
        else
            return 2;
    }
    // The helper ends with its caller (a cancelled fuzz job, a closed studio). No check of
    // getppid() for a caller already gone: in a container the caller may be process 1.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    // Without --into what was read is written to nowhere.
    const std::filesystem::path target = into.empty() ? "/dev/null" : into;
    try {
        if (kind == "probe" && (option.empty() || option == "--dataset")) {
            limitResources(path);
            engine::handOverProbe(path, value, target);
        } else if (kind == "xrf" && (option.empty() || option == "--analysis")) {
            limitResources(path);
            engine::handOverXrfMaps(path, value, target);
        } else if (kind == "xrf-analyses" && option.empty()) {
            limitResources(path);
            engine::handOverXrfAnalyses(path, target);
        } else if (kind == "model" && option.empty()) {
            // The model comes back written by LatentModel::save, so the caller's LibTorch
            // parses only an archive of our own making.
            if (into.empty())
                networkPlugin().load(path, engine::ComputeDevice::Cpu);
            else
                networkPlugin().resave(path, into);
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
