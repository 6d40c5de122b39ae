#include "engine/core/exception.h"
#include "engine/eval/metrics.h"
#include "engine/forward/specimen.h"
#include "engine/io/imageio.h"
#include "engine/net/training.h"
#include "engine/net/trainingdata.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace latentlens;
using namespace latentlens::engine::net;

namespace {

LatentNetOptions tiny()
{
    return LatentNetOptions().width(8).latentChannels(16);
}

std::vector<torch::Tensor> snapshot(const std::vector<torch::Tensor>& parameters)
{
    std::vector<torch::Tensor> copies;
    for (const auto& p : parameters)
        copies.push_back(p.detach().clone());
    return copies;
}

bool unchanged(const std::vector<torch::Tensor>& now, const std::vector<torch::Tensor>& before)
{
    for (std::size_t i = 0; i < now.size(); ++i)
        if (!torch::equal(now[i], before[i]))
            return false;
    return true;
}

bool allChanged(const std::vector<torch::Tensor>& now, const std::vector<torch::Tensor>& before)
{
    for (std::size_t i = 0; i < now.size(); ++i)
        if (torch::equal(now[i], before[i]))
            return false;
    return true;
}

} // namespace

class TestTraining : public QObject
{
    Q_OBJECT

private slots:
    void init() { torch::manual_seed(11); }
    void imageLossInDecibelsIsMinusTheMeanPsnr();
    void ssimLossMatchesTheMetric();
    void stageOneLearnsAFixedBatch();
    void stageTwoKeepsTheEncoderAndDecoderFrozen();
    void alternateUpdatesTouchOnlyTheirGroup_data();
    void alternateUpdatesTouchOnlyTheirGroup();
    void simpleDeformTrainsOnTheSameCodes();
    void kernelFamilyCoversTheRange();
    void trainingDataCropsBlursAndSkipsBadFiles();
};

void TestTraining::imageLossInDecibelsIsMinusTheMeanPsnr()
{
    // Two 4 x 4 crops off by 0.1 and by 0.01 everywhere: MSE 1e-2 and 1e-4, PSNR 20 and 40 dB.
    const auto clean = torch::full({ 2, 1, 4, 4 }, 0.5f);
    auto offset = torch::empty({ 2, 1, 1, 1 });
    offset[0] = 0.1f;
    offset[1] = 0.01f;
    const auto output = (clean + offset).requires_grad_(true);
    QVERIFY(std::abs(imageLoss(output, clean, engine::ImageLoss::Mse).item<double>() - 0.00505)
        < 1e-8); // float
    const auto decibels = imageLoss(output, clean, engine::ImageLoss::Psnr);
    QVERIFY(std::abs(decibels.item<double>() - (-30.0)) < 1e-4);
    // Each crop's gradient is scaled by 1 / its own MSE: the better crop (10 x smaller
    // error) pulls 10 x harder per pixel, where the plain MSE would pull it 10 x weaker.
    decibels.backward();
    const auto grad = output.grad();
    const double ratio = grad[1][0][0][0].item<double>() / grad[0][0][0][0].item<double>();
    QVERIFY2(std::abs(ratio - 10.0) < 1e-3, std::to_string(ratio).c_str());
}

void TestTraining::ssimLossMatchesTheMetric()
{
    // Two 40 x 33 crops: a smooth pattern and a noisy copy of it. meanSsim is the mean of
    // the evaluation's SSIM of each crop (equal sizes, so equal weights).
    torch::manual_seed(3);
    const auto clean = torch::rand({ 2, 1, 33, 40 }) * 0.5 + 0.25;
    const auto output = (clean + 0.05 * torch::randn({ 2, 1, 33, 40 })).requires_grad_(true);
    double expected = 0.0;
    for (int i = 0; i < 2; ++i) {
        const auto a = output[i][0].detach().contiguous(), b = clean[i][0].contiguous();
        expected += engine::ssim({ a.data_ptr<float>(), 33 * 40 }, { b.data_ptr<float>(), 33 * 40 },
                        40, 33, 1.0)
            / 2.0;
    }
    const double got = meanSsim(output, clean).item<double>();
    QVERIFY2(std::abs(got - expected) < 1e-5,
        qPrintable(QString("%1 against %2").arg(got).arg(expected)));
    const auto loss = imageLoss(output, clean, engine::ImageLoss::PsnrSsim);
    const double psnrPart = imageLoss(output, clean, engine::ImageLoss::Psnr).item<double>();
    QVERIFY(std::abs(loss.item<double>() - (psnrPart + engine::kSsimWeight * (1.0 - got))) < 1e-4);
    loss.backward(); // differentiable
    QVERIFY(output.grad().abs().max().item<double>() > 0.0);
}

void TestTraining::stageOneLearnsAFixedBatch()
{
    Encoder f(tiny());
    Decoder g(tiny());
    std::vector<torch::Tensor> parameters = f->parameters();
    for (const auto& p : g->parameters())
        parameters.push_back(p);
    torch::optim::Adam adam(parameters, torch::optim::AdamOptions(2e-3));
    const auto clean = torch::rand({ 4, 1, 16, 16 });
    const auto blurred = torch::avg_pool2d(clean, 3, 1, 1); // a blur
    const double first = stageOneStep(f, g, adam, blurred, clean);
    double last = first;
    for (int i = 0; i < 60; ++i)
        last = stageOneStep(f, g, adam, blurred, clean);
    QVERIFY2(last < 0.5 * first, qPrintable(QString("%1 -> %2").arg(first).arg(last)));
}

void TestTraining::stageTwoKeepsTheEncoderAndDecoderFrozen()
{
    Encoder f(tiny());
    Decoder g(tiny());
    Deformer d(tiny());
    // Give BatchNorm running statistics that a forward pass in training mode would change.
    f->train();
    f->forward(torch::rand({ 2, 1, 16, 16 }));
    freeze(*f);
    freeze(*g);
    const auto fBefore = snapshot(f->parameters()), gBefore = snapshot(g->parameters());
    const auto statsBefore = snapshot(f->buffers());
    torch::optim::Adam banks(d->bankParameters(), torch::optim::AdamOptions(1e-2));
    torch::optim::Adam mlps(d->mlpParameters(), torch::optim::AdamOptions(1e-2));
    const auto reference = torch::rand({ 2, 1, 16, 16 });
    const std::vector<torch::Tensor> blurred { reference, torch::rand({ 2, 1, 16, 16 }) };
    const std::vector<torch::Tensor> theta { torch::full({ 2 }, 0.2f), torch::full({ 2 }, 0.8f) };
    for (int i = 0; i < 4; ++i)
        stageTwoStep(f, d, banks, mlps, reference, blurred, theta, i % 2 == 0);
    QVERIFY(unchanged(f->parameters(), fBefore));
    QVERIFY(unchanged(g->parameters(), gBefore));
    QVERIFY(unchanged(f->buffers(), statsBefore)); // running means and variances
}

void TestTraining::alternateUpdatesTouchOnlyTheirGroup_data()
{
    QTest::addColumn<bool>("updateBanks");
    QTest::newRow("bank half of the batches") << true;
    QTest::newRow("MLP half of the batches") << false;
}

void TestTraining::alternateUpdatesTouchOnlyTheirGroup()
{
    QFETCH(bool, updateBanks);
    Encoder f(tiny());
    Deformer d(tiny());
    freeze(*f);
    torch::optim::Adam banks(d->bankParameters(), torch::optim::AdamOptions(1e-2));
    torch::optim::Adam mlps(d->mlpParameters(), torch::optim::AdamOptions(1e-2));
    const auto banksBefore = snapshot(d->bankParameters());
    const auto mlpsBefore = snapshot(d->mlpParameters());
    const auto reference = torch::rand({ 2, 1, 16, 16 });
    const std::vector<torch::Tensor> blurred { torch::rand({ 2, 1, 16, 16 }) };
    const std::vector<torch::Tensor> theta { torch::tensor({ 0.3f, 0.9f }) };
    const double loss = stageTwoStep(f, d, banks, mlps, reference, blurred, theta, updateBanks);
    QVERIFY(loss > 0);
    if (updateBanks) {
        QVERIFY(allChanged(d->bankParameters(), banksBefore));
        QVERIFY(unchanged(d->mlpParameters(), mlpsBefore));
    } else {
        QVERIFY(unchanged(d->bankParameters(), banksBefore));
        QVERIFY(allChanged(d->mlpParameters(), mlpsBefore));
    }
}

void TestTraining::simpleDeformTrainsOnTheSameCodes()
{
    Encoder f(tiny());
    freeze(*f);
    const auto reference = torch::rand({ 2, 1, 16, 16 });
    const std::vector<torch::Tensor> blurred { torch::avg_pool2d(reference, 3, 1, 1),
        torch::avg_pool2d(reference, 5, 1, 2) };
    const std::vector<torch::Tensor> theta { torch::full({ 2 }, 0.3f), torch::full({ 2 }, 0.7f) };
    const auto codes = encodeStageTwo(f, reference, blurred);
    // The codes are f's outputs in evaluation mode, without a graph.
    QVERIFY(torch::equal(codes.target, f->forward(reference)));
    QVERIFY(torch::equal(codes.codes[1], f->forward(blurred[1])));
    QVERIFY(!codes.target.requires_grad());

    SimpleDeform s(tiny());
    Deformer d(tiny());
    const auto dBefore = snapshot(d->parameters());
    torch::optim::Adam adam(s->parameters(), torch::optim::AdamOptions(2e-3));
    const auto before = snapshot(s->parameters());
    const double first = simpleDeformStep(s, adam, codes, theta);
    QVERIFY(allChanged(s->parameters(), before));
    double last = first;
    for (int i = 0; i < 40; ++i)
        last = simpleDeformStep(s, adam, codes, theta);
    QVERIFY2(last < 0.5 * first, qPrintable(QString("%1 -> %2").arg(first).arg(last)));
    QVERIFY(unchanged(d->parameters(), dBefore)); // the deformer is not S's business
}

void TestTraining::kernelFamilyCoversTheRange()
{
    engine::ZonePlateOptics optics;
    optics.gridSize = 128;
    engine::KernelOptions kernel;
    kernel.size = 16;
    const KernelFamily family(optics, kernel, { 3e-6, 0.1e-6, 5e-6 }, 0.5e-6);
    QCOMPARE(family.minimum(), 0.1e-6);
    QCOMPARE(family.maximum(), 5e-6);
    QCOMPARE(family.theta(0.1e-6), 0.0);
    QCOMPARE(family.theta(5e-6), 1.0);
    // A listed value is its exact kernel, not a neighbour on the grid.
    const auto exact = engine::probeKernel(engine::simulateProbe(optics, 3e-6), kernel);
    QVERIFY(
        std::equal(exact.values().begin(), exact.values().end(), family.at(3e-6).values().begin()));
    QVERIFY(!std::equal(
        exact.values().begin(), exact.values().end(), family.at(0.1e-6).values().begin()));
}

void TestTraining::trainingDataCropsBlursAndSkipsBadFiles()
{
    QTemporaryDir dir;
    engine::SpecimenOptions s;
    s.width = s.height = 80;
    engine::writeImage(engine::generateSpecimen(s), dir.filePath("a.tif").toStdString());
    s.seed = 2;
    engine::writeImage(engine::generateSpecimen(s), dir.filePath("b.tif").toStdString());
    s.width = s.height = 20;
    engine::writeImage(engine::generateSpecimen(s), dir.filePath("small.tif").toStdString());
    QFile corrupt(dir.filePath("corrupt.tif"));
    QVERIFY(corrupt.open(QIODevice::WriteOnly));
    corrupt.write("II*\0garbage");
    corrupt.close();
    QFile notes(dir.filePath("notes.txt"));
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("not an image");
    notes.close();

    TrainingData data({ dir.path().toStdString() }, 32, 5);
    QCOMPARE(data.imageCount(), std::size_t(2));
    QCOMPARE(data.skipped().size(), std::size_t(2)); // small.tif and corrupt.tif, not notes.txt
    engine::ZonePlateOptics optics;
    optics.gridSize = 128;
    engine::KernelOptions kernel;
    kernel.size = 16;
    const KernelFamily family(optics, kernel, { 0.1e-6, 7e-6 }, 1e-6);
    const auto sample = data.sample(family, { 0.1e-6, 7e-6 });
    QCOMPARE(sample.blurred.size(), std::size_t(2));
    QCOMPARE(sample.clean.width(), std::size_t(32));
    QVERIFY(sample.noiseVariance >= 0.001 && sample.noiseVariance <= 0.02);
    const auto [lo, hi]
        = std::minmax_element(sample.clean.values().begin(), sample.clean.values().end());
    QVERIFY(*lo >= 0.0f && *hi <= 1.0f);
    int listed = 0;
    for (int i = 0; i < 200; ++i) {
        const double d = data.drawDefocus(family);
        QVERIFY(d >= 0.1e-6 && d <= 7e-6);
        listed += (d == 0.1e-6 || d == 7e-6);
    }
    QVERIFY2(listed > 60 && listed < 140, qPrintable(QString::number(listed)));
    // Same seed, same crops and noise.
    TrainingData again({ dir.path().toStdString() }, 32, 5);
    const auto repeat = again.sample(family, { 0.1e-6, 7e-6 });
    QVERIFY(std::equal(repeat.blurred[1].values().begin(), repeat.blurred[1].values().end(),
        sample.blurred[1].values().begin()));
    // The default draws no Poisson noise; a Poisson share of 1 always does, with photons in
    // the range and read noise a tenth of the drawn variance.
    QCOMPARE(sample.photons, 0.0);
    TrainingData poisson({ dir.path().toStdString() }, 32, 5);
    for (int i = 0; i < 5; ++i) {
        const auto p = poisson.sample(family, { 7e-6 }, { 0.001, 0.02, 1.0, 300.0, 400.0 });
        QVERIFY2(p.photons >= 300.0 && p.photons <= 400.0, qPrintable(QString::number(p.photons)));
        QVERIFY(p.noiseVariance >= 0.001 && p.noiseVariance <= 0.02);
    }
    // Poisson noise grows with the signal: on a flat crop (1 once scaled to its maximum) its
    // variance is about 1 / photons, far above the read noise.
    QTemporaryDir flatDir;
    engine::Image flat(40, 40);
    for (float& v : flat.values())
        v = 0.8f;
    engine::writeImage(flat, flatDir.filePath("flat.tif").toStdString());
    TrainingData bright({ flatDir.path().toStdString() }, 32, 3);
    const auto p = bright.sample(family, { 0.1e-6 }, { 0.0001, 0.0001, 1.0, 100.0, 100.0 });
    double mean = 0.0, square = 0.0;
    for (float v : p.blurred[0].values()) {
        mean += v;
        square += double(v) * v;
    }
    const double n = double(p.blurred[0].values().size());
    const double variance = square / n - (mean / n) * (mean / n);
    QVERIFY2(std::abs(variance - 0.01) < 0.002, qPrintable(QString::number(variance)));
    // A dead-leaves share of 1: every clean crop is flat discs, not a crop of the data.
    TrainingData leaves({ dir.path().toStdString() }, 32, 5);
    const auto synthetic = leaves.sample(family, { 0.1e-6 }, { 0.001, 0.02, 0.0, 1, 1, 1.0 });
    std::size_t sameAsLeft = 0;
    for (std::size_t y = 0; y < 32; ++y)
        for (std::size_t x = 1; x < 32; ++x)
            sameAsLeft += synthetic.clean.at(x, y) == synthetic.clean.at(x - 1, y);
    QVERIFY2(sameAsLeft > 31 * 32 / 2, qPrintable(QString::number(sameAsLeft)));
    // An empty folder is an error that says what it wanted.
    QTemporaryDir empty;
    try {
        TrainingData none({ empty.path().toStdString() }, 32, 1);
        QFAIL("no error");
    } catch (const engine::IoError& e) {
        QVERIFY2(QString(e.what()).contains("no usable training image"), e.what());
    }
}

QTEST_GUILESS_MAIN(TestTraining)
#include "tst_training.moc"
