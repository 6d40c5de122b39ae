#include "app/cli/command.h"
#include "app/cli/networkplugin.h"

#include "engine/core/exception.h"
#include "engine/core/isolatedread.h"
#include "engine/io/xrfio.h"
#include "engine/probe/probeimport.h"

#include <new>

namespace latentlens::cli {

int checkFile(const std::vector<std::string>& args)
{
    // KIND PATH [--dataset NAME | --analysis NAME], as engine::readInHelperFirst runs it.
    if (args.size() < 2 || (args.size() != 2 && args.size() != 4))
        return 2;
    const std::string& kind = args[0];
    const std::filesystem::path path = args[1];
    const std::string option = args.size() == 4 ? args[2] : "";
    const std::string value = args.size() == 4 ? args[3] : "";
    try {
        if (kind == "probe" && (option.empty() || option == "--dataset")) {
            engine::ProbeImportOptions options;
            options.dataset = value;
            engine::importProbe(path, options);
        } else if (kind == "xrf" && (option.empty() || option == "--analysis")) {
            engine::xrfAnalyses(path);
            engine::readXrfMaps(path, value);
        } else if (kind == "model" && option.empty()) {
            networkPlugin().load(path, engine::ComputeDevice::Cpu);
        } else {
            return 2;
        }
    } catch (const engine::Exception&) {
        return engine::kHelperRefusedFile;
    } catch (const std::bad_alloc&) {
        return engine::kHelperRefusedFile;
    }
    return 0;
}

} // namespace latentlens::cli
