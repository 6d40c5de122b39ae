#include "engine/core/exception.h"
#include "engine/forward/specimen.h"
#include "engine/io/imageio.h"
#include "engine/net/latentmodel.h"
#include "engine/net/modelimpl.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace latentlens;

namespace {

engine::ModelRecord tinyRecord()
{
    engine::ModelRecord r;
    r.width = 8;
    r.latentChannels = 16;
    return r;
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
    void defocusOutsideTheTrainedRangeIsRefused();
    void cachedEncodingGivesTheSameResultAtAnyDefocus();
    void deviceSelection();

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

QTEST_GUILESS_MAIN(TestLatentModel)
#include "tst_latentmodel.moc"
