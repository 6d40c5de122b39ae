#include "engine/core/exception.h"
#include "engine/deconv/wiener.h"
#include "engine/forward/forwardmodel.h"
#include "engine/forward/specimen.h"
#include "engine/io/imageio.h"
#include "engine/net/latentmodel.h"
#include "engine/net/modelimpl.h"
#include "engine/net/physicsinput.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <nlohmann/json.hpp>

using namespace latentlens;

namespace {

engine::ModelRecord tinyRecord()
{
    engine::ModelRecord r;
    r.width = 8;
    r.latentChannels = 16;
    return r;
}

engine::ModelRecord tinyKernelAware()
{
    auto r = engine::ModelRecord::small(engine::Architecture::KernelAware);
    r.width = 8;
    r.latentChannels = 16;
    r.optics.gridSize = 128;
    r.kernel.size = 16;
    return r;
}

/// Gives `from` a residual that is not zero (its decoder's weights moved by 0.01) and
/// copies its weights and buffers into `to`, whose encoder takes one channel more: the
/// first convolution's extra input channel gets zero weights. Returns that convolution's
/// weights, for the caller to change.
torch::Tensor withResidualCopiedInto(engine::LatentModel& from, engine::LatentModel& to)
{
    torch::NoGradGuard noGrad;
    for (auto& p : from.impl().decoder->parameters())
        p.add_(0.01);
    torch::Tensor first;
    const auto source = from.impl().modules(), target = to.impl().modules();
    for (std::size_t m = 0; m < target.size(); ++m) {
        auto parameters = source[m].second->named_parameters();
        for (auto& p : target[m].second->named_parameters()) {
            const auto& old = parameters[p.key()];
            if (old.sizes() == p.value().sizes()) {
                p.value().copy_(old);
                continue;
            }
            p.value().zero_();
            p.value().narrow(1, 0, old.size(1)).copy_(old);
            first = p.value();
        }
        auto buffers = source[m].second->named_buffers();
        for (auto& b : target[m].second->named_buffers())
            b.value().copy_(buffers[b.key()]);
    }
    return first;
}

bool same(const engine::Image& a, const engine::Image& b)
{
    return a.values().size() == b.values().size()
        && std::equal(a.values().begin(), a.values().end(), b.values().begin());
}

engine::Image specimen(std::size_t w, std::size_t h)
{
    engine::SpecimenOptions s;
    s.width = w;
    s.height = h;
    return engine::generateSpecimen(s);
}

} // namespace

class TestLatentModel : public QObject
{
    Q_OBJECT

private slots:
    void recordRoundTripsThroughJson();
    void saveLoadGivesIdenticalOutputs();
    void deblursAnySizeAndLargePlanesInTiles();
    void mismatchedOrForeignFilesAreRefused();
    void hostileRecordsAreRefused_data();
    void hostileRecordsAreRefused();
    void recordLargerThanItsFileIsRefused();
    void defocusOutsideTheTrainedRangeIsRefused();
    void cachedEncodingGivesTheSameResultAtAnyDefocus();
    void deviceSelection();
    void untrainedKernelAwareModelIsWiener();
    void kernelAwareModelUsesTheKernelGiven();
    void kernelAwareModelRoundTripsAndOldFilesArePaper();
    void wideEstimateIsTheFourthChannel();
    void lowNoisePaddingFollowsTheEstimatedNoise();
    void pixelNoiseMapIsTheLastChannel();
    void ensembleViewsAreTheSquaresSymmetries();
    void ensembleAveragesTheViewsTurnedBack();

private:
    QTemporaryDir mDir;
};

void TestLatentModel::recordRoundTripsThroughJson()
{
    auto r = tinyRecord();
    r.softmax = true;
    r.trainingData = "/data/w2s";
    r.epochsStage1 = 3;
    const auto back = engine::ModelRecord::fromJson(r.toJson());
    QCOMPARE(back.width, 8);
    QCOMPARE(back.latentChannels, 16);
    QVERIFY(back.softmax);
    QCOMPARE(back.trainingData, std::string("/data/w2s"));
    QCOMPARE(back.defocus.size(), std::size_t(6));
    QVERIFY(std::abs(back.defocus[5] - 15e-6) < 1e-15);
    QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument, engine::ModelRecord::fromJson("{}"));
}

void TestLatentModel::saveLoadGivesIdenticalOutputs()
{
    const engine::LatentModel model(tinyRecord(), 4);
    const auto path = mDir.filePath("m.llm").toStdString();
    model.save(path);
    const auto loaded = engine::LatentModel::load(path);
    const auto image = specimen(37, 29);
    for (auto method : { engine::LatentMethod::Latent, engine::LatentMethod::NoDeform,
             engine::LatentMethod::SimpleDeform }) {
        const auto a = model.deblur(image, 7e-6, method), b = loaded.deblur(image, 7e-6, method);
        QCOMPARE(a.width(), image.width());
        QVERIFY(std::equal(a.values().begin(), a.values().end(), b.values().begin()));
    }
    // The deformer makes the output depend on the defocus; NODEFORM does not.
    const auto near = model.deblur(image, 1e-6), far = model.deblur(image, 14e-6);
    QVERIFY(!std::equal(near.values().begin(), near.values().end(), far.values().begin()));
    const auto n1 = model.deblur(image, 1e-6, engine::LatentMethod::NoDeform);
    const auto n2 = model.deblur(image, 14e-6, engine::LatentMethod::NoDeform);
    QVERIFY(std::equal(n1.values().begin(), n1.values().end(), n2.values().begin()));
}

void TestLatentModel::deblursAnySizeAndLargePlanesInTiles()
{
    const engine::LatentModel model(tinyRecord(), 4);
    engine::Image stack(1100, 90, 2);
    const auto a = specimen(1100, 90);
    std::copy(a.values().begin(), a.values().end(), stack.plane(0).begin());
    const auto out = model.deblur(stack, 5e-6);
    QCOMPARE(out.width(), std::size_t(1100));
    QCOMPARE(out.planeCount(), std::size_t(2));
    QVERIFY(out.allFinite());
    std::atomic<bool> cancel { true };
    engine::Progress progress;
    progress.cancel = &cancel;
    QVERIFY_THROWS_EXCEPTION(
        engine::Cancelled, model.deblur(stack, 5e-6, engine::LatentMethod::Latent, progress));
}

void TestLatentModel::mismatchedOrForeignFilesAreRefused()
{
    // Weights of one width under a record that claims another.
    engine::LatentModel model(tinyRecord(), 1);
    model.impl().record.width = 12;
    const auto mismatched = mDir.filePath("mismatch.llm").toStdString();
    model.save(mismatched);
    try {
        engine::LatentModel::load(mismatched);
        QFAIL("a mismatched model loaded");
    } catch (const engine::InvalidArgument& e) {
        QVERIFY2(QString(e.what()).contains("does not match"), e.what());
    }
    // A TIFF is not a model; neither is a truncated model.
    const auto tiff = mDir.filePath("image.tif").toStdString();
    engine::writeImage(specimen(16, 16), tiff);
    QVERIFY_THROWS_EXCEPTION(engine::IoError, engine::LatentModel::load(tiff));
    const engine::LatentModel good(tinyRecord(), 1);
    const auto full = mDir.filePath("good.llm");
    good.save(full.toStdString());
    QFile in(full);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const auto bytes = in.readAll();
    QFile cut(mDir.filePath("cut.llm"));
    QVERIFY(cut.open(QIODevice::WriteOnly));
    cut.write(bytes.left(bytes.size() / 2));
    cut.close();
    QVERIFY_THROWS_EXCEPTION(
        engine::IoError, engine::LatentModel::load(cut.fileName().toStdString()));
}

void TestLatentModel::hostileRecordsAreRefused_data()
{
    // Records the fuzzer (tests/fuzz/fuzz_modelrecord.cpp) or a reading of fromJson found
    // unchecked: each must be an InvalidArgument, never another exception or undefined
    // behaviour (a float cast to int beyond its range).
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("expected"); // part of the message
    auto record = [](const char* section, const char* key, nlohmann::json value) {
        auto json = nlohmann::json::parse(tinyRecord().toJson());
        json[section][key] = value;
        return QString::fromStdString(json.dump());
    };
    QTest::newRow("not an object") << "[1]"
                                   << "not a LatentLens model";
    QTest::newRow("format not text") << R"({"format": 5})"
                                     << "not a LatentLens model";
    QTest::newRow("width beyond int") << record("architecture", "width", 1e30) << "width";
    QTest::newRow("width fractional") << record("architecture", "width", 8.5) << "width";
    QTest::newRow("banks negative") << record("architecture", "banks", -1) << "banks";
    QTest::newRow("width two billion")
        << record("architecture", "width", 2000000000) << "larger than LatentLens builds";
    QTest::newRow("grid of 2^40") << record("probe", "grid", 1ull << 40) << "probe grid";
    QTest::newRow("seed negative") << record("training", "seed", -3) << "seed";
    QTest::newRow("physics padding zero")
        << record("architecture", "physics_padding", 0) << "physics padding";
    QTest::newRow("physics padding huge")
        << record("architecture", "physics_padding", 1e6) << "physics padding";
    QTest::newRow("wide padding negative")
        << record("architecture", "physics_wide_padding", -1) << "wide physics padding";
    QTest::newRow("wide padding on the paper's network")
        << record("architecture", "physics_wide_padding", 2) << "paper's network";
    auto lowNoise = [](nlohmann::json sigma, nlohmann::json padding) {
        auto json = nlohmann::json::parse(tinyRecord().toJson());
        json["architecture"]["physics_low_noise_sigma"] = sigma;
        json["architecture"]["physics_low_noise_padding"] = padding;
        return QString::fromStdString(json.dump());
    };
    QTest::newRow("low-noise sigma negative") << lowNoise(-0.1, 2) << "low-noise physics padding";
    QTest::newRow("low-noise padding zero") << lowNoise(0.07, 0) << "low-noise physics padding";
    QTest::newRow("ensemble of 3 views") << record("architecture", "ensemble_views", 3) << "views";
    QTest::newRow("ensemble of 0 views") << record("architecture", "ensemble_views", 0) << "views";
    QTest::newRow("ensemble on the paper's network")
        << record("architecture", "ensemble_views", 4) << "kernel-aware";
    QTest::newRow("low-noise padding missing")
        << record("architecture", "physics_low_noise_sigma", 0.07) << "incomplete";
}

void TestLatentModel::hostileRecordsAreRefused()
{
    QFETCH(QString, json);
    QFETCH(QString, expected);
    try {
        engine::ModelRecord::fromJson(json.toStdString());
        QFAIL("the record was accepted");
    } catch (const engine::InvalidArgument& e) {
        QVERIFY2(QString(e.what()).contains(expected), e.what());
    }
}

void TestLatentModel::recordLargerThanItsFileIsRefused()
{
    // The record decides what is allocated before the weights are read: one that claims far
    // more weights than the file holds is refused before the network is built.
    engine::LatentModel model(tinyRecord(), 1);
    model.impl().record.latentChannels = 2048;
    model.impl().record.banks = 64;
    const auto path = mDir.filePath("huge.llm").toStdString();
    model.save(path);
    try {
        engine::LatentModel::load(path);
        QFAIL("a record larger than its file was loaded");
    } catch (const engine::IoError& e) {
        QVERIFY2(QString(e.what()).contains("larger than the file"), e.what());
    }
}

void TestLatentModel::defocusOutsideTheTrainedRangeIsRefused()
{
    const engine::LatentModel model(tinyRecord(), 4);
    try {
        model.deblur(specimen(16, 16), 40e-6);
        QFAIL("no error");
    } catch (const engine::InvalidArgument& e) {
        QVERIFY2(QString(e.what()).contains("outside that range"), e.what());
    }
}

void TestLatentModel::cachedEncodingGivesTheSameResultAtAnyDefocus()
{
    const engine::LatentModel model(tinyRecord(), 4);
    const auto image = specimen(1100, 40); // two tiles across
    const auto encoded = model.encode(image);
    for (double d : { 0.1e-6, 4e-6, 12.5e-6 })
        for (auto method : { engine::LatentMethod::Latent, engine::LatentMethod::SimpleDeform }) {
            const auto cached = model.decode(encoded, d, method);
            const auto direct = model.deblur(image, d, method);
            QVERIFY(std::equal(
                cached.values().begin(), cached.values().end(), direct.values().begin()));
        }
    QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument, model.decode(engine::EncodedImage {}, 3e-6));
}

void TestLatentModel::deviceSelection()
{
    engine::LatentModel model(tinyRecord(), 4);
    QCOMPARE(QString::fromStdString(model.deviceName()), QString("cpu")); // where it starts
    const auto image = specimen(48, 40);
    const auto onCpu = model.deblur(image, 5e-6);
    model.setDevice(engine::ComputeDevice::Auto);
    const bool cuda = engine::cudaAvailable();
    QCOMPARE(QString::fromStdString(model.deviceName()).startsWith("cuda"), cuda);
    const auto onAuto = model.deblur(image, 5e-6);
    // On the CPU exactly the same; on a GPU the same to float rounding.
    for (std::size_t i = 0; i < onCpu.values().size(); ++i)
        QVERIFY(std::abs(onCpu.values()[i] - onAuto.values()[i]) <= (cuda ? 1e-4f : 0.0f));
    if (!cuda) {
        try {
            model.setDevice(engine::ComputeDevice::Cuda);
            QFAIL("no error");
        } catch (const engine::InvalidArgument& e) {
            QVERIFY2(QString(e.what()).contains("no CUDA device"), e.what());
        }
        QCOMPARE(QString::fromStdString(model.deviceName()), QString("cpu")); // unchanged
    }
}

void TestLatentModel::untrainedKernelAwareModelIsWiener()
{
    // The decoder's last layer starts at zero: the residual is zero, the output is exactly
    // the engine's Wiener estimate with the model's kernel, whatever the method and tiling.
    const engine::LatentModel model(tinyKernelAware(), 3);
    engine::Image stack(1100, 70, 2); // two tiles across, two planes
    for (std::size_t p = 0; p < 2; ++p) {
        const auto plane = specimen(1100, 70);
        std::copy(plane.values().begin(), plane.values().end(), stack.plane(p).begin());
    }
    const auto kernel = engine::modelKernel(model.record(), 5e-6);
    const auto blurred = engine::convolve(stack, kernel, engine::Boundary::Reflect);
    engine::WienerOptions physics; // the physics step's padding, from the record
    physics.padding = model.record().physicsPadding;
    QCOMPARE(physics.padding, 1.0); // a new model's: the Wiener panel's
    const auto wiener = engine::Wiener(physics).run(blurred, kernel);
    for (auto method : { engine::LatentMethod::Latent, engine::LatentMethod::NoDeform,
             engine::LatentMethod::SimpleDeform })
        QVERIFY(same(model.deblur(blurred, 5e-6, method), wiener));
    // encode keeps the image; decode at another defocus uses that defocus's kernel.
    const auto encoded = model.encode(blurred);
    QVERIFY(same(model.decode(encoded, 9e-6),
        engine::Wiener(physics).run(blurred, engine::modelKernel(model.record(), 9e-6))));
}

void TestLatentModel::kernelAwareModelUsesTheKernelGiven()
{
    // A kernel from outside the probe family (a Gaussian, like a measured PSF) is what the
    // physics step uses; the defocus stays theta. A trained-looking model: perturbed so that
    // the residual is not zero.
    engine::LatentModel model(tinyKernelAware(), 5);
    {
        torch::NoGradGuard noGrad;
        for (auto& p : model.impl().decoder->parameters())
            p.add_(0.01);
    }
    engine::Image gaussian(9, 9);
    for (std::size_t y = 0; y < 9; ++y)
        for (std::size_t x = 0; x < 9; ++x)
            gaussian.at(x, y)
                = float(std::exp(-((x - 4.0) * (x - 4.0) + (y - 4.0) * (y - 4.0)) / 4.0));
    const auto truth = specimen(64, 48);
    const auto blurred = engine::convolve(truth, gaussian, engine::Boundary::Reflect);
    const auto own = model.deblur(blurred, 5e-6);
    const auto given = model.deblur(blurred, 5e-6, engine::LatentMethod::Latent, {}, gaussian);
    QVERIFY(!same(own, given));
    QVERIFY(given.allFinite());
    const auto encoded = model.encode(blurred);
    QVERIFY(same(model.decode(encoded, 5e-6, engine::LatentMethod::Latent, {}, gaussian), given));
    // theta still matters: another defocus with the same kernel gives another result.
    QVERIFY(!same(model.deblur(blurred, 12e-6, engine::LatentMethod::Latent, {}, gaussian), given));
    // A kernel larger than the image is refused by the physics step, clearly.
    engine::Image huge(80, 80);
    huge.at(40, 40) = 1.0f;
    QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument,
        model.deblur(blurred, 5e-6, engine::LatentMethod::Latent, {}, huge));
}

void TestLatentModel::kernelAwareModelRoundTripsAndOldFilesArePaper()
{
    auto r = tinyKernelAware();
    r.epochsStage3 = 7;
    r.physicsPadding = 1.5;
    const auto back = engine::ModelRecord::fromJson(r.toJson());
    QVERIFY(back.architecture == engine::Architecture::KernelAware);
    QCOMPARE(back.epochsStage3, 7);
    QCOMPARE(back.physicsPadding, 1.5);
    engine::LatentModel model(r, 2);
    {
        torch::NoGradGuard noGrad;
        for (auto& p : model.impl().decoder->parameters())
            p.add_(0.01);
    }
    const auto path = mDir.filePath("kernel.llm").toStdString();
    model.save(path);
    const auto loaded = engine::LatentModel::load(path);
    QVERIFY(loaded.record().architecture == engine::Architecture::KernelAware);
    const auto image = specimen(40, 40);
    QVERIFY(same(model.deblur(image, 4e-6), loaded.deblur(image, 4e-6)));
    // A record written before the kernel-aware variant has no architecture kind: the paper's.
    auto json = nlohmann::json::parse(tinyRecord().toJson());
    json["architecture"].erase("kind");
    json["architecture"].erase("physics_padding");
    json["training"].erase("epochs_stage3");
    QVERIFY(engine::ModelRecord::fromJson(json.dump()).architecture == engine::Architecture::Paper);
    // Nor a physics padding: such kernel-aware files ran the Wiener panel's padding of one,
    // and no wide estimate.
    json["architecture"]["kind"] = "kernel";
    QCOMPARE(engine::ModelRecord::fromJson(json.dump()).physicsPadding, 1.0);
    QCOMPARE(engine::ModelRecord::fromJson(json.dump()).physicsWidePadding, 0.0);
    json["architecture"]["kind"] = "transformer";
    try {
        engine::ModelRecord::fromJson(json.dump());
        QFAIL("an unknown architecture was accepted");
    } catch (const engine::InvalidArgument& e) {
        QVERIFY2(QString(e.what()).contains("transformer"), e.what());
    }
}

void TestLatentModel::wideEstimateIsTheFourthChannel()
{
    // A three-channel model and a four-channel one with the same weights, except that the
    // estimate's first-layer weights are split in half between channels 1 and 3. With the
    // wide padding equal to the first, channel 3 holds the same estimate and the two give
    // the same output; with a wider one they differ. So channel 3 is the Wiener estimate
    // with the record's wide padding, aligned with the others.
    auto narrowRecord = tinyKernelAware();
    auto wideRecord = narrowRecord;
    wideRecord.physicsWidePadding = 1.0;
    const auto back = engine::ModelRecord::fromJson(wideRecord.toJson());
    QCOMPARE(back.physicsWidePadding, 1.0);
    engine::LatentModel narrow(narrowRecord, 4), wide(wideRecord, 4);
    const auto first = withResidualCopiedInto(narrow, wide);
    QVERIFY(first.defined());
    QCOMPARE(first.size(1), 4); // the first convolution
    {
        torch::NoGradGuard noGrad;
        first.narrow(1, 1, 1).mul_(0.5);
        first.narrow(1, 3, 1).copy_(first.narrow(1, 1, 1));
    }
    const auto kernel = engine::modelKernel(narrowRecord, 12e-6);
    const auto blurred = engine::convolve(specimen(72, 60), kernel, engine::Boundary::Reflect);
    const auto a = narrow.deblur(blurred, 12e-6), b = wide.deblur(blurred, 12e-6);
    float largest = 0.0f;
    for (std::size_t i = 0; i < a.values().size(); ++i)
        largest = std::max(largest, std::abs(a.values()[i] - b.values()[i]));
    QVERIFY2(largest < 1e-5f, std::to_string(largest).c_str());
    wide.impl().record.physicsWidePadding = 3.0;
    const auto c = wide.deblur(blurred, 12e-6);
    float moved = 0.0f;
    for (std::size_t i = 0; i < a.values().size(); ++i)
        moved = std::max(moved, std::abs(a.values()[i] - c.values()[i]));
    QVERIFY2(moved > 1e-3f, std::to_string(moved).c_str());
}

void TestLatentModel::lowNoisePaddingFollowsTheEstimatedNoise()
{
    // An untrained kernel-aware model returns its physics estimate: Wiener with the
    // low-noise padding where the estimated noise is below the record's level, else with
    // the physics padding.
    auto r = tinyKernelAware();
    r.physicsLowNoiseSigma = 0.07;
    r.physicsLowNoisePadding = 2.0;
    const auto back = engine::ModelRecord::fromJson(r.toJson());
    QCOMPARE(back.physicsLowNoiseSigma, 0.07);
    QCOMPARE(back.physicsLowNoisePadding, 2.0);
    const engine::LatentModel model(r, 3);
    const auto kernel = engine::modelKernel(r, 12e-6);
    const auto blurred = engine::convolve(specimen(72, 60), kernel, engine::Boundary::Reflect);
    engine::WienerOptions narrow, wide;
    wide.padding = 2.0;
    for (double variance : { 0.001, 0.02 }) {
        auto noisy = blurred;
        engine::addGaussianNoise(noisy, variance, 9);
        const auto expected = engine::Wiener(variance < 0.0049 ? wide : narrow).run(noisy, kernel);
        const auto other = engine::Wiener(variance < 0.0049 ? narrow : wide).run(noisy, kernel);
        QVERIFY(!same(expected, other));
        QVERIFY2(same(model.deblur(noisy, 12e-6), expected), std::to_string(variance).c_str());
    }
}

void TestLatentModel::pixelNoiseMapIsTheLastChannel()
{
    auto r = tinyKernelAware();
    r.pixelNoiseMap = true;
    QVERIFY(engine::ModelRecord::fromJson(r.toJson()).pixelNoiseMap);
    QVERIFY(!engine::ModelRecord::fromJson(tinyKernelAware().toJson()).pixelNoiseMap);
    auto json = nlohmann::json::parse(tinyRecord().toJson());
    json["architecture"]["pixel_noise_map"] = true; // the paper's network has no input for it
    QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument, engine::ModelRecord::fromJson(json.dump()));

    // The channels in order, each filled from its own plane, the noise level from sigma.
    r.physicsWidePadding = 2.0;
    const auto input = engine::net::kernelAwareInput({ 3, 2 }, 2, r,
        [](std::size_t i, const engine::net::InputPlanes& to) {
            for (std::size_t k = 0; k < 6; ++k) {
                to.blurred[k] = float(i);
                to.estimate[k] = float(10 + i);
                to.wide[k] = float(20 + i);
                to.noiseMap[k] = float(30 + i);
            }
        },
        { 0.05, 0.2 });
    QCOMPARE(input.size(1), 5);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(input[i][0].mean().item<float>(), float(i));
        QCOMPARE(input[i][1].mean().item<float>(), float(10 + i));
        QCOMPARE(
            input[i][2].mean().item<float>(), float(engine::net::noiseFeature(i ? 0.2 : 0.05)));
        QCOMPARE(input[i][3].mean().item<float>(), float(20 + i));
        QCOMPARE(input[i][4].max().item<float>(), float(30 + i));
    }

    // The map is the noise standard deviation of Poisson-Gaussian noise at each pixel's
    // level: 1000 photons per unit intensity and read-noise variance 1e-4, on a ramp.
    engine::Image ramp(256, 256);
    for (std::size_t y = 0; y < 256; ++y)
        for (std::size_t x = 0; x < 256; ++x)
            ramp.at(x, y) = float(0.05 + 0.9 * double(x) / 255.0);
    auto noisy = ramp;
    engine::addPoissonGaussianNoise(noisy, 1000.0, 1e-4, 5);
    const auto map = engine::net::noiseMap(noisy);
    QCOMPARE(map.width(), std::size_t(256));
    for (std::size_t x : { 0, 40, 128, 255 }) {
        const double truth
            = engine::net::noiseFeature(std::sqrt(double(ramp.at(x, 100)) / 1000.0 + 1e-4));
        QVERIFY2(std::abs(map.at(x, 100) - truth) < 0.1 * truth,
            qPrintable(QString("%1 against %2 at x = %3").arg(map.at(x, 100)).arg(truth).arg(x)));
    }

    // A model with the map whose weights for it are zero gives the model's output without
    // it; weights there change it.
    auto plainRecord = tinyKernelAware();
    auto mapRecord = plainRecord;
    mapRecord.pixelNoiseMap = true;
    engine::LatentModel plain(plainRecord, 4), withMap(mapRecord, 4);
    const auto first = withResidualCopiedInto(plain, withMap);
    QVERIFY(first.defined());
    QCOMPARE(first.size(1), 4); // the first convolution
    const auto kernel = engine::modelKernel(plainRecord, 5e-6);
    auto blurred = engine::convolve(specimen(72, 60), kernel, engine::Boundary::Reflect);
    engine::addPoissonGaussianNoise(blurred, 1000.0, 1e-4, 6);
    QVERIFY(same(plain.deblur(blurred, 5e-6), withMap.deblur(blurred, 5e-6)));
    {
        torch::NoGradGuard noGrad;
        first.narrow(1, 3, 1).fill_(0.05);
    }
    QVERIFY(!same(plain.deblur(blurred, 5e-6), withMap.deblur(blurred, 5e-6)));
}

QTEST_GUILESS_MAIN(TestLatentModel)
void TestLatentModel::ensembleViewsAreTheSquaresSymmetries()
{
    // Eight different views of an asymmetric tile, each undone exactly by its inverse;
    // views 0 to 3 keep the tile's shape (the mirror images), 4 to 7 transpose it.
    const auto tile = torch::arange(2 * 3 * 4 * 6, torch::kFloat).reshape({ 2, 3, 4, 6 });
    std::vector<torch::Tensor> views;
    for (int v = 0; v < 8; ++v) {
        const auto view = engine::net::ensembleView(tile, v);
        QCOMPARE(view.size(2), v < 4 ? 4 : 6);
        QVERIFY(torch::equal(engine::net::undoEnsembleView(view, v), tile));
        for (const auto& other : views)
            QVERIFY(!(other.sizes() == view.sizes() && torch::equal(other, view)));
        views.push_back(view);
    }
    QVERIFY(torch::equal(views[0], tile));
    QVERIFY(torch::equal(views[1], tile.flip({ 2, 3 }))); // turned by 180 degrees
    QCOMPARE(views[4][0][0][5][0].item<float>(), tile[0][0][0][5].item<float>()); // transposed
}

void TestLatentModel::ensembleAveragesTheViewsTurnedBack()
{
    // A trained-looking kernel-aware model: perturbed so that the residual is not zero.
    engine::LatentModel model(tinyKernelAware(), 7);
    {
        torch::NoGradGuard noGrad;
        for (auto& p : model.impl().decoder->parameters())
            p.add_(0.01);
    }
    // The family's kernel without its first row and column: exactly symmetric about its
    // centre (index 8 of 16), so mirrored and transposed it is itself.
    auto kernel = engine::modelKernel(model.record(), 5e-6);
    for (std::size_t i = 0; i < kernel.width(); ++i)
        kernel.at(i, 0) = kernel.at(0, i) = 0.0f;
    const auto blurred = engine::convolve(specimen(48, 48), kernel, engine::Boundary::Reflect);
    auto turned = [](const engine::Image& image, bool transpose, bool mirror) {
        engine::Image out(image.width(), image.height());
        const std::size_t n = image.width() - 1;
        for (std::size_t y = 0; y <= n; ++y)
            for (std::size_t x = 0; x <= n; ++x)
                out.at(x, y) = image.at(
                    transpose ? y : (mirror ? n - x : x), transpose ? (mirror ? n - x : x) : y);
        return out;
    };
    auto largest = [](const engine::Image& a, const engine::Image& b) {
        float d = 0.0f;
        for (std::size_t i = 0; i < a.values().size(); ++i)
            d = std::max(d, std::abs(a.values()[i] - b.values()[i]));
        return d;
    };
    // One view: the network itself, which no symmetry constrains. Four views (the mirror
    // images): deblurring the mirrored image gives the mirrored result. Eight: the
    // transposed image too. The physics step commutes with both (a kernel symmetric about
    // its centre, an even-sized image); what is left is rounding.
    const auto single = model.deblur(blurred, 5e-6, engine::LatentMethod::Latent, {}, kernel, 1);
    QVERIFY(same(single, model.deblur(blurred, 5e-6, engine::LatentMethod::Latent, {}, kernel)));
    for (int views : { 1, 4, 8 }) {
        const auto out
            = model.deblur(blurred, 5e-6, engine::LatentMethod::Latent, {}, kernel, views);
        const auto mirrored = turned(model.deblur(turned(blurred, false, true), 5e-6,
                                         engine::LatentMethod::Latent, {}, kernel, views),
            false, true);
        const auto transposed = turned(model.deblur(turned(blurred, true, false), 5e-6,
                                           engine::LatentMethod::Latent, {}, kernel, views),
            true, false);
        if (views == 1) {
            QVERIFY(largest(out, mirrored) > 1e-3f);
            QVERIFY(largest(out, transposed) > 1e-3f);
        } else {
            QVERIFY(!same(out, single));
            QVERIFY2(largest(out, mirrored) < 1e-5f,
                "the 4- or 8-view average is not mirror-equivariant");
            if (views == 8)
                QVERIFY2(largest(out, transposed) < 1e-5f,
                    "the 8-view average is not transpose-equivariant");
            else
                QVERIFY(largest(out, transposed) > 1e-4f);
        }
    }
    // The mean of the two views of a 2-view ensemble, computed by hand: the image and the
    // image turned by 180 degrees, deblurred one view each and turned back.
    const auto two = model.deblur(blurred, 5e-6, engine::LatentMethod::Latent, {}, kernel, 2);
    auto halfTurned = [](const engine::Image& image) {
        engine::Image out(image.width(), image.height());
        const std::size_t w = image.width(), h = image.height();
        for (std::size_t y = 0; y < h; ++y)
            for (std::size_t x = 0; x < w; ++x)
                out.at(x, y) = image.at(w - 1 - x, h - 1 - y);
        return out;
    };
    const auto halfTurn = halfTurned(
        model.deblur(halfTurned(blurred), 5e-6, engine::LatentMethod::Latent, {}, kernel, 1));
    engine::Image mean(48, 48);
    for (std::size_t i = 0; i < mean.values().size(); ++i)
        mean.values()[i] = 0.5f * (single.values()[i] + halfTurn.values()[i]);
    QVERIFY2(largest(two, mean) < 1e-5f, "the 2-view ensemble is not the mean of its views");
    // encode then decode gives the same; a stored count is what deblur uses without one.
    QVERIFY(
        same(model.decode(model.encode(blurred), 5e-6, engine::LatentMethod::Latent, {}, kernel, 4),
            model.deblur(blurred, 5e-6, engine::LatentMethod::Latent, {}, kernel, 4)));
    model.impl().record.ensembleViews = 4;
    QVERIFY(same(model.deblur(blurred, 5e-6, engine::LatentMethod::Latent, {}, kernel),
        model.deblur(blurred, 5e-6, engine::LatentMethod::Latent, {}, kernel, 4)));
    QCOMPARE(engine::ModelRecord::fromJson(model.record().toJson()).ensembleViews, 4);
    // Counts other than 1, 2, 4 and 8, and more than one view of the paper's network, are
    // refused clearly.
    QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument,
        model.deblur(blurred, 5e-6, engine::LatentMethod::Latent, {}, kernel, 3));
    const engine::LatentModel paper(tinyRecord(), 1);
    QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument,
        paper.deblur(blurred, 5e-6, engine::LatentMethod::Latent, {}, kernel, 2));
}

#include "tst_latentmodel.moc"
