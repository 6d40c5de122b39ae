#include "engine/net/latenttrainer.h"

#include "engine/core/exception.h"
#include "engine/deconv/deconvolution.h"
#include "engine/eval/evaluation.h"
#include "engine/eval/metrics.h"
#include "engine/net/modelimpl.h"
#include "engine/net/physicsinput.h"
#include "engine/net/training.h"
#include "engine/net/trainingdata.h"

#include <algorithm>
#include <cmath>

namespace latentlens::engine {

namespace {

/// inputs[i][k]: `clean[i]` blurred by `kernels[k]` with seeded Gaussian noise, the seeds
/// counting from 0x5eed image by image: the validation cases of the trainer and of
/// validationScore alike.
std::vector<std::vector<Image>> validationInputs(
    const std::vector<Image>& clean, const std::vector<Image>& kernels, double noiseVariance)
{
    std::vector<std::vector<Image>> inputs;
    std::uint64_t seed = 0x5eed;
    for (const Image& truth : clean) {
        if (truth.empty() || truth.planeCount() != 1)
            throw InvalidArgument("A validation image must be one non-empty plane.");
        auto& blurred = inputs.emplace_back();
        for (const Image& kernel : kernels)
            blurred.push_back(evaluationInput(truth, kernel, noiseVariance, seed++));
    }
    return inputs;
}

/// Mean PSNR (dB) over the images of `model`'s deblur of `inputs` at each of `defocus`.
std::vector<double> validationPsnr(const LatentModel& model, const std::vector<Image>& clean,
    const std::vector<std::vector<Image>>& inputs, const std::vector<double>& defocus,
    LatentMethod method, const Progress& progress)
{
    std::vector<double> out;
    for (std::size_t k = 0; k < defocus.size(); ++k) {
        double sum = 0.0;
        for (std::size_t i = 0; i < clean.size(); ++i)
            sum += psnr(model.deblur(inputs[i][k], defocus[k], method, progress).values(),
                clean[i].values());
        out.push_back(sum / double(clean.size()));
    }
    return out;
}

} // namespace

struct LatentTrainer::State
{
    net::TrainingData data;
    net::KernelFamily family;
    /// validation[i][k]: validation image i blurred at listed defocus k, with noise.
    std::vector<std::vector<Image>> validation;
    State(const TrainingOptions& o)
        : data(o.data, o.crop, o.seed), family(o.record.optics, o.record.kernel, o.record.defocus)
    {
        std::vector<Image> kernels;
        for (double d : o.record.defocus)
            kernels.push_back(family.at(d));
        validation = validationInputs(o.validation, kernels, o.validationNoise);
    }
};

LatentTrainer::LatentTrainer(TrainingOptions options) : mOptions(std::move(options))
{
    if (mOptions.batchSize < 1 || mOptions.batchesPerEpoch < 1 || mOptions.epochsStage1 < 0
        || mOptions.epochsStage2 < 0)
        throw InvalidArgument("Batch size and batches per epoch must be positive, epochs not "
                              "negative.");
    if (!(mOptions.minNoise > 0 && mOptions.maxNoise >= mOptions.minNoise && mOptions.maxNoise < 1))
        throw InvalidArgument("The training noise range must satisfy 0 < minimum <= maximum < 1.");
    if (!(mOptions.deadLeavesFraction >= 0 && mOptions.deadLeavesFraction <= 1))
        throw InvalidArgument("The dead-leaves share must be in [0, 1].");
    if (!(mOptions.poissonFraction >= 0 && mOptions.poissonFraction <= 1)
        || !(mOptions.minPhotons > 0 && mOptions.maxPhotons >= mOptions.minPhotons))
        throw InvalidArgument("The Poisson share must be in [0, 1] and the photon range satisfy "
                              "0 < minimum <= maximum.");
    if (mOptions.imageLoss == ImageLoss::PsnrSsim && mOptions.crop < 11)
        throw InvalidArgument("The SSIM term needs crops of at least 11 pixels (its window).");
    if (!(mOptions.emaDecay >= 0 && mOptions.emaDecay < 1))
        throw InvalidArgument("The weight-average decay must be in [0, 1).");
    if (!(mOptions.learningRate > 0))
        throw InvalidArgument("The learning rate must be positive.");
    if (!(mOptions.finalRateFraction > 0 && mOptions.finalRateFraction <= 1))
        throw InvalidArgument("The final learning-rate fraction must be in (0, 1].");
    if (mOptions.crop < mOptions.record.kernel.size || mOptions.crop % 4 != 0)
        throw InvalidArgument("The crop must be a multiple of 4 and at least the kernel size ("
            + std::to_string(mOptions.record.kernel.size) + ").");
    const auto& d = mOptions.record.defocus;
    if (std::find(d.begin(), d.end(), mOptions.record.referenceDefocus) == d.end())
        throw InvalidArgument("The reference defocus must be one of the listed defocus values.");
    mState = std::make_unique<State>(mOptions);
}

LatentTrainer::~LatentTrainer() = default;

std::vector<double> LatentTrainer::validate(
    const LatentModel& model, int stage, const std::atomic<bool>* cancel) const
{
    if (mState->validation.empty())
        return {};
    std::atomic<bool> never { false };
    Progress progress;
    progress.cancel = cancel ? cancel : &never;
    return validationPsnr(model, mOptions.validation, mState->validation, mOptions.record.defocus,
        stage == 1 || (stage == 3 && !mOptions.stageThreeDeformer) ? LatentMethod::NoDeform
                                                                   : LatentMethod::Latent,
        progress);
}

double validationScore(const LatentModel& model, const std::vector<Image>& clean,
    const ModelRecord& family, double noiseVariance, const Progress& progress)
{
    if (clean.empty() || family.defocus.empty())
        throw InvalidArgument("A validation score needs images and defocus values.");
    std::vector<Image> kernels;
    for (double d : family.defocus)
        kernels.push_back(modelKernel(family, d));
    const auto perDefocus
        = validationPsnr(model, clean, validationInputs(clean, kernels, noiseVariance),
            family.defocus, LatentMethod::Latent, progress);
    double sum = 0.0;
    for (double v : perDefocus)
        sum += v;
    return sum / double(perDefocus.size());
}

namespace {

/// `from`, whose input has `oldChannels`, with the input channels of `record`, which has
/// all of those and more: each old channel's first-layer weights move to its place, a new
/// channel's start at zero, so the output equals `from`'s whatever the new channels hold,
/// until training moves them.
LatentModel withNewChannels(
    LatentModel& from, const std::vector<net::InputChannel>& oldChannels, const ModelRecord& record)
{
    const auto newChannels = net::inputChannels(record);
    LatentModel to(record, record.seed);
    torch::NoGradGuard noGradients;
    const auto source = from.impl().modules();
    const auto target = to.impl().modules();
    for (std::size_t m = 0; m < target.size(); ++m) {
        auto parameters = source[m].second->named_parameters();
        for (auto& p : target[m].second->named_parameters()) {
            const torch::Tensor& old = parameters[p.key()];
            if (old.sizes() == p.value().sizes()) {
                p.value().copy_(old);
                continue;
            }
            // The encoder's first convolution: more input channels.
            TORCH_CHECK(old.dim() == 4 && old.size(1) == int64_t(oldChannels.size())
                    && p.value().size(1) == int64_t(newChannels.size()),
                "unexpected shape of ", p.key());
            p.value().zero_();
            for (std::size_t c = 0; c < oldChannels.size(); ++c) {
                const auto at = std::find(newChannels.begin(), newChannels.end(), oldChannels[c]);
                p.value()
                    .narrow(1, at - newChannels.begin(), 1)
                    .copy_(old.narrow(1, int64_t(c), 1));
            }
        }
        auto buffers = source[m].second->named_buffers();
        for (auto& b : target[m].second->named_buffers())
            b.value().copy_(buffers[b.key()]);
    }
    return to;
}

/// The model at `path` with `record`'s training added to its own: the starting point of a
/// fine-tuning run. Throws InvalidArgument when its architecture or probe family differ.
/// The fine-tune's physics padding takes over; a wide estimate, pixel noise map,
/// low-noise padding or ensemble view count (above 1) that `record` asks for is added
/// (withNewChannels) or takes over, and one that the model has is kept when `record` asks
/// for none.
LatentModel fineTuned(const std::filesystem::path& path, const ModelRecord& record)
{
    LatentModel model = LatentModel::load(path);
    ModelRecord& own = model.impl().record;
    const auto oldChannels = net::inputChannels(own);
    const bool addChannels = (record.physicsWidePadding > 0 && own.physicsWidePadding == 0)
        || (record.pixelNoiseMap && !own.pixelNoiseMap);
    ModelRecord asked = record;
    if (asked.physicsWidePadding == 0)
        asked.physicsWidePadding = own.physicsWidePadding;
    asked.pixelNoiseMap = asked.pixelNoiseMap || own.pixelNoiseMap;
    if (asked.physicsLowNoiseSigma == 0) {
        asked.physicsLowNoiseSigma = own.physicsLowNoiseSigma;
        asked.physicsLowNoisePadding = own.physicsLowNoisePadding;
    }
    if (asked.ensembleViews == 1)
        asked.ensembleViews = own.ensembleViews;
    ModelRecord same = own; // its architecture and family, with the new run's training
    same.physicsWidePadding = asked.physicsWidePadding;
    same.pixelNoiseMap = asked.pixelNoiseMap;
    same.physicsLowNoiseSigma = asked.physicsLowNoiseSigma;
    same.physicsLowNoisePadding = asked.physicsLowNoisePadding;
    same.ensembleViews = asked.ensembleViews;
    same.trainingData = record.trainingData;
    same.trainingImages = record.trainingImages;
    same.crop = record.crop;
    same.epochsStage1 = record.epochsStage1;
    same.epochsStage2 = record.epochsStage2;
    same.epochsStage3 = record.epochsStage3;
    same.seed = record.seed;
    same.version = record.version;
    same.physicsPadding = record.physicsPadding; // the fine-tune's physics step takes over
    // Defocus values pass through micrometres in the file: equal to rounding.
    auto close = [](double a, double b) { return std::abs(a - b) <= 1e-9 * std::abs(b); };
    if (same.defocus.size() == record.defocus.size()
        && std::equal(same.defocus.begin(), same.defocus.end(), record.defocus.begin(), close)
        && close(same.referenceDefocus, record.referenceDefocus)) {
        same.defocus = record.defocus;
        same.referenceDefocus = record.referenceDefocus;
    }
    if (same.toJson() != asked.toJson())
        throw InvalidArgument("The model to start from (" + path.filename().string()
            + ") has another architecture, size or probe family than the training options.");
    // A run of zero epochs changes the physics options alone: the weights keep their data.
    if (record.epochsStage1 + record.epochsStage2 + record.epochsStage3 > 0) {
        own.trainingData += "; then fine-tuned on " + record.trainingData;
        own.trainingImages = record.trainingImages;
    }
    own.physicsPadding = record.physicsPadding;
    own.physicsWidePadding = asked.physicsWidePadding;
    own.pixelNoiseMap = asked.pixelNoiseMap;
    own.physicsLowNoiseSigma = asked.physicsLowNoiseSigma;
    own.physicsLowNoisePadding = asked.physicsLowNoisePadding;
    own.ensembleViews = asked.ensembleViews;
    own.epochsStage1 += record.epochsStage1;
    own.epochsStage2 += record.epochsStage2;
    own.epochsStage3 += record.epochsStage3;
    return addChannels ? withNewChannels(model, oldChannels, own) : std::move(model);
}

} // namespace

std::vector<std::string> LatentTrainer::skippedFiles() const
{
    return mState->data.skipped();
}

LatentModel LatentTrainer::run(const std::function<void(const TrainingStep&)>& onBatch,
    const std::atomic<bool>* cancel, const std::function<void(const TrainingStep&)>& onEpoch)
{
    ModelRecord record = mOptions.record;
    record.trainingData.clear();
    for (const auto& source : mOptions.data)
        record.trainingData += (record.trainingData.empty() ? "" : ", ") + source.string();
    record.trainingImages = mState->data.imageCount();
    record.crop = mOptions.crop;
    record.epochsStage1 = mOptions.epochsStage1;
    record.epochsStage2 = mOptions.epochsStage2;
    record.epochsStage3
        = record.architecture == Architecture::KernelAware ? mOptions.epochsStage3 : 0;
    record.seed = mOptions.seed;
    int doneStage = 0, doneEpoch = 0; // what the checkpoint holds
    const auto& checkpoint = mOptions.checkpoint;
    const bool resume = !checkpoint.empty() && std::filesystem::exists(checkpoint);
    LatentModel model = resume          ? LatentModel::load(checkpoint)
        : mOptions.initialModel.empty() ? LatentModel(record, mOptions.seed)
                                        : fineTuned(mOptions.initialModel, record);
    model.setDevice(mOptions.device); // before the optimisers take the parameters
    auto& net = model.impl();
    std::vector<torch::Tensor> fg = net.encoder->parameters();
    for (const auto& p : net.decoder->parameters())
        fg.push_back(p);
    const auto adam = torch::optim::AdamOptions(mOptions.learningRate);
    torch::optim::Adam stage1(fg, adam);
    torch::optim::Adam banks(net.deformer->bankParameters(), adam);
    torch::optim::Adam mlps(net.deformer->mlpParameters(), adam);
    torch::optim::Adam simple(net.simple->parameters(), adam);
    std::vector<torch::Tensor> everything = fg;
    for (const auto& p : net.deformer->parameters())
        everything.push_back(p);
    torch::optim::Adam stage3(everything, adam);
    // The optimisers with their names in a checkpoint.
    const std::pair<const char*, torch::optim::Adam*> optimizers[]
        = { { "opt_stage1", &stage1 }, { "opt_banks", &banks }, { "opt_mlps", &mlps },
              { "opt_simple", &simple }, { "opt_stage3", &stage3 } };
    // Stage 3's moving average of `everything` (emaDecay), in a checkpoint as "ema".
    std::vector<torch::Tensor> average;
    if (resume) {
        torch::serialize::InputArchive archive;
        archive.load_from(checkpoint.string(), net.device);
        c10::IValue stage, epoch;
        if (!archive.try_read("stage", stage) || !archive.try_read("epoch", epoch))
            throw IoError(checkpoint, "a model file, not a training checkpoint.");
        doneStage = int(stage.toInt());
        doneEpoch = int(epoch.toInt());
        c10::IValue random;
        if (archive.try_read("data_random", random) && random.isString())
            mState->data.setRandomState(random.toStringRef());
        for (auto [name, optimizer] : optimizers) {
            torch::serialize::InputArchive part;
            if (archive.try_read(name, part))
                optimizer->load(part);
        }
        torch::serialize::InputArchive part;
        if (mOptions.emaDecay > 0 && archive.try_read("ema", part))
            for (std::size_t i = 0; i < everything.size(); ++i) {
                torch::Tensor kept;
                if (!part.try_read(std::to_string(i), kept)
                    || kept.sizes() != everything[i].sizes())
                    throw IoError(checkpoint, "its weight average does not fit the model.");
                average.push_back(kept.to(net.device));
            }
    }
    auto saveCheckpoint = [&](int stage, int epoch) {
        if (checkpoint.empty())
            return;
        // The model file's contents (so LatentModel::load reads a checkpoint as a model) plus
        // the optimisers' moments and how far training got, in one archive.
        torch::serialize::OutputArchive out;
        net.writeTo(out);
        for (auto [name, optimizer] : optimizers) {
            torch::serialize::OutputArchive part;
            optimizer->save(part);
            out.write(name, part);
        }
        out.write("stage", c10::IValue(int64_t(stage)));
        out.write("epoch", c10::IValue(int64_t(epoch)));
        out.write("data_random", c10::IValue(mState->data.randomState()));
        if (!average.empty()) {
            torch::serialize::OutputArchive part;
            for (std::size_t i = 0; i < average.size(); ++i)
                part.write(std::to_string(i), average[i]);
            out.write("ema", part);
        }
        LatentModel::Impl::saveAtomically(out, checkpoint);
    };

    const std::size_t kinds = net.record.defocus.size();
    const bool aware = net.kernelAware();
    const int stages = aware && net.record.epochsStage3 > 0 ? 3 : 2;
    for (int stage = 1; stage <= stages; ++stage) {
        const int epochs = stage == 1 ? mOptions.epochsStage1
            : stage == 2              ? mOptions.epochsStage2
                                      : mOptions.epochsStage3;
        if (stage == 2) {
            net::freeze(*net.encoder);
            net::freeze(*net.decoder);
        } else if (stage == 3) {
            net::unfreeze(*net.encoder);
            net::unfreeze(*net.decoder);
            net.deformer->train();
            if (mOptions.emaDecay > 0 && average.empty() && epochs > 0)
                for (const auto& p : everything)
                    average.push_back(p.detach().clone());
        }
        for (int epoch = 1; epoch <= epochs; ++epoch) {
            if (stage < doneStage || (stage == doneStage && epoch <= doneEpoch))
                continue; // done before the interruption
            // Cosine schedule over the stage; a function of the epoch alone, so a resumed run
            // continues it exactly.
            const double progress = epochs > 1 ? double(epoch - 1) / double(epochs - 1) : 0.0;
            const double rate = mOptions.learningRate
                * (mOptions.finalRateFraction
                    + (1.0 - mOptions.finalRateFraction) * 0.5
                        * (1.0 + std::cos(3.14159265358979323846 * progress)));
            for (const auto& entry : optimizers)
                for (auto& group : entry.second->param_groups())
                    static_cast<torch::optim::AdamOptions&>(group.options()).lr(rate);
            double sum = 0.0, simpleSum = 0.0;
            for (int batch = 1; batch <= mOptions.batchesPerEpoch; ++batch) {
                if (cancel && cancel->load())
                    throw Cancelled();
                // One sample per batch item: the reference blur plus, in stage 2, one blur
                // at a drawn defocus for each kernel slot; in stage 3 one drawn blur.
                std::vector<net::TrainingSample> samples;
                for (int i = 0; i < mOptions.batchSize; ++i) {
                    std::vector<double> defocus { net.record.referenceDefocus };
                    if (stage == 2)
                        for (std::size_t j = 0; j < kinds; ++j)
                            defocus.push_back(j + 1 == kinds
                                    ? net.record.referenceDefocus
                                    : mState->data.drawDefocus(mState->family));
                    else if (stage == 3)
                        defocus = { mState->data.drawDefocus(mState->family) };
                    samples.push_back(mState->data.sample(mState->family, defocus,
                        { mOptions.minNoise, mOptions.maxNoise, mOptions.poissonFraction,
                            mOptions.minPhotons, mOptions.maxPhotons,
                            mOptions.deadLeavesFraction }));
                    if (aware)
                        for (std::size_t j = 0; j < defocus.size(); ++j) {
                            auto physics = net::physicsEstimate(samples.back().blurred[j],
                                mState->family.at(defocus[j]), net.record);
                            samples.back().estimates.push_back(std::move(physics.estimate));
                            samples.back().wideEstimates.push_back(std::move(physics.wide));
                            samples.back().noiseMaps.push_back(std::move(physics.noiseMap));
                            samples.back().noiseSigma.push_back(physics.noiseSigma);
                        }
                }
                // The network's input for blur `index` of every sample (SIZE_MAX: the clean
                // crops, the target), and theta.
                auto column = [&](std::size_t index) {
                    if (aware && index != SIZE_MAX) {
                        std::vector<double> sigma;
                        for (const auto& s : samples)
                            sigma.push_back(s.noiseSigma[index]);
                        return net::kernelAwareInput(
                            { mOptions.crop, mOptions.crop }, samples.size(), net.record,
                            [&](std::size_t i, const net::InputPlanes& to) {
                                const auto& s = samples[i];
                                auto copy = [](const Image& from, float* plane) {
                                    std::copy(from.values().begin(), from.values().end(), plane);
                                };
                                copy(s.blurred[index], to.blurred);
                                copy(s.estimates[index], to.estimate);
                                if (to.wide)
                                    copy(s.wideEstimates[index], to.wide);
                                if (to.noiseMap)
                                    copy(s.noiseMaps[index], to.noiseMap);
                            },
                            sigma)
                            .to(net.device);
                    }
                    std::vector<const Image*> planes;
                    for (const auto& s : samples)
                        planes.push_back(index == SIZE_MAX ? &s.clean : &s.blurred[index]);
                    return net::toTensor(planes).to(net.device);
                };
                auto thetaOf = [&](std::size_t index) {
                    std::vector<double> defocus, sigma;
                    for (const auto& s : samples) {
                        defocus.push_back(s.defocus[index]);
                        sigma.push_back(aware ? s.noiseSigma[index] : 0.0);
                    }
                    return net.thetaTensor(defocus, sigma);
                };
                double loss = 0.0, simpleLoss = 0.0;
                if (aware && stage != 2) { // validation left them in evaluation mode
                    net.encoder->train();
                    net.decoder->train();
                }
                if (stage == 1 && aware) {
                    loss = net::kernelAwareStep(net.encoder, net.decoder, net.deformer, stage1,
                        column(0), {}, column(SIZE_MAX), mOptions.imageLoss);
                } else if (stage == 1) {
                    loss = net::stageOneStep(
                        net.encoder, net.decoder, stage1, column(0), column(SIZE_MAX));
                } else if (stage == 3) {
                    // An undefined theta leaves the code undeformed (NODEFORM).
                    loss = net::kernelAwareStep(net.encoder, net.decoder, net.deformer, stage3,
                        column(0), mOptions.stageThreeDeformer ? thetaOf(0) : torch::Tensor(),
                        column(SIZE_MAX), mOptions.imageLoss);
                    torch::NoGradGuard noGradients;
                    for (std::size_t i = 0; i < average.size(); ++i)
                        average[i]
                            .mul_(mOptions.emaDecay)
                            .add_(everything[i].detach(), 1.0 - mOptions.emaDecay);
                } else {
                    std::vector<torch::Tensor> blurred, theta;
                    for (std::size_t j = 1; j <= kinds; ++j) {
                        blurred.push_back(column(j));
                        theta.push_back(thetaOf(j));
                    }
                    const auto codes = net::encodeStageTwo(net.encoder, column(0), blurred);
                    loss = net::deformerStep(
                        net.deformer, banks, mlps, codes, theta, batch % 2 == 1);
                    if (mOptions.trainSimpleDeform)
                        simpleLoss = net::simpleDeformStep(net.simple, simple, codes, theta);
                }
                sum += loss;
                simpleSum += simpleLoss;
                if (onBatch)
                    onBatch({ stage, epoch, epochs, batch, mOptions.batchesPerEpoch, loss,
                        simpleLoss, {} });
            }
            mLog.push_back({ stage, epoch, epochs, mOptions.batchesPerEpoch,
                mOptions.batchesPerEpoch, sum / mOptions.batchesPerEpoch,
                simpleSum / mOptions.batchesPerEpoch, validate(model, stage, cancel) });
            saveCheckpoint(stage, epoch);
            if (onEpoch)
                onEpoch(mLog.back());
        }
    }
    if (!average.empty()) {
        torch::NoGradGuard noGradients;
        for (std::size_t i = 0; i < average.size(); ++i)
            everything[i].copy_(average[i]);
    }
    return model;
}

} // namespace latentlens::engine
