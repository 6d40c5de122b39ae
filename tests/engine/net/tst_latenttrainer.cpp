#include "engine/core/exception.h"
#include "engine/deconv/wiener.h"
#include "engine/eval/evaluation.h"
#include "engine/eval/metrics.h"
#include "engine/forward/specimen.h"
#include "engine/io/imageio.h"
#include "engine/net/latenttrainer.h"
#include "engine/net/modelimpl.h"

#include <QTemporaryDir>
#include <QtTest>

#include <atomic>

#include <cmath>

using namespace latentlens;

namespace {

/// Runs `o` and cancels it once `epochs` whole epochs are done: true when the run stopped
/// there (its checkpoint then holds those epochs), false when it ran to its end.
bool cancelledAfter(const engine::TrainingOptions& o, int epochs)
{
    std::atomic<bool> cancel { false };
    int batches = 0;
    try {
        engine::LatentTrainer(o).run(
            [&](const engine::TrainingStep&) {
                if (++batches == epochs * o.batchesPerEpoch)
                    cancel = true;
            },
            &cancel);
    } catch (const engine::Cancelled&) {
        return true;
    }
    return false;
}

} // namespace

class TestLatentTrainer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void trainsBothStagesAndWritesACheckpoint();
    void resumesAfterTheCheckpointedEpoch();
    void resumedRunEqualsAnUninterruptedOne();
    void cancelStopsWithinOneBatch();
    void dataFromFoldersAndFilesAndAnUntrainedAblation();
    void badOptionsAreRefused();
    void validatesEveryEpochAtEveryListedDefocus();
    void kernelAwareThreeStagesResumeExactly();
    void validationScoreComparesModelsOnOneSet();
    void fineTunesFromAModelWithPoissonSamples();
    void stageThreeWithoutTheDeformerNeverUsesIt();
    void aFineTuneAddsOrKeepsThePhysicsOptions();
    void stageThreeAveragesTheWeightsAndResumesExactly();

private:
    engine::TrainingOptions options(int epochs1, int epochs2) const;
    QTemporaryDir mDir;
    QString mData;
};

void TestLatentTrainer::initTestCase()
{
    mData = mDir.filePath("data");
    QVERIFY(QDir().mkpath(mData));
    for (std::uint64_t seed = 1; seed <= 3; ++seed) {
        engine::SpecimenOptions s;
        s.width = s.height = 96;
        s.seed = seed;
        engine::writeImage(engine::generateSpecimen(s),
            (mData + QString("/specimen%1.tif").arg(seed)).toStdString());
    }
}

engine::TrainingOptions TestLatentTrainer::options(int epochs1, int epochs2) const
{
    engine::TrainingOptions o;
    o.data = { mData.toStdString() };
    o.crop = 32;
    o.batchSize = 2;
    o.batchesPerEpoch = 3;
    o.epochsStage1 = epochs1;
    o.epochsStage2 = epochs2;
    o.learningRate = 1e-3;
    o.record.width = 8;
    o.record.latentChannels = 16;
    o.record.optics.gridSize = 128;
    o.record.kernel.size = 16;
    o.record.defocus = { 0.1e-6, 3e-6, 7e-6 };
    o.record.referenceDefocus = 3e-6;
    return o;
}

void TestLatentTrainer::trainsBothStagesAndWritesACheckpoint()
{
    auto o = options(2, 2);
    o.checkpoint = mDir.filePath("run.ckpt").toStdString();
    engine::LatentTrainer trainer(o);
    int batches = 0;
    const auto model = trainer.run([&](const engine::TrainingStep& s) {
        ++batches;
        QVERIFY(std::isfinite(s.loss) && s.loss >= 0);
    });
    QCOMPARE(batches, 4 * 3);
    QCOMPARE(trainer.epochLog().size(), std::size_t(4));
    QCOMPARE(trainer.epochLog()[2].stage, 2);
    QCOMPARE(trainer.epochLog()[0].simpleLoss, 0.0); // stage 1 has no SIMPLEDEFORM
    QVERIFY(trainer.epochLog()[2].simpleLoss > 0.0); // trained in stage 2 by default
    QCOMPARE(model.record().trainingImages, std::size_t(3));
    QCOMPARE(model.record().epochsStage2, 2);
    // The checkpoint is also a model file.
    const auto loaded = engine::LatentModel::load(o.checkpoint);
    engine::Image image(40, 36);
    image.at(20, 18) = 1.0f;
    const auto a = model.deblur(image, 5e-6), b = loaded.deblur(image, 5e-6);
    QVERIFY(std::equal(a.values().begin(), a.values().end(), b.values().begin()));
}

void TestLatentTrainer::resumesAfterTheCheckpointedEpoch()
{
    auto first = options(1, 0);
    first.checkpoint = mDir.filePath("resume.ckpt").toStdString();
    engine::LatentTrainer(first).run();
    auto second = options(2, 1);
    second.checkpoint = first.checkpoint;
    engine::LatentTrainer trainer(second);
    trainer.run();
    // Stage 1 epoch 1 was done before: only epoch 2 and stage 2's epoch ran now.
    QCOMPARE(trainer.epochLog().size(), std::size_t(2));
    QCOMPARE(trainer.epochLog()[0].stage, 1);
    QCOMPARE(trainer.epochLog()[0].epoch, 2);
    QCOMPARE(trainer.epochLog()[1].stage, 2);
}

void TestLatentTrainer::resumedRunEqualsAnUninterruptedOne()
{
    auto o = options(2, 2);
    o.finalRateFraction = 0.3; // the schedule must continue, not restart
    const auto whole = engine::LatentTrainer(o).run();

    o.checkpoint = mDir.filePath("interrupted.ckpt").toStdString();
    // Interrupted after stage 2's first epoch.
    QVERIFY2(cancelledAfter(o, 3), "not interrupted");
    engine::LatentTrainer resumed(o);
    const auto finished = resumed.run();
    QCOMPARE(resumed.epochLog().size(), std::size_t(1)); // only the last epoch ran again
    engine::Image image(40, 36);
    image.at(20, 18) = 1.0f;
    image.at(7, 30) = 0.5f;
    for (auto method : { engine::LatentMethod::Latent, engine::LatentMethod::SimpleDeform }) {
        const auto a = whole.deblur(image, 5e-6, method), b = finished.deblur(image, 5e-6, method);
        QVERIFY(std::equal(a.values().begin(), a.values().end(), b.values().begin()));
    }
}

void TestLatentTrainer::cancelStopsWithinOneBatch()
{
    std::atomic<bool> cancel { false };
    int batches = 0;
    engine::LatentTrainer trainer(options(3, 3));
    QVERIFY_THROWS_EXCEPTION(engine::Cancelled,
        trainer.run(
            [&](const engine::TrainingStep&) {
                if (++batches == 2)
                    cancel = true;
            },
            &cancel));
    QCOMPARE(batches, 2);
}

void TestLatentTrainer::dataFromFoldersAndFilesAndAnUntrainedAblation()
{
    auto o = options(0, 1);
    o.data = { mData.toStdString(), (mData + "/specimen1.tif").toStdString() };
    o.trainSimpleDeform = false;
    o.finalRateFraction = 0.1;
    engine::LatentTrainer trainer(o);
    const auto model = trainer.run();
    QCOMPARE(model.record().trainingImages, std::size_t(4)); // three in the folder, one named
    QVERIFY(QString::fromStdString(model.record().trainingData).contains("specimen1.tif"));
    QCOMPARE(trainer.epochLog().front().simpleLoss, 0.0);
    // SIMPLEDEFORM stayed as created: the same as a fresh model of this seed.
    const engine::LatentModel fresh(model.record(), o.seed);
    engine::Image image(40, 36);
    image.at(20, 18) = 1.0f;
    const auto a = model.deblur(image, 5e-6, engine::LatentMethod::SimpleDeform);
    const auto b = fresh.deblur(image, 5e-6, engine::LatentMethod::SimpleDeform);
    QVERIFY(std::equal(a.values().begin(), a.values().end(), b.values().begin()));
}

void TestLatentTrainer::badOptionsAreRefused()
{
    auto o = options(1, 1);
    o.record.referenceDefocus = 4e-6;
    QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument, engine::LatentTrainer { o });
    o = options(1, 1);
    o.crop = 12; // smaller than the 16-pixel kernel
    QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument, engine::LatentTrainer { o });
    o = options(1, 1);
    o.data = { mDir.filePath("nothing-here").toStdString() };
    QVERIFY_THROWS_EXCEPTION(engine::IoError, engine::LatentTrainer { o });
    o = options(1, 1);
    o.finalRateFraction = 0.0;
    QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument, engine::LatentTrainer { o });
    if (!engine::cudaAvailable()) {
        o = options(1, 1);
        o.device = engine::ComputeDevice::Cuda;
        engine::LatentTrainer trainer(o);
        QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument, trainer.run());
    }
}

void TestLatentTrainer::kernelAwareThreeStagesResumeExactly()
{
    auto o = options(1, 1);
    o.record.architecture = engine::Architecture::KernelAware;
    o.epochsStage3 = 2;
    o.finalRateFraction = 0.3;
    engine::LatentTrainer trainer(o);
    const auto whole = trainer.run();
    QCOMPARE(trainer.epochLog().size(), std::size_t(4));
    QCOMPARE(trainer.epochLog().back().stage, 3);
    QCOMPARE(whole.record().epochsStage3, 2);
    QVERIFY(whole.record().architecture == engine::Architecture::KernelAware);

    // Interrupted in stage 3, resumed from its checkpoint: the same weights.
    o.checkpoint = mDir.filePath("kernel.ckpt").toStdString();
    QVERIFY2(cancelledAfter(o, 3), "not interrupted");
    engine::LatentTrainer resumed(o);
    const auto finished = resumed.run();
    QCOMPARE(resumed.epochLog().size(), std::size_t(1));
    QCOMPARE(resumed.epochLog().front().stage, 3);
    engine::Image image(40, 36);
    image.at(20, 18) = 1.0f;
    image.at(7, 30) = 0.5f;
    for (auto method : { engine::LatentMethod::Latent, engine::LatentMethod::NoDeform }) {
        const auto a = whole.deblur(image, 5e-6, method), b = finished.deblur(image, 5e-6, method);
        QVERIFY(std::equal(a.values().begin(), a.values().end(), b.values().begin()));
    }
    // Stage 3 is the kernel-aware network's alone.
    auto paper = options(1, 1);
    paper.epochsStage3 = 5;
    engine::LatentTrainer two(paper);
    two.run();
    QCOMPARE(two.epochLog().size(), std::size_t(2));
}

void TestLatentTrainer::fineTunesFromAModelWithPoissonSamples()
{
    auto o = options(1, 1);
    o.record.architecture = engine::Architecture::KernelAware;
    o.epochsStage3 = 1;
    const auto base = engine::LatentTrainer(o).run();
    const QString basePath = mDir.filePath("base.llm");
    base.save(basePath.toStdString());

    // Stage 3 only, from the saved weights, half of the samples Poisson-Gaussian.
    auto tune = options(0, 0);
    tune.record.architecture = engine::Architecture::KernelAware;
    tune.epochsStage3 = 2;
    tune.poissonFraction = 0.5;
    tune.imageLoss = engine::ImageLoss::Psnr;
    tune.initialModel = basePath.toStdString();
    engine::LatentTrainer trainer(tune);
    const auto tuned = trainer.run();
    QCOMPARE(trainer.epochLog().size(), std::size_t(2));
    QCOMPARE(trainer.epochLog().front().stage, 3);
    // The PSNR loss is minus the crops' mean PSNR: negative, in decibels.
    for (const auto& epoch : trainer.epochLog())
        QVERIFY2(epoch.loss < -5.0 && epoch.loss > -80.0, std::to_string(epoch.loss).c_str());
    // The record adds the runs up and names both data sets.
    QCOMPARE(tuned.record().epochsStage1, 1);
    QCOMPARE(tuned.record().epochsStage3, 3);
    QVERIFY(QString::fromStdString(tuned.record().trainingData).contains("then fine-tuned on"));
    // It moved on from the weights it started with (a zero-epoch run would equal them).
    engine::Image image(40, 36);
    image.at(20, 18) = 1.0f;
    const auto before = base.deblur(image, 5e-6), after = tuned.deblur(image, 5e-6);
    QVERIFY(!std::equal(before.values().begin(), before.values().end(), after.values().begin()));
    auto none = options(0, 0);
    none.record.architecture = engine::Architecture::KernelAware;
    none.initialModel = basePath.toStdString();
    const auto unchanged = engine::LatentTrainer(none).run();
    const auto same = unchanged.deblur(image, 5e-6);
    QVERIFY(std::equal(before.values().begin(), before.values().end(), same.values().begin()));
    // and its record names the data the weights were trained on, nothing more.
    QCOMPARE(unchanged.record().trainingData, base.record().trainingData);

    // Another architecture or probe family is refused, naming the file.
    auto other = tune;
    other.record.architecture = engine::Architecture::Paper;
    try {
        engine::LatentTrainer(other).run();
        QFAIL("no error");
    } catch (const engine::InvalidArgument& e) {
        QVERIFY2(QString(e.what()).contains("base.llm"), e.what());
    }
    other = tune;
    other.record.defocus = { 0.1e-6, 3e-6, 9e-6 };
    QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument, engine::LatentTrainer(other).run());
    other = tune;
    other.poissonFraction = 1.5;
    QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument, engine::LatentTrainer { other });
}

void TestLatentTrainer::stageThreeWithoutTheDeformerNeverUsesIt()
{
    // Two starting models with the same f and g and different deformers: stage 2 trains D
    // alone, with f and g frozen, so one and two stage-2 epochs after the same stage 1
    // differ in D only.
    QStringList starts;
    for (int epochs2 : { 1, 2 }) {
        auto o = options(1, epochs2);
        o.record.architecture = engine::Architecture::KernelAware;
        starts.push_back(mDir.filePath(QString("start%1.llm").arg(epochs2)));
        engine::LatentTrainer(o).run().save(starts.back().toStdString());
    }
    engine::Image image(40, 36);
    image.at(20, 18) = 1.0f;
    auto tuneFrom = [&](const QString& start, bool deformer) {
        auto o = options(0, 0);
        o.record.architecture = engine::Architecture::KernelAware;
        o.epochsStage3 = 1;
        o.stageThreeDeformer = deformer;
        o.initialModel = start.toStdString();
        return engine::LatentTrainer(o).run().deblur(image, 5e-6, engine::LatentMethod::NoDeform);
    };
    auto same = [](const engine::Image& a, const engine::Image& b) {
        return std::equal(a.values().begin(), a.values().end(), b.values().begin());
    };
    // Without D, f and g learn the same from either start: D took no part.
    QVERIFY(same(tuneFrom(starts[0], false), tuneFrom(starts[1], false)));
    // With D they do not, so the test can tell the two apart.
    QVERIFY(!same(tuneFrom(starts[0], true), tuneFrom(starts[1], true)));
}

void TestLatentTrainer::aFineTuneAddsOrKeepsThePhysicsOptions()
{
    auto o = options(1, 1);
    o.record.architecture = engine::Architecture::KernelAware;
    o.epochsStage3 = 1;
    const QString basePath = mDir.filePath("narrow.llm");
    engine::LatentTrainer(o).run().save(basePath.toStdString());
    auto base = engine::LatentModel::load(basePath.toStdString());

    // Zero epochs: the model with a fourth channel whose weights are zero, so its output is
    // the model's own (to rounding), whatever the wide estimate holds.
    auto tune = options(0, 0);
    tune.record.architecture = engine::Architecture::KernelAware;
    tune.record.physicsWidePadding = 2.0;
    tune.initialModel = basePath.toStdString();
    auto widened = engine::LatentTrainer(tune).run();
    QCOMPARE(widened.record().physicsWidePadding, 2.0);
    auto firstWeights = [](engine::LatentModel& model) {
        return model.impl().encoder->parameters().front().detach().clone();
    };
    QCOMPARE(firstWeights(widened).size(1), 4);
    QCOMPARE(firstWeights(widened).narrow(1, 3, 1).abs().max().item<float>(), 0.0f);
    QVERIFY(torch::equal(firstWeights(widened).narrow(1, 0, 3), firstWeights(base)));
    engine::Image image(40, 36);
    image.at(20, 18) = 1.0f;
    image.at(3, 4) = 0.5f;
    const auto before = base.deblur(image, 7e-6), after = widened.deblur(image, 7e-6);
    for (std::size_t i = 0; i < before.values().size(); ++i)
        QVERIFY(std::abs(before.values()[i] - after.values()[i]) < 1e-5f);

    // A stage-3 epoch trains the new channel's weights; a later fine-tune keeps the channel,
    // the low-noise padding and the ensemble views.
    tune.epochsStage3 = 1;
    tune.record.physicsLowNoiseSigma = 0.05;
    tune.record.physicsLowNoisePadding = 2.5;
    tune.record.ensembleViews = 4;
    auto trained = engine::LatentTrainer(tune).run();
    QVERIFY(firstWeights(trained).narrow(1, 3, 1).abs().max().item<float>() > 0.0f);
    const QString widePath = mDir.filePath("wide.llm");
    trained.save(widePath.toStdString());
    auto again = options(0, 0);
    again.record.architecture = engine::Architecture::KernelAware;
    again.initialModel = widePath.toStdString();
    auto kept = engine::LatentTrainer(again).run();
    QCOMPARE(kept.record().physicsWidePadding, 2.0);
    QCOMPARE(kept.record().physicsLowNoiseSigma, 0.05);
    QCOMPARE(kept.record().physicsLowNoisePadding, 2.5);
    QCOMPARE(kept.record().ensembleViews, 4);
    QVERIFY(torch::equal(firstWeights(kept), firstWeights(trained)));

    // A pixel noise map on top of the wide estimate: a fifth channel, last, at zero.
    again.record.pixelNoiseMap = true;
    auto mapped = engine::LatentTrainer(again).run();
    QVERIFY(mapped.record().pixelNoiseMap);
    QCOMPARE(mapped.record().physicsWidePadding, 2.0);
    QCOMPARE(firstWeights(mapped).size(1), 5);
    QVERIFY(torch::equal(firstWeights(mapped).narrow(1, 0, 4), firstWeights(trained)));
    QCOMPARE(firstWeights(mapped).narrow(1, 4, 1).abs().max().item<float>(), 0.0f);
}

void TestLatentTrainer::stageThreeAveragesTheWeightsAndResumesExactly()
{
    auto o = options(1, 0);
    o.record.architecture = engine::Architecture::KernelAware;
    o.epochsStage3 = 2;
    auto weights = [](engine::LatentModel& model) {
        std::vector<torch::Tensor> out;
        for (const auto& p : model.impl().encoder->parameters())
            out.push_back(p.detach().clone());
        for (const auto& p : model.impl().decoder->parameters())
            out.push_back(p.detach().clone());
        return out;
    };
    auto plain = engine::LatentTrainer(o).run();
    o.emaDecay = 0.8;
    auto averaged = engine::LatentTrainer(o).run();
    // The same steps (the average never feeds back into training), another result.
    const auto a = weights(plain), b = weights(averaged);
    bool differs = false;
    for (std::size_t i = 0; i < a.size(); ++i)
        differs = differs || !torch::equal(a[i], b[i]);
    QVERIFY(differs);

    // Interrupted after stage 3's first epoch and resumed: the same average.
    o.checkpoint = mDir.filePath("ema.ckpt").toStdString();
    QVERIFY2(cancelledAfter(o, 2), "not interrupted");
    engine::LatentTrainer resumed(o);
    auto finished = resumed.run();
    QCOMPARE(resumed.epochLog().size(), std::size_t(1));
    const auto c = weights(finished);
    for (std::size_t i = 0; i < b.size(); ++i)
        QVERIFY(torch::equal(b[i], c[i]));

    for (double bad : { -0.1, 1.0 }) {
        o.emaDecay = bad;
        QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument, engine::LatentTrainer { o });
    }
    // The SSIM term's window does not fit in crops under 11 pixels.
    auto small = options(1, 0);
    small.record.kernel.size = 8;
    small.crop = 8;
    small.imageLoss = engine::ImageLoss::PsnrSsim;
    QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument, engine::LatentTrainer { small });
}

void TestLatentTrainer::validationScoreComparesModelsOnOneSet()
{
    auto o = options(0, 0);
    o.record.architecture = engine::Architecture::KernelAware;
    const engine::LatentModel untrained(o.record, 1); // returns Wiener exactly
    engine::SpecimenOptions s;
    s.width = s.height = 48;
    const std::vector<engine::Image> clean { engine::generateSpecimen(s) };
    const double score = engine::validationScore(untrained, clean, o.record, 0.005);
    // By hand: Wiener's PSNR on the same seeded inputs, with the physics step's padding.
    engine::WienerOptions physics;
    physics.padding = o.record.physicsPadding;
    double sum = 0.0;
    std::uint64_t seed = 0x5eed;
    for (double d : o.record.defocus) {
        const auto kernel = engine::modelKernel(o.record, d);
        const auto blurred = engine::evaluationInput(clean[0], kernel, 0.005, seed++);
        sum += engine::psnr(
            engine::Wiener(physics).run(blurred, kernel).values(), clean[0].values());
    }
    QCOMPARE(score, sum / 3.0);
    // A model trained for another range cannot be scored on this family's kernels.
    auto other = o.record;
    other.defocus = { 20e-6, 30e-6 };
    other.referenceDefocus = 20e-6;
    QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument,
        engine::validationScore(engine::LatentModel(other, 1), clean, o.record, 0.005));
}

QTEST_GUILESS_MAIN(TestLatentTrainer)
#include "tst_latenttrainer.moc"

void TestLatentTrainer::validatesEveryEpochAtEveryListedDefocus()
{
    auto o = options(1, 2);
    engine::SpecimenOptions s;
    s.width = s.height = 48;
    s.seed = 11;
    o.validation = { engine::generateSpecimen(s) };
    engine::LatentTrainer trainer(o);
    std::vector<engine::TrainingStep> epochs;
    const auto model = trainer.run(
        {}, nullptr, [&](const engine::TrainingStep& step) { epochs.push_back(step); });
    QCOMPARE(epochs.size(), std::size_t(3));
    for (std::size_t e = 0; e < epochs.size(); ++e) {
        QCOMPARE(epochs[e].validationPsnr.size(), o.record.defocus.size());
        QCOMPARE(epochs[e].validationPsnr, trainer.epochLog()[e].validationPsnr);
        QCOMPARE(epochs[e].batch, epochs[e].batches);
        for (double psnr : epochs[e].validationPsnr)
            QVERIFY2(
                std::isfinite(psnr) && psnr > 5 && psnr < 60, qPrintable(QString::number(psnr)));
    }
    // Stage 2 leaves f and g frozen, so the validation of the stage-1 path (NODEFORM) would
    // not move; the full method's changes with the deformer: the two stages differ.
    QVERIFY(epochs[1].validationPsnr != epochs[0].validationPsnr);
    // The studio's score of the trained model is the last epoch's validation, averaged.
    double mean = 0.0;
    for (double psnr : epochs.back().validationPsnr)
        mean += psnr;
    mean /= double(epochs.back().validationPsnr.size());
    QCOMPARE(engine::validationScore(model, o.validation, o.record, o.validationNoise), mean);
    // Without validation images nothing is measured.
    engine::LatentTrainer plain(options(1, 0));
    plain.run();
    QVERIFY(plain.epochLog()[0].validationPsnr.empty());
    // A validation image must be one plane.
    auto bad = options(1, 0);
    bad.validation = { engine::Image(48, 48, 1, 2) };
    QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument, engine::LatentTrainer { bad });
}
