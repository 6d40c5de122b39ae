// ModelRecord's JSON, apart from LibTorch: the record is the part of a model file that
// decides what is allocated, so it is checked field by field (and fuzzed on its own,
// tests/fuzz/fuzz_modelrecord.cpp).
#include "engine/core/exception.h"
#include "engine/core/version.h"
#include "engine/deconv/wiener.h"
#include "engine/net/latentmodel.h"

#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

namespace latentlens::engine {

namespace {

constexpr const char* kFormat = "latentlens-model-1";

// Beyond any network LatentLens trains; a record asking for more is corrupt, and its network
// would be allocated before its weights are read.
constexpr int kMaxWidth = 512, kMaxLatentChannels = 2048, kMaxBanks = 64, kMaxMlpHidden = 1024;
// The probe's grid and the kernel: computed at every deblur from the record.
constexpr std::size_t kMaxGrid = 16384;

// An integer field of the record. nlohmann converts a JSON float to an integer with a cast,
// undefined beyond the type's range, so only JSON integers within T's range are taken.
template <typename T> T integerField(const nlohmann::json& object, const char* key)
{
    const auto& value = object.at(key);
    const bool fits = value.is_number_unsigned()
        ? value.get<std::uint64_t>() <= std::uint64_t(std::numeric_limits<T>::max())
        : value.is_number_integer() && value.get<std::int64_t>() >= 0
            && std::uint64_t(value.get<std::int64_t>())
                <= std::uint64_t(std::numeric_limits<T>::max());
    if (!fits)
        throw InvalidArgument("The model's record has an invalid '" + std::string(key)
            + "': a whole number from 0 to " + std::to_string(std::numeric_limits<T>::max())
            + " was expected.");
    return value.get<T>();
}

} // namespace

ModelRecord ModelRecord::small(Architecture architecture)
{
    ModelRecord r;
    r.architecture = architecture;
    r.width = 32;
    r.latentChannels = 64;
    return r;
}

std::string ModelRecord::toJson() const
{
    nlohmann::json j;
    j["format"] = kFormat;
    j["architecture"]
        = { { "kind", architecture == Architecture::KernelAware ? "kernel" : "paper" },
              { "width", width }, { "latent_channels", latentChannels }, { "banks", banks },
              { "mlp_hidden", mlpHidden }, { "normalisation", softmax ? "softmax" : "l2" },
              { "physics_padding", physicsPadding } };
    if (physicsWidePadding > 0)
        j["architecture"]["physics_wide_padding"] = physicsWidePadding;
    if (physicsLowNoiseSigma > 0) {
        j["architecture"]["physics_low_noise_sigma"] = physicsLowNoiseSigma;
        j["architecture"]["physics_low_noise_padding"] = physicsLowNoisePadding;
    }
    if (pixelNoiseMap)
        j["architecture"]["pixel_noise_map"] = true;
    if (ensembleViews != 1)
        j["architecture"]["ensemble_views"] = ensembleViews;
    j["probe"] = { { "energy_kev", optics.energyKeV }, { "na", optics.na() },
        { "diameter_m", optics.diameter }, { "central_stop", optics.centralStop },
        { "pixel_size_m", optics.pixelSize }, { "grid", optics.gridSize },
        { "kernel_size", kernel.size }, { "image_pixel_size_m", kernel.imagePixelSize },
        { "support", kernel.supportFraction } };
    std::vector<double> um;
    for (double d : defocus)
        um.push_back(d * 1e6);
    j["defocus_um"] = um;
    j["reference_defocus_um"] = referenceDefocus * 1e6;
    j["training"] = { { "data", trainingData }, { "images", trainingImages }, { "crop", crop },
        { "epochs_stage1", epochsStage1 }, { "epochs_stage2", epochsStage2 },
        { "epochs_stage3", epochsStage3 }, { "seed", seed } };
    j["version"] = version.empty() ? versionString() : version;
    return j.dump(2);
}

ModelRecord ModelRecord::fromJson(const std::string& text)
{
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception&) {
        throw InvalidArgument("The model's record is not valid JSON.");
    }
    const auto format = j.is_object() && j.contains("format") && j["format"].is_string()
        ? j["format"].get<std::string>()
        : std::string("none");
    if (format != kFormat)
        throw InvalidArgument("The file is not a LatentLens model (format '" + format
            + "', expected '" + kFormat + "').");
    ModelRecord r;
    try {
        const auto& a = j.at("architecture");
        // Files written before the kernel-aware variant hold the paper's network.
        const std::string kind = a.value("kind", "paper");
        if (kind != "paper" && kind != "kernel")
            throw InvalidArgument("The model's architecture '" + kind
                + "' is not known to this version of LatentLens.");
        r.architecture = kind == "kernel" ? Architecture::KernelAware : Architecture::Paper;
        r.width = integerField<int>(a, "width");
        r.latentChannels = integerField<int>(a, "latent_channels");
        r.banks = integerField<int>(a, "banks");
        r.mlpHidden = integerField<int>(a, "mlp_hidden");
        r.softmax = a.at("normalisation") == "softmax";
        // Files written before the field ran the physics step with the Wiener panel's.
        r.physicsPadding = a.contains("physics_padding") ? double(a.at("physics_padding")) : 1.0;
        r.physicsWidePadding
            = a.contains("physics_wide_padding") ? double(a.at("physics_wide_padding")) : 0.0;
        if (a.contains("physics_low_noise_sigma")) {
            r.physicsLowNoiseSigma = a.at("physics_low_noise_sigma");
            r.physicsLowNoisePadding = a.at("physics_low_noise_padding");
        }
        r.pixelNoiseMap = a.contains("pixel_noise_map") && a.at("pixel_noise_map").get<bool>();
        r.ensembleViews = a.contains("ensemble_views") ? integerField<int>(a, "ensemble_views") : 1;
        const auto& p = j.at("probe");
        r.optics.energyKeV = p.at("energy_kev");
        r.optics.numericalAperture = p.at("na");
        r.optics.diameter = p.at("diameter_m");
        r.optics.centralStop = p.at("central_stop");
        r.optics.pixelSize = p.at("pixel_size_m");
        r.optics.gridSize = integerField<decltype(r.optics.gridSize)>(p, "grid");
        r.kernel.size = integerField<decltype(r.kernel.size)>(p, "kernel_size");
        r.kernel.imagePixelSize = p.at("image_pixel_size_m");
        r.kernel.supportFraction = p.at("support");
        r.defocus.clear();
        for (double um : j.at("defocus_um"))
            r.defocus.push_back(um * 1e-6);
        r.referenceDefocus = double(j.at("reference_defocus_um")) * 1e-6;
        const auto& t = j.at("training");
        r.trainingData = t.at("data");
        r.trainingImages = integerField<std::size_t>(t, "images");
        r.crop = integerField<std::size_t>(t, "crop");
        r.epochsStage1 = integerField<int>(t, "epochs_stage1");
        r.epochsStage2 = integerField<int>(t, "epochs_stage2");
        r.epochsStage3 = t.contains("epochs_stage3") ? integerField<int>(t, "epochs_stage3") : 0;
        r.seed = integerField<std::uint64_t>(t, "seed");
        r.version = j.at("version");
    } catch (const nlohmann::json::exception& e) {
        throw InvalidArgument(std::string("The model's record is incomplete: ") + e.what());
    }
    if (!WienerOptions::paddingIsValid(r.physicsPadding))
        throw InvalidArgument("The model's record has a physics padding outside (0, "
            + std::to_string(WienerOptions::maxPadding) + "] kernel sizes; the file is corrupt.");
    if (r.physicsWidePadding != 0
        && (!WienerOptions::paddingIsValid(r.physicsWidePadding)
            || r.architecture != Architecture::KernelAware))
        throw InvalidArgument("The model's record has a wide physics padding outside (0, "
            + std::to_string(WienerOptions::maxPadding)
            + "] kernel sizes or on the paper's network; the file is corrupt.");
    if (r.pixelNoiseMap && r.architecture != Architecture::KernelAware)
        throw InvalidArgument("The model's record asks for a pixel noise map on the paper's "
                              "network, which has no input for it; the file is corrupt.");
    if (!ensembleViewsAreValid(r.ensembleViews)
        || (r.ensembleViews > 1 && r.architecture != Architecture::KernelAware))
        throw InvalidArgument("The model's record asks for " + std::to_string(r.ensembleViews)
            + " ensemble views; 1, 2, 4 or 8 are possible, and more than 1 only with the "
              "kernel-aware network. The file is corrupt.");
    if (!(r.physicsLowNoiseSigma >= 0 && r.physicsLowNoiseSigma < 1e3)
        || !WienerOptions::paddingIsValid(r.physicsLowNoisePadding))
        throw InvalidArgument("The model's record has a low-noise physics padding outside (0, "
            + std::to_string(WienerOptions::maxPadding)
            + "] kernel sizes or a negative noise level for it; the file is corrupt.");
    if (r.width < 1 || r.latentChannels < 1 || r.banks < 1 || r.mlpHidden < 1)
        throw InvalidArgument("The model's record has a non-positive layer width.");
    if (r.width > kMaxWidth || r.latentChannels > kMaxLatentChannels || r.banks > kMaxBanks
        || r.mlpHidden > kMaxMlpHidden)
        throw InvalidArgument("The model's record asks for a network larger than LatentLens "
                              "builds (width, latent channels, banks or MLP size); the file is "
                              "corrupt.");
    if (r.optics.gridSize < 1 || r.optics.gridSize > kMaxGrid || r.kernel.size < 1
        || r.kernel.size > kMaxGrid)
        throw InvalidArgument("The model's record has a probe grid or kernel size outside 1 to "
            + std::to_string(kMaxGrid) + "; the file is corrupt.");
    if (r.defocus.empty())
        throw InvalidArgument("The model's record lists no defocus values.");
    return r;
}

} // namespace latentlens::engine
