#include "app/cli/networkplugin.h"

#include "engine/core/exception.h"

#include <dlfcn.h>
#include <mutex>

namespace latentlens::cli {

namespace {

constexpr const char* kLibrary = "liblatentlens_cli_network.so";

} // namespace

const NetworkPlugin& networkPlugin()
{
    static const NetworkPlugin* plugin = nullptr;
    static std::once_flag once;
    std::call_once(once, [] {
        namespace fs = std::filesystem;
        std::error_code error;
        const fs::path program = fs::read_symlink("/proc/self/exe", error).parent_path();
        // Next to the program in a build tree, in lib/latentlens/modules when installed (a
        // folder two levels below lib/, so that the package needs no ldconfig call: the
        // module is private to the program).
        const fs::path candidates[] = { program / kLibrary,
            program.parent_path() / "lib" / "latentlens" / "modules" / kLibrary };
        std::string reasons;
        for (const auto& path : candidates) {
            if (!fs::exists(path, error))
                continue;
            void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
            if (!handle) {
                reasons += std::string(" ") + dlerror();
                continue;
            }
            using Entry = const NetworkPlugin* (*)();
            if (auto entry
                = reinterpret_cast<Entry>(dlsym(handle, "latentlens_cli_network_plugin"))) {
                plugin = entry();
                return;
            }
            reasons += " " + path.string() + " has no entry point.";
        }
        throw engine::IoError(candidates[1],
            "the network library (LibTorch) could not be loaded; it belongs next to "
            "latentlens-cli or in ../lib/latentlens/modules."
                + reasons);
    });
    return *plugin;
}

} // namespace latentlens::cli
