#include "engine/evaluation.h"

#include "engine/exception.h"
#include "engine/forwardmodel.h"
#include "engine/probe.h"

#include <algorithm>
#include <cstdlib>

namespace latentlens::engine {

std::vector<std::filesystem::path> imageFiles(const std::vector<std::filesystem::path>& sources)
{
    namespace fs = std::filesystem;
    auto isImage = [](const fs::path& file) {
        std::string lower = file.extension().string();
        std::transform(lower.begin(), lower.end(), lower.begin(),
            [](unsigned char c) { return char(std::tolower(c)); });
        return lower == ".png" || lower == ".tif" || lower == ".tiff" || lower == ".jpg"
            || lower == ".jpeg";
    };
    std::vector<fs::path> files;
    for (const auto& source : sources) {
        std::error_code error;
        if (fs::is_directory(source, error)) {
            std::vector<fs::path> inFolder;
            for (const auto& entry : fs::directory_iterator(source, error))
                if (entry.is_regular_file() && isImage(entry.path()))
                    inFolder.push_back(entry.path());
            std::sort(inFolder.begin(), inFolder.end()); // the same order every run
            files.insert(files.end(), inFolder.begin(), inFolder.end());
        } else if (fs::is_regular_file(source, error)) {
            files.push_back(source);
        } else {
            throw IoError(source, "neither a folder of images nor an image file.");
        }
    }
    return files;
}

Image evaluationTruth(const Image& image, std::size_t size)
{
    const std::size_t w = std::min(image.width(), size), h = std::min(image.height(), size);
    const std::size_t x0 = (image.width() - w) / 2, y0 = (image.height() - h) / 2;
    Image out(w, h);
    for (std::size_t y = 0; y < h; ++y)
        for (std::size_t x = 0; x < w; ++x)
            out.at(x, y) = std::clamp(image.at(x + x0, y + y0, 0), 0.0f, 1.0f);
    return out;
}

Image evaluationInput(
    const Image& truth, const Image& kernel, double noiseVariance, std::uint64_t seed)
{
    Image blurred = convolve(truth, kernel, Boundary::Reflect);
    addGaussianNoise(blurred, noiseVariance, seed);
    return blurred;
}

Image modelKernel(const ModelRecord& record, double defocus)
{
    return probeKernel(propagate(focusedProbe(record.optics), defocus), record.kernel);
}

std::optional<std::filesystem::path> defaultModelPath()
{
    namespace fs = std::filesystem;
    if (const char* env = std::getenv("LATENTLENS_MODEL"); env && *env)
        return fs::path(env);
    std::error_code error;
    std::vector<fs::path> candidates;
    const fs::path exe = fs::read_symlink("/proc/self/exe", error);
    if (!error)
        candidates.push_back(
            exe.parent_path().parent_path() / "share/latentlens/models/default.llm");
#ifdef LATENTLENS_SOURCE_RESOURCES
    candidates.push_back(fs::path(LATENTLENS_SOURCE_RESOURCES) / "models/default.llm");
#endif
    for (const auto& c : candidates)
        if (fs::is_regular_file(c, error))
            return c;
    return std::nullopt;
}

} // namespace latentlens::engine
