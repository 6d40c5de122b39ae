#include "engine/io/xrfio.h"

#include "engine/core/exception.h"
#include "engine/core/isolatedread.h"
#include "engine/io/hdf5reader.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <nlohmann/json.hpp>
#include <sstream>

namespace latentlens::engine {

namespace {

// A step must lie within this fraction of the mean step, and x within it of y.
constexpr double stepTolerance = 0.05;

std::string micrometres(double metres)
{
    std::ostringstream s;
    s.precision(4);
    s << metres * 1e6 << " \u00b5m";
    return s.str();
}

// The mean step between neighbouring `positions` (one per pixel along an axis, in units of
// `metresPerUnit`) in metres, or a sentence saying why there is none.
struct Step
{
    double metres = 0.0;
    std::string problem;
};

Step meanStep(const std::vector<double>& positions, std::size_t pixels, double metresPerUnit,
    const std::string& axis)
{
    if (positions.size() != pixels)
        return { 0.0,
            axis + " holds " + std::to_string(positions.size()) + " positions for "
                + std::to_string(pixels) + " pixels" };
    if (pixels < 2)
        return { 0.0, axis + " has a single position, so no step" };
    std::vector<double> steps;
    for (std::size_t i = 0; i + 1 < pixels; ++i) {
        const double step = std::abs(positions[i + 1] - positions[i]) * metresPerUnit;
        if (!std::isfinite(step))
            return { 0.0, axis + " holds positions that are not numbers" };
        steps.push_back(step);
    }
    double mean = 0.0;
    for (double step : steps)
        mean += step / double(steps.size());
    if (!(mean > 0.0))
        return { 0.0, axis + " does not move (every position is the same)" };
    const auto [low, high] = std::minmax_element(steps.begin(), steps.end());
    if (*high - mean > stepTolerance * mean || mean - *low > stepTolerance * mean)
        return { 0.0,
            axis + " is not uniform: its steps go from " + micrometres(*low) + " to "
                + micrometres(*high) + " around a mean of " + micrometres(mean) };
    return { mean, {} };
}

// Sets the image's pixel size from the x and y steps, or records why it stays unknown.
void setPixelSize(Image& image, const Step& x, const Step& y, std::vector<std::string>& notes)
{
    std::string problem = !x.problem.empty() ? x.problem : y.problem;
    if (problem.empty()
        && std::abs(x.metres - y.metres) > stepTolerance * std::max(x.metres, y.metres))
        problem = "the scan steps differ (x " + micrometres(x.metres) + ", y "
            + micrometres(y.metres) + ") and LatentLens needs square pixels";
    if (!problem.empty()) {
        notes.push_back(
            "the pixel size is left unknown: " + problem + "; give the image pixel size yourself.");
        return;
    }
    // The mean of both: they agree within the tolerance and the kernel needs one size.
    const double pixel = 0.5 * (x.metres + y.metres);
    image.setSpacing({ pixel, pixel, 0.0 });
}

// XRF-Maps records the motor positions of each column and row in µm.
void readXrfMapsGeometry(const Hdf5Reader& file, Image& image, std::vector<std::string>& warnings)
{
    auto axis = [&](const std::string& name, std::size_t pixels) -> Step {
        if (!file.isDataset(name))
            return { 0.0, "the file has no scan axis " + name };
        const NdArray a = file.readArray(name);
        if (a.isComplex || a.shape.size() != 1)
            return { 0.0, name + " has shape " + a.shapeText() + ", not one position per pixel" };
        std::vector<double> positions;
        for (const auto& v : a.values)
            positions.push_back(v.real());
        return meanStep(positions, pixels, 1e-6, name);
    };
    const Step x = axis("/MAPS/Scan/x_axis", image.width());
    const Step y = axis("/MAPS/Scan/y_axis", image.height());
    setPixelSize(image, x, y, warnings);
}

// PyXRF keeps the position of every pixel, (2, ny, nx): x then y. It writes the beamline's
// motor values with no unit; we take mm, as issue 15 specifies
// (HXN's zone-plate stages are in µm: such files come out 1000 times too coarse; see
// docs/probes.md). Fly scans jitter from pixel to pixel, so the x axis is the mean over rows
// of each column's x, and y the mean over columns of each row's y.
void readPyxrfGeometry(const Hdf5Reader& file, Image& image, std::vector<std::string>& warnings)
{
    const std::string name = "/xrfmap/positions/pos";
    const std::size_t nx = image.width(), ny = image.height();
    Step x, y;
    if (!file.isDataset(name)) {
        x.problem = "the file has no scan positions " + name;
    } else {
        const NdArray pos = file.readArray(name);
        if (pos.isComplex || pos.shape != std::vector<std::size_t> { 2, ny, nx }) {
            x.problem = name + " has shape " + pos.shapeText() + ", not (2, " + std::to_string(ny)
                + ", " + std::to_string(nx) + ") like the maps";
        } else {
            std::vector<double> columns(nx, 0.0), rows(ny, 0.0);
            for (std::size_t r = 0; r < ny; ++r)
                for (std::size_t c = 0; c < nx; ++c) {
                    columns[c] += pos.values[r * nx + c].real() / double(ny);
                    rows[r] += pos.values[(ny + r) * nx + c].real() / double(nx);
                }
            x = meanStep(columns, nx, 1e-3, name + " [0] (x)");
            y = meanStep(rows, ny, 1e-3, name + " [1] (y)");
        }
    }
    setPixelSize(image, x, y, warnings);
}

Image mapsToImage(const Hdf5Reader& file, const std::string& dataset, const std::string& names,
    nlohmann::json& provenance)
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
    provenance["dataset"] = dataset;
    if (replaced)
        provenance["non_finite_values_set_to_zero"] = replaced;
    return image;
}

std::vector<std::string> analysesOf(const Hdf5Reader& file)
{
    std::vector<std::string> available;
    if (file.isGroup("/MAPS/XRF_Analyzed"))
        for (const auto& name : file.members("/MAPS/XRF_Analyzed"))
            if (file.isDataset("/MAPS/XRF_Analyzed/" + name + "/Counts_Per_Sec"))
                available.push_back(name);
    return available;
}

// The maps of `analysis`, read by HDF5 in this process.
Image readMapsInProcess(
    const std::filesystem::path& path, const std::string& analysis, std::vector<std::string>& notes)
{
    Hdf5Reader file(path);
    nlohmann::json provenance { { "operation", "read" },
        { "file", file.path().filename().string() } };
    Image image;
    if (file.isDataset("/xrfmap/detsum/xrf_fit")) {
        provenance["layout"] = "PyXRF";
        if (!analysis.empty())
            notes.push_back("a PyXRF file holds one fit; the analysis '" + analysis
                + "' applies to XRF-Maps files only and is ignored.");
        image = mapsToImage(
            file, "/xrfmap/detsum/xrf_fit", "/xrfmap/detsum/xrf_fit_name", provenance);
        readPyxrfGeometry(file, image, notes);
    } else if (file.isGroup("/MAPS/XRF_Analyzed")) {
        const auto available = analysesOf(file);
        const std::string chosen = analysis.empty() ? preferredXrfAnalysis(available) : analysis;
        if (std::find(available.begin(), available.end(), chosen) == available.end()) {
            std::string have;
            for (const auto& a : available)
                have += (have.empty() ? "" : ", ") + a;
            throw IoError(file.path(),
                "the XRF-Maps file has no analysis '" + chosen
                    + "' with Counts_Per_Sec; it has: " + (have.empty() ? "none" : have) + ".");
        }
        const std::string group = "/MAPS/XRF_Analyzed/" + chosen;
        provenance["layout"] = "XRF-Maps " + chosen;
        provenance["analysis"] = chosen;
        image = mapsToImage(file, group + "/Counts_Per_Sec", group + "/Channel_Names", provenance);
        readXrfMapsGeometry(file, image, notes);
    } else {
        throw IoError(file.path(),
            "an HDF5 file, but not fluorescence maps LatentLens knows: it has neither PyXRF's "
            "xrfmap/detsum/xrf_fit nor XRF-Maps' /MAPS/XRF_Analyzed/<analysis>/Counts_Per_Sec. "
            "(Probe files are opened as probes, not as images.)");
    }
    provenance["pixel_size_m"] = image.spacing().x;
    if (!notes.empty())
        provenance["warnings"] = notes;
    // Names and warnings come from the file and need not be UTF-8: replaced, not thrown on
    // (nlohmann's type_error escaped readXrfMaps; found by fuzz_xrf).
    image.setProvenance(provenance.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return image;
}

// What the helper hands back for maps: the image's shape and metadata and the warnings in
// the header, its planes (float32) as the payload.
Handover mapsHandover(const Image& image, const std::vector<std::string>& notes)
{
    const nlohmann::json header { { "width", image.width() }, { "height", image.height() },
        { "channels", image.channels() },
        { "spacing", { image.spacing().x, image.spacing().y, image.spacing().z } },
        { "intensity_scale", image.intensityScale() }, { "channel_names", image.channelNames() },
        { "provenance", image.provenance() }, { "warnings", notes } };
    Handover handover;
    handover.header = header.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    const auto* first = reinterpret_cast<const std::byte*>(image.data());
    handover.payload.assign(first, first + image.size() * sizeof(float));
    return handover;
}

Image mapsFromHandover(
    const Handover& handover, const std::filesystem::path& path, std::vector<std::string>& notes)
{
    const IoError broken(path,
        "the helper that reads such files first handed back maps that do not add up, so the "
        "file was not opened.");
    try {
        const auto header = nlohmann::json::parse(handover.header);
        const auto width = header.at("width").get<std::size_t>();
        const auto height = header.at("height").get<std::size_t>();
        const auto channels = header.at("channels").get<std::size_t>();
        if (!payloadHolds(handover, sizeof(float), { width, height, channels }))
            throw broken;
        Image image(width, height, 1, channels);
        std::memcpy(image.data(), handover.payload.data(), handover.payload.size());
        const auto spacing = header.at("spacing").get<std::array<double, 3>>();
        image.setSpacing({ spacing[0], spacing[1], spacing[2] });
        image.setIntensityScale(header.at("intensity_scale").get<double>());
        image.setChannelNames(header.at("channel_names").get<std::vector<std::string>>());
        image.setProvenance(header.at("provenance").get<std::string>());
        notes = header.at("warnings").get<std::vector<std::string>>();
        return image;
    } catch (const nlohmann::json::exception&) {
        throw broken;
    } catch (const InvalidArgument&) { // a scale or names Image refuses
        throw broken;
    }
}

} // namespace

Image readXrfMaps(const std::filesystem::path& path, const std::string& analysis,
    std::vector<std::string>* warnings)
{
    std::vector<std::string> notes;
    Image image;
    // HDF5 crashes on some corrupt files and corrupts memory on others: with a helper set, it
    // reads the file and hands back the maps.
    const auto handedBack = Hdf5Reader::isHdf5(path)
        ? readInHelper(path, "xrf", { "--analysis", analysis })
        : std::nullopt;
    if (handedBack)
        image = mapsFromHandover(readHandover(handedBack->file(), path), path, notes);
    else
        image = readMapsInProcess(path, analysis, notes);
    if (warnings)
        warnings->insert(warnings->end(), notes.begin(), notes.end());
    return image;
}

std::vector<std::string> xrfAnalyses(const std::filesystem::path& path)
{
    if (!Hdf5Reader::isHdf5(path))
        return {};
    if (const auto handedBack = readInHelper(path, "xrf-analyses")) {
        try {
            return nlohmann::json::parse(readHandover(handedBack->file(), path).header)
                .get<std::vector<std::string>>();
        } catch (const nlohmann::json::exception&) {
            throw IoError(path,
                "the helper that reads such files first handed back no list of analyses, so "
                "the file was not opened.");
        }
    }
    return analysesOf(Hdf5Reader(path));
}

void handOverXrfMaps(const std::filesystem::path& path, const std::string& analysis,
    const std::filesystem::path& into)
{
    std::vector<std::string> notes;
    const Image image = readMapsInProcess(path, analysis, notes);
    writeHandover(into, mapsHandover(image, notes));
}

void handOverXrfAnalyses(const std::filesystem::path& path, const std::filesystem::path& into)
{
    const nlohmann::json analyses = analysesOf(Hdf5Reader(path));
    writeHandover(
        into, { analyses.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), {} });
}

std::string preferredXrfAnalysis(const std::vector<std::string>& analyses)
{
    for (const char* preferred : { "Fitted", "NNLS", "ROI" })
        if (std::find(analyses.begin(), analyses.end(), preferred) != analyses.end())
            return preferred;
    return analyses.empty() ? std::string() : analyses.front();
}

} // namespace latentlens::engine
