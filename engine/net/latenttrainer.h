#pragma once

#include "engine/net/latentmodel.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <vector>

namespace latentlens::engine {

/// The image loss of the kernel-aware network's training (net::imageLoss): the mean squared
/// error; minus the mean PSNR of the crops; that plus kSsimWeight times (1 - their mean
/// SSIM), which trades 0.01 of SSIM for 0.2 dB.
enum class ImageLoss {
    Mse,
    Psnr,
    PsnrSsim,
};
constexpr double kSsimWeight = 20.0;

struct TrainingOptions
{
    /// Clean images: folders (every image in them) and image files.
    std::vector<std::filesystem::path> data;
    std::size_t crop = 64; ///< training crops are crop x crop (at least the kernel size)
    int batchSize = 8;
    int batchesPerEpoch = 50;
    int epochsStage1 = 20;
    int epochsStage2 = 30;
    /// Stage 3 (the kernel-aware variant; ignored for the paper's network): f, D and g
    /// together, with the image loss, over kernels drawn as in stage 2.
    int epochsStage3 = 0;
    /// Training noise: variance drawn log-uniformly over [minNoise, maxNoise] per sample.
    double minNoise = 0.001, maxNoise = 0.02;
    /// Share of samples (0 to 1) that get Poisson-Gaussian noise instead, as fluorescence
    /// counts do: Poisson noise at a number of photons per unit intensity drawn
    /// log-uniformly over [minPhotons, maxPhotons], plus Gaussian read noise of a tenth of
    /// the variance drawn above. 0 (the default) draws exactly what it drew before.
    double poissonFraction = 0.0;
    double minPhotons = 200.0, maxPhotons = 5000.0;
    /// Share of clean crops (0 to 1) drawn from the dead-leaves model (deadLeaves) instead
    /// of the data: natural-image statistics with no licence attached. 0 draws exactly what
    /// it drew before.
    double deadLeavesFraction = 0.0;
    /// The image loss of the kernel-aware steps (stage 1 of that variant and stage 3).
    /// Mse: the batch's mean squared error, as the paper trains. Psnr: the mean over the
    /// batch's crops of 10 log10(MSE of the crop), minus the crops' mean PSNR; every crop
    /// then counts by its relative error, as in the mean PSNR that `eval` reports, so that
    /// dark fluorescence crops are not outweighed by high-contrast ones (dead leaves).
    ImageLoss imageLoss = ImageLoss::Mse;
    /// Stage 3 keeps an exponential moving average of f's, D's and g's weights, updated
    /// after every batch as average = emaDecay * average + (1 - emaDecay) * weights and
    /// started from the weights at the stage's start; the trained model gets the average
    /// (validation scores the weights as they are). 0: none. In [0, 1).
    double emaDecay = 0.0;
    /// A model to start from instead of new weights (fine-tuning): same architecture and
    /// probe family as `record`; usually with stages 1 and 2 at 0 epochs. Its record keeps
    /// its own epochs plus these, and names both data sets. Ignored when resuming.
    std::filesystem::path initialModel;
    double learningRate = 2e-4; ///< Adam, both stages (the paper's), at each stage's start
    /// The learning rate follows a cosine from `learningRate` at a stage's first epoch down
    /// to `learningRate * finalRateFraction` at its last; 1 keeps it constant (the paper).
    double finalRateFraction = 1.0;
    std::uint64_t seed = 1;
    /// Also trains the SIMPLEDEFORM ablation in stage 2 (on the same codes, its own Adam),
    /// so that it can be compared; false saves about a third of stage 2's time and leaves
    /// it untrained.
    bool trainSimpleDeform = true;
    /// Stage 3 with the deformer: f, D and g on f(x) deformed by D(h, theta). False trains
    /// f and g alone on g(f(x)) (D keeps its weights and is not used), the NODEFORM
    /// ablation trained on equal terms (docs/model-card.md); validation then scores NODEFORM.
    bool stageThreeDeformer = true;
    /// Where to train (Auto: a CUDA GPU when LibTorch sees one).
    ComputeDevice device = ComputeDevice::Auto;
    /// Written after every epoch (model, optimisers, stage and epoch); when it exists at
    /// the start, training resumes after the epoch it holds. Empty: no checkpoints.
    std::filesystem::path checkpoint;
    /// Architecture and probe family of the model to train.
    ModelRecord record;
    /// Clean held-out images (values in [0, 1]) deblurred after every epoch at each listed
    /// defocus, blurred with reflective borders and Gaussian noise of `validationNoise`
    /// variance (seeded, the same every epoch); empty: no validation.
    std::vector<Image> validation;
    double validationNoise = 0.005;
};

struct TrainingStep
{
    int stage = 1; ///< 1, 2 or 3
    int epoch = 0; ///< from 1
    int epochs = 0;
    int batch = 0; ///< from 1
    int batches = 0;
    double loss = 0.0; ///< stage 2: the deformer's
    double simpleLoss = 0.0; ///< stage 2: SIMPLEDEFORM's (0 when not trained)
    /// After an epoch, with validation images: mean PSNR (dB) of the deblur at each listed
    /// defocus (stage 1: the NODEFORM path, which is what stage 1 trains; stages 2 and 3:
    /// the full method). Empty otherwise.
    std::vector<double> validationPsnr;
};

/// Trains a LatentModel in the paper's two stages: stage 1 fits f and g on the reference
/// kernel; stage 2 freezes them and fits the deformer over all kernels, alternating bank
/// and MLP updates between batches. Half the defocus values drawn are the listed ones and
/// half are continuous in the range. A kernel-aware model may add stage 3, which fine-tunes
/// f, D and g together with the image loss.
class LatentTrainer
{
public:
    /// Throws IoError/InvalidArgument for unusable data or options.
    explicit LatentTrainer(TrainingOptions options);
    ~LatentTrainer();

    /// Runs to the end (or from the checkpoint). `onBatch` is called after every batch;
    /// `cancel` is checked before every batch (Cancelled is thrown; the last checkpoint
    /// stays). `onEpoch` gets each finished epoch's entry of epochLog(). Returns the trained
    /// model.
    LatentModel run(const std::function<void(const TrainingStep&)>& onBatch = {},
        const std::atomic<bool>* cancel = nullptr,
        const std::function<void(const TrainingStep&)>& onEpoch = {});

    /// Mean loss of each finished epoch, stage 1 then stage 2.
    const std::vector<TrainingStep>& epochLog() const noexcept { return mLog; }
    /// Files the data folder held that could not be used, with the reason.
    std::vector<std::string> skippedFiles() const;

private:
    std::vector<double> validate(
        const LatentModel& model, int stage, const std::atomic<bool>* cancel) const;

    struct State;
    TrainingOptions mOptions;
    std::unique_ptr<State> mState;
    std::vector<TrainingStep> mLog;
};

/// How well `model` deblurs held-out images: the mean PSNR (dB) over `clean` images (one
/// plane each, values in [0, 1]) blurred by `family`'s probe kernels at each of its listed
/// defocus values, with reflective borders and seeded Gaussian noise of `noiseVariance`: the
/// cases of the trainer's per-epoch validation (TrainingOptions::validation), so a model's
/// score is the mean of its last stage-2 or stage-3 epoch's validationPsnr entries.
/// Two models scored with one `family` see the same inputs: the studio shows a new model's
/// score next to the current one's before it replaces it. Throws InvalidArgument when the
/// model was not trained for a listed defocus, Cancelled when asked to stop.
double validationScore(const LatentModel& model, const std::vector<Image>& clean,
    const ModelRecord& family, double noiseVariance, const Progress& progress = {});

} // namespace latentlens::engine
