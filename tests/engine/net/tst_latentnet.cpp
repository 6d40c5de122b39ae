#include "engine/net/latentnet.h"

#include <QtTest>

#include <sstream>

using namespace latentlens::engine::net;

namespace {

double maxDifference(const torch::Tensor& a, const torch::Tensor& b)
{
    return (a - b).abs().max().item<double>();
}

} // namespace

class TestLatentNet : public QObject
{
    Q_OBJECT

private slots:
    void init() { torch::manual_seed(7); }
    void shapes_data();
    void shapes();
    void encoderRefusesSizesNotMultipleOfFour();
    void dynamicConvolutionEqualsTheSumOfBankConvolutions_data();
    void dynamicConvolutionEqualsTheSumOfBankConvolutions();
    void coefficientsAreNormalised();
    void deformerIsResidualAndDependsOnTheta();
    void parameterGroupsSplitTheDeformer();
    void seededConstructionIsReproducible();
    void saveLoadRoundTripGivesIdenticalOutputs();
    void inferenceFormsEqualTheModules_data();
    void inferenceFormsEqualTheModules();
};

void TestLatentNet::shapes_data()
{
    QTest::addColumn<bool>("small");
    QTest::newRow("paper widths (latent 256)") << false;
    QTest::newRow("small CPU variant (latent 64)") << true;
}

void TestLatentNet::shapes()
{
    QFETCH(bool, small);
    const auto options = small ? LatentNetOptions::small() : LatentNetOptions();
    Encoder f(options);
    Decoder g(options);
    Deformer d(options);
    SimpleDeform s(options);
    const auto x = torch::rand({ 2, 1, 32, 40 });
    const auto theta = torch::tensor({ 0.2f, 0.7f });
    const auto h = f->forward(x);
    QCOMPARE(h.sizes().vec(), (std::vector<int64_t> { 2, options.latentChannels(), 8, 10 }));
    QCOMPARE(d->forward(h, theta).sizes(), h.sizes());
    QCOMPARE(s->forward(h, theta).sizes(), h.sizes());
    QCOMPARE(g->forward(d->forward(h, theta)).sizes(), x.sizes()); // latent path
    QCOMPARE(g->forward(h).sizes(), x.sizes()); // NODEFORM: g(f(B))
}

void TestLatentNet::encoderRefusesSizesNotMultipleOfFour()
{
    Encoder f(LatentNetOptions::small());
    bool refused = false;
    try {
        f->forward(torch::rand({ 1, 1, 30, 32 }));
    } catch (const c10::Error& e) {
        refused = QString(e.what()).contains("multiples of 4");
    }
    QVERIFY(refused);
}

void TestLatentNet::dynamicConvolutionEqualsTheSumOfBankConvolutions_data()
{
    QTest::addColumn<int>("dilation");
    QTest::newRow("dilation 1") << 1;
    QTest::newRow("dilation 2 (blocks 3 and 4)") << 2;
}

void TestLatentNet::dynamicConvolutionEqualsTheSumOfBankConvolutions()
{
    QFETCH(int, dilation);
    DynamicConv2d conv(6, 5, 3, dilation, 4);
    const auto x = torch::randn({ 3, 6, 11, 9 });
    const auto w = torch::randn({ 3, 4 }); // any weights, per sample
    const auto combined = conv->forward(x, w), summed = conv->forwardBySum(x, w);
    QCOMPARE(combined.sizes(), summed.sizes());
    QVERIFY2(maxDifference(combined, summed) < 1e-5,
        qPrintable(QString::number(maxDifference(combined, summed))));
    // Each sample uses its own weights: swapping two samples' weights changes only them.
    const auto swapped = conv->forward(x, w.index({ torch::tensor({ 1, 0, 2 }) }));
    QVERIFY(maxDifference(swapped[2], combined[2]) < 1e-6);
    QVERIFY(maxDifference(swapped[0], combined[0]) > 1e-3);
}

void TestLatentNet::coefficientsAreNormalised()
{
    const auto theta = torch::linspace(0, 1, 7);
    CoefficientMlp l2(16, 4, Normalisation::L2), softmax(16, 4, Normalisation::Softmax);
    const auto a = l2->forward(theta), b = softmax->forward(theta);
    QCOMPARE(a.sizes().vec(), (std::vector<int64_t> { 7, 4 }));
    QVERIFY(maxDifference(a.norm(2, 1), torch::ones({ 7 })) < 1e-5);
    QVERIFY(maxDifference(b.sum(1), torch::ones({ 7 })) < 1e-5);
    QVERIFY(b.min().item<float>() > 0);
}

void TestLatentNet::deformerIsResidualAndDependsOnTheta()
{
    auto options = LatentNetOptions::small();
    Deformer d(options);
    const auto h = torch::randn({ 2, options.latentChannels(), 6, 6 });
    const auto near = d->forward(h, torch::tensor({ 0.1f, 0.1f }));
    const auto far = d->forward(h, torch::tensor({ 0.9f, 0.9f }));
    QVERIFY(maxDifference(near, far) > 1e-4); // the code is deformed according to theta
    // With every bank zeroed, R vanishes and D(h, theta) = h.
    torch::NoGradGuard noGrad;
    for (auto& p : d->bankParameters())
        p.zero_();
    QVERIFY(maxDifference(d->forward(h, torch::tensor({ 0.3f, 0.6f })), h) == 0.0);
}

void TestLatentNet::parameterGroupsSplitTheDeformer()
{
    Deformer d(LatentNetOptions::small());
    const auto banks = d->bankParameters(), mlps = d->mlpParameters();
    QCOMPARE(banks.size(), std::size_t(2 * 10)); // weight and bias of ten dynamic convs
    QCOMPARE(mlps.size(), std::size_t(4 * 4)); // two linear layers per block, four blocks
    std::set<const void*> all;
    for (const auto& p : d->parameters())
        all.insert(p.data_ptr());
    std::set<const void*> groups;
    for (const auto& p : banks)
        groups.insert(p.data_ptr());
    for (const auto& p : mlps)
        QVERIFY(groups.insert(p.data_ptr()).second); // disjoint
    QCOMPARE(groups, all); // and together they are every parameter
}

void TestLatentNet::seededConstructionIsReproducible()
{
    torch::manual_seed(3);
    Deformer a(LatentNetOptions::small());
    torch::manual_seed(3);
    Deformer b(LatentNetOptions::small());
    const auto pa = a->parameters(), pb = b->parameters();
    for (std::size_t i = 0; i < pa.size(); ++i)
        QVERIFY(torch::equal(pa[i], pb[i]));
}

void TestLatentNet::saveLoadRoundTripGivesIdenticalOutputs()
{
    const auto options = LatentNetOptions::small();
    Encoder f(options);
    Deformer d(options);
    f->eval();
    d->eval();
    const auto x = torch::rand({ 1, 1, 16, 16 });
    const auto theta = torch::tensor({ 0.4f });
    const auto before = d->forward(f->forward(x), theta);
    std::stringstream fs, ds;
    torch::save(f, fs);
    torch::save(d, ds);
    torch::manual_seed(99); // different initial weights, replaced by the loaded ones
    Encoder f2(options);
    Deformer d2(options);
    torch::load(f2, fs);
    torch::load(d2, ds);
    f2->eval();
    d2->eval();
    QVERIFY(torch::equal(d2->forward(f2->forward(x), theta), before));
}

void TestLatentNet::inferenceFormsEqualTheModules_data()
{
    QTest::addColumn<bool>("small");
    QTest::addColumn<bool>("skips");
    QTest::newRow("paper widths, no skips") << false << false;
    QTest::newRow("small, no skips") << true << false;
    QTest::newRow("small, skips (kernel-aware)") << true << true;
}

void TestLatentNet::inferenceFormsEqualTheModules()
{
    // Without gradients, in inference mode, f runs channels last and g computes each
    // transposed convolution, BatchNorm and ReLU in its phase form; with gradients
    // (training's path) LibTorch's own modules run on the usual layout. Both in inference
    // mode, with BatchNorm statistics far from the identity.
    QFETCH(bool, small);
    QFETCH(bool, skips);
    auto options = small ? LatentNetOptions::small() : LatentNetOptions();
    options.skips(skips).zeroLast(false).inputChannels(skips ? 3 : 1);
    Encoder f(options);
    Decoder g(options);
    {
        torch::NoGradGuard noGrad;
        const std::vector<std::shared_ptr<torch::nn::Module>> nets { f.ptr(), g.ptr() };
        for (const auto& net : nets)
            for (auto& module : net->modules(false))
                if (auto* norm = module->template as<torch::nn::BatchNorm2dImpl>()) {
                    norm->running_mean.uniform_(-0.5, 0.5);
                    norm->running_var.uniform_(0.2, 3.0);
                    norm->weight.uniform_(0.5, 1.5);
                    norm->bias.uniform_(-0.3, 0.3);
                }
    }
    f->eval();
    g->eval();
    const auto x = torch::randn({ 2, options.inputChannels(), 24, 20 });
    const Encoding reference = f->encode(x);
    const auto decoded = g->forward(reference.code, reference).detach();
    Encoding inference;
    torch::Tensor inferenceDecoded;
    {
        torch::NoGradGuard noGrad;
        inference = f->encode(x);
        // g on f's own reference outputs, so that its difference is g's alone.
        inferenceDecoded = g->forward(reference.code.detach(),
            { {}, skips ? reference.full.detach() : torch::Tensor(),
                skips ? reference.half.detach() : torch::Tensor() });
    }
    auto relative = [](const torch::Tensor& a, const torch::Tensor& b) {
        return maxDifference(a, b.detach()) / b.abs().max().item<double>();
    };
    // (A one-channel input is already "channels last", and LibTorch keeps it in the usual
    // layout; the paper's network therefore runs as before.)
    if (options.inputChannels() > 1)
        QVERIFY(inference.code.is_contiguous(torch::MemoryFormat::ChannelsLast)
            && !inference.code.is_contiguous());
    QCOMPARE(inference.code.sizes(), reference.code.sizes());
    QVERIFY2(relative(inference.code, reference.code) < 1e-5,
        qPrintable(QString::number(relative(inference.code, reference.code))));
    QCOMPARE(inference.full.defined(), skips);
    if (skips) {
        QVERIFY(relative(inference.full, reference.full) < 1e-5);
        QVERIFY(relative(inference.half, reference.half) < 1e-5);
    }
    QCOMPARE(inferenceDecoded.sizes(), (std::vector<int64_t> { 2, 1, 24, 20 }));
    QVERIFY2(relative(inferenceDecoded, decoded) < 1e-5,
        qPrintable(QString::number(relative(inferenceDecoded, decoded))));
}

QTEST_GUILESS_MAIN(TestLatentNet)
#include "tst_latentnet.moc"
