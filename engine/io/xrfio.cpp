#include "engine/io/xrfio.h"

#include "engine/core/exception.h"
#include "engine/io/hdf5reader.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace latentlens::engine {

namespace {

Image mapsToImage(const Hdf5Reader& file, const std::string& dataset, const std::string& names,
    const std::string& layout)
{
    const NdArray maps = file.readArray(dataset);
    if (maps.isComplex)
        throw IoError(file.path(), dataset + " holds complex numbers, not element maps.");
    if (maps.shape.size() != 3 && maps.shape.size() != 2)
        throw IoError(file.path(),
            dataset + " has shape " + maps.shapeText() + "; element maps are (elements, ny, nx).");
    const bool single = maps.shape.size() == 2;
    const std::size_t elements = single ? 1 : maps.shape[0];
    const std::size_t height = maps.shape[single ? 0 : 1], width = maps.shape[single ? 1 : 2];
    if (elements == 0 || width == 0 || height == 0)
        throw IoError(file.path(), dataset + " is empty " + maps.shapeText() + ".");
    std::vector<std::string> channelNames;
    if (file.isDataset(names)) {
        channelNames = file.readStrings(names);
        if (channelNames.size() != elements)
            throw IoError(file.path(),
                names + " names " + std::to_string(channelNames.size()) + " elements but " + dataset
                    + " holds " + std::to_string(elements) + " maps.");
    } else {
        for (std::size_t e = 0; e < elements; ++e)
            channelNames.push_back("map " + std::to_string(e + 1));
    }
    Image image(width, height, 1, elements);
    std::size_t replaced = 0;
    for (std::size_t i = 0; i < maps.values.size(); ++i) {
        const double v = maps.values[i].real();
        if (std::isfinite(v) && std::abs(v) < 3e38) {
            image.data()[i] = float(v);
        } else {
            image.data()[i] = 0.0f;
            ++replaced;
        }
    }
    image.setChannelNames(std::move(channelNames));
    nlohmann::json provenance { { "operation", "read" }, { "layout", layout },
        { "dataset", dataset }, { "file", file.path().filename().string() } };
    if (replaced)
        provenance["non_finite_values_set_to_zero"] = replaced;
    image.setProvenance(provenance.dump());
    return image;
}

} // namespace

Image readXrfMaps(const std::filesystem::path& path, const std::string& analysis)
{
    Hdf5Reader file(path);
    if (file.isDataset("/xrfmap/detsum/xrf_fit"))
        return mapsToImage(file, "/xrfmap/detsum/xrf_fit", "/xrfmap/detsum/xrf_fit_name", "PyXRF");
    if (file.isGroup("/MAPS/XRF_Analyzed")) {
        std::vector<std::string> available;
        for (const auto& name : file.members("/MAPS/XRF_Analyzed"))
            if (file.isDataset("/MAPS/XRF_Analyzed/" + name + "/Counts_Per_Sec"))
                available.push_back(name);
        std::string chosen = analysis;
        if (chosen.empty()) {
            for (const char* preferred : { "Fitted", "NNLS", "ROI" })
                if (std::find(available.begin(), available.end(), preferred) != available.end()) {
                    chosen = preferred;
                    break;
                }
            if (chosen.empty() && !available.empty())
                chosen = available.front();
        }
        if (std::find(available.begin(), available.end(), chosen) == available.end()) {
            std::string have;
            for (const auto& a : available)
                have += (have.empty() ? "" : ", ") + a;
            throw IoError(path,
                "the XRF-Maps file has no analysis '" + chosen
                    + "' with Counts_Per_Sec; it has: " + (have.empty() ? "none" : have) + ".");
        }
        const std::string group = "/MAPS/XRF_Analyzed/" + chosen;
        return mapsToImage(
            file, group + "/Counts_Per_Sec", group + "/Channel_Names", "XRF-Maps " + chosen);
    }
    throw IoError(path,
        "an HDF5 file, but not fluorescence maps LatentLens knows: it has neither PyXRF's "
        "xrfmap/detsum/xrf_fit nor XRF-Maps' /MAPS/XRF_Analyzed/<analysis>/Counts_Per_Sec. "
        "(Probe files are opened as probes, not as images.)");
}

} // namespace latentlens::engine
