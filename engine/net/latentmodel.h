#pragma once

#include "engine/core/image.h"
#include "engine/core/progress.h"
#include "engine/probe/probe.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace latentlens::engine {

/// Which network a model is (docs/network.md):
/// - Paper: Guan et al.'s, the blurred image in and theta = defocus, the kernel known to the
///   network only through theta;
/// - KernelAware: the same encoder, deformer and decoder, fed the blurred image, the Wiener
///   estimate made with the exact kernel and the estimated noise, and a noise-level map;
///   theta = (defocus, noise level); U-Net skips; the output is a residual over the Wiener
///   estimate, zero when untrained.
enum class Architecture { Paper, KernelAware };

/// Everything a model file records besides its weights (stored as JSON in the file).
struct ModelRecord
{
    // Architecture (DESIGN.md section 5).
    Architecture architecture = Architecture::Paper;
    int width = 64;
    int latentChannels = 256;
    int banks = 4;
    int mlpHidden = 16;
    bool softmax = false; ///< coefficient normalisation: softmax, else L2
    /// The kernel-aware network's physics step: its Wiener padding on each side, in kernel
    /// sizes (WienerOptions::padding), as in the Wiener panel unless trained otherwise
    /// (`train --physics-padding`; docs/model-card.md has what 2 did).
    double physicsPadding = 1.0;
    /// A second physics estimate with this wider padding, given to the network as a fourth
    /// input channel; 0: none (`train --physics-wide-padding`). At large defocus with little
    /// noise the first padding's taper lies within the kernel's reach and the wider one
    /// restores the border, while at high noise it is the worse estimate: the network
    /// learns which to follow (docs/model-card.md).
    double physicsWidePadding = 0.0;
    /// Below this estimated noise standard deviation the physics step pads by
    /// physicsLowNoisePadding instead of physicsPadding; 0: never
    /// (`train --physics-low-noise-padding`). Little noise means little regularisation, so
    /// the border must reach as far as the kernel; with much noise the wider reflection
    /// costs more than it restores (docs/model-card.md).
    double physicsLowNoiseSigma = 0.0;
    double physicsLowNoisePadding = 1.0;
    /// A per-pixel noise map as the last input channel: the standard deviation that a
    /// Poisson-Gaussian fit of the blurred plane (fitSignalDependentNoise) gives at each
    /// pixel's local mean (`train --pixel-noise-map`). Channel 2's single level is the
    /// median pixel's noise, which with photon noise is too much for the dark background
    /// and too little for the bright cells.
    bool pixelNoiseMap = false;
    /// Inference averages the kernel-aware network over this many views of each tile:
    /// 1, the tile itself; 2, also turned by 180 degrees; 4, its four mirror images
    /// (identity, left-right, up-down, both); 8, those and their transposes. Each view's
    /// output is turned back before the average (a geometric self-ensemble). The physics
    /// step is computed once: mirroring the image and the kernel together mirrors its
    /// estimate. `train --ensemble-views`; docs/model-card.md has what it gains.
    int ensembleViews = 1;
    // The probe family the model was trained for.
    ZonePlateOptics optics;
    KernelOptions kernel;
    std::vector<double> defocus { 0.1e-6, 3e-6, 5e-6, 7e-6, 10e-6, 15e-6 }; ///< metres
    double referenceDefocus = 3e-6; ///< metres
    // Training.
    std::string trainingData;
    std::size_t trainingImages = 0;
    std::size_t crop = 0;
    int epochsStage1 = 0;
    int epochsStage2 = 0;
    int epochsStage3 = 0; ///< the kernel-aware variant's end-to-end fine-tuning
    std::uint64_t seed = 0;
    std::string version; ///< LatentLens version that wrote the file

    /// The CPU-sized architecture (width 32, latent 64 channels; DESIGN.md section 5's
    /// "small variant") of `architecture`, every other field at its default.
    static ModelRecord small(Architecture architecture = Architecture::Paper);

    std::string toJson() const;
    /// Throws InvalidArgument naming the field that is missing or out of range.
    static ModelRecord fromJson(const std::string& json);
};

/// True for the ensemble view counts a model can record: 1, 2, 4 or 8. Inline: the CLI
/// checks its options without loading LibTorch.
constexpr bool ensembleViewsAreValid(int views)
{
    return views == 1 || views == 2 || views == 4 || views == 8;
}

/// Tunes the process for LibTorch on the CPU (threads, glibc's allocator; see the source).
/// Idempotent and called by every LatentModel; programs that run the network on another
/// thread (the studio) call it first thing in main(), before starting threads.
void tuneRuntime();

/// LibTorch's version, e.g. "1.13.1".
std::string torchVersion();

/// True when LibTorch sees a usable CUDA device.
bool cudaAvailable();

/// Where LibTorch runs: a CUDA GPU when LibTorch sees one (Auto), or as asked.
enum class ComputeDevice { Auto, Cpu, Cuda };

/// Which network path deblurs: the full method, or one of the paper's ablations.
enum class LatentMethod { Latent, NoDeform, SimpleDeform };

/// An image passed through the encoder, kept so that a new defocus reruns only the
/// deformer and the decoder (the studio's slider). Opaque; made by LatentModel::encode.
struct EncodedImage
{
    struct Data;
    std::shared_ptr<const Data> data;
};

/// The deformable latent-space network with its record: create, save, load, deblur.
class LatentModel
{
public:
    /// Fresh weights (seeded by `seed`) for the architecture in `record`.
    LatentModel(const ModelRecord& record, std::uint64_t seed);
    ~LatentModel();
    LatentModel(LatentModel&&) noexcept;
    LatentModel& operator=(LatentModel&&) noexcept;

    /// Throws IoError if the file is missing, truncated or not a LatentLens model, and
    /// InvalidArgument if its record and its weights do not match. With a helper set
    /// (setIsolatedReader), a file other than the shipped model is loaded by the helper,
    /// which saves the model again for this process to read: LibTorch here parses only
    /// archives LatentModel::save wrote.
    static LatentModel load(const std::filesystem::path& path);
    /// Writes weights and record to one file, atomically.
    void save(const std::filesystem::path& path) const;

    const ModelRecord& record() const noexcept;

    /// Moves the weights to `device` (Auto: CUDA when available, else the CPU; a model
    /// starts on the CPU). Throws InvalidArgument when CUDA is asked for and LibTorch sees
    /// no CUDA device (Debian's LibTorch is built for the CPU only).
    void setDevice(ComputeDevice device);
    /// "cpu" or "cuda:N".
    std::string deviceName() const;
    /// Deblurs every plane at `defocus` (metres): reflective padding to a multiple of 4,
    /// overlapping 1024-pixel tiles for large planes, on the model's device (setDevice).
    /// A kernel-aware model deconvolves with `kernel` (any kernel: an imported probe's or a
    /// measured PSF, resampled to the image's pixels), or when it is empty with its probe
    /// family's kernel at `defocus`; `defocus` is theta either way (for another kernel, the
    /// best-fitting defocus). The paper's model ignores `kernel`.
    /// Throws InvalidArgument for a defocus outside the trained range by more than 10%, or a
    /// kernel the Wiener step refuses (larger than the image, negative, empty); Cancelled
    /// when asked to stop (checked per tile).
    /// `views` overrides the record's ensembleViews (0: the record's; the studio's quick
    /// pass asks for 1); the paper's model refuses more than 1.
    Image deblur(const Image& blurred, double defocus, LatentMethod method = LatentMethod::Latent,
        const Progress& progress = {}, const Image& kernel = {}, int views = 0) const;

    /// What deblur does before the defocus is known, kept for the studio's slider: the
    /// paper's model runs its encoder (f(B) of every tile of every plane); the kernel-aware
    /// model, whose encoder input depends on the kernel, keeps the image and its noise
    /// estimate. Throws as deblur.
    EncodedImage encode(const Image& blurred, const Progress& progress = {}) const;
    /// The rest at `defocus` (and `kernel` and `views`, as in deblur): encode then decode
    /// gives exactly what deblur gives.
    Image decode(const EncodedImage& encoded, double defocus,
        LatentMethod method = LatentMethod::Latent, const Progress& progress = {},
        const Image& kernel = {}, int views = 0) const;

    struct Impl;
    Impl& impl() noexcept { return *mImpl; }

private:
    /// load's work on `file`; messages name `named`.
    static LatentModel loadArchive(
        const std::filesystem::path& file, const std::filesystem::path& named);

    std::unique_ptr<Impl> mImpl;
};

/// The blur kernel of a model's probe family at `defocus` (metres): what training used.
Image modelKernel(const ModelRecord& record, double defocus);

/// The default model shipped with LatentLens: the file named by the environment variable
/// LATENTLENS_MODEL when set, else `models/default.llm` in the installed data folder
/// (`<prefix>/share/latentlens`, found from the running program) or in the source tree's
/// `resources/` (a build that is not installed). Empty when there is none.
std::optional<std::filesystem::path> defaultModelPath();

} // namespace latentlens::engine
