#include "app/cli/imageinput.h"

#include "engine/io/imageio.h"

namespace latentlens::cli {

std::string analysisOptionHelp()
{
    return "  --analysis NAME     the analysis of an XRF-Maps file: Fitted, NNLS, ROI, ...\n"
           "                      (default: Fitted, else NNLS, else ROI, else the first)\n";
}

engine::Image readInputImage(
    const Arguments& args, const std::string& path, std::vector<std::string>& warnings)
{
    engine::ImageReadOptions options;
    options.xrfAnalysis = args.value("analysis").value_or(std::string());
    return engine::readImage(path, options, &warnings);
}

} // namespace latentlens::cli
