#include "app/gui/comparisonrunner.h"

#include "app/gui/jobworker.h"

#include "engine/evaluation.h"
#include "engine/exception.h"
#include "engine/latentmodel.h"
#include "engine/metrics.h"

#include <QFileInfo>
#include <QVariantMap>

#include <algorithm>
#include <cmath>

namespace latentlens::app {

namespace {

const QString kernelJob = QStringLiteral("kernel");

QString jobKey(const QString& method)
{
    return QStringLiteral("method:") + method;
}

QString methodOf(const QString& jobKey)
{
    return jobKey.startsWith(QStringLiteral("method:")) ? jobKey.mid(7) : QString();
}

QString number(double value, int digits = 3)
{
    return QString::number(value, 'g', digits);
}

} // namespace

/// What the jobs keep between runs. Touched on the worker thread only (jobs run one at a
/// time there), so it needs no lock.
struct ComparisonRunner::Shared
{
    QString kernelKey;
    engine::Image kernel;
    std::string modelPath;
    std::optional<engine::LatentModel> model;
    quint64 encodedGeneration = 0;
    engine::EncodedImage encoded;

    QString matchKey;
    std::string matchError; ///< why the loaded model does not fit the probe; empty: it does

    const engine::Image& kernelFor(
        const ProbeSettings& probe, quint64 probeGeneration, double defocus, double pixelSize)
    {
        const QString key = QStringLiteral("%1/%2/%3")
                                .arg(probeGeneration)
                                .arg(probe.fixedKernel() ? 0.0 : defocus, 0, 'g', 17)
                                .arg(pixelSize, 0, 'g', 17);
        if (key == kernelKey)
            return kernel;
        kernel = compute(probe, defocus, pixelSize);
        kernelKey = key;
        return kernel;
    }

    static engine::Image compute(const ProbeSettings& probe, double defocus, double pixelSize)
    {
        if (probe.fixedKernel())
            defocus = 0.0;
        engine::KernelOptions options;
        options.size = probe.kernelSize;
        options.imagePixelSize = pixelSize;
        options.supportFraction = probe.supportFraction;
        if (probe.source == ProbeSettings::Source::Imported) {
            if (!probe.imported)
                throw engine::InvalidArgument("No probe file is loaded.");
            options.centre = engine::KernelOptions::Centre::Centroid;
            return engine::importedKernel(*probe.imported, defocus, options);
        }
        return engine::probeKernel(engine::simulateProbe(probe.optics, defocus), options);
    }

    /// Empty when the loaded model was trained for `probe` at this pixel size (its kernel
    /// at the reference defocus is the probe's within 2.5% of the energy), else why not.
    std::string modelMismatch(const ProbeSettings& probe, double pixelSize) const
    {
        const auto& record = model->record();
        const double at = record.referenceDefocus;
        const engine::Image own = engine::modelKernel(record, at);
        const engine::Image theirs = compute(probe, at, pixelSize);
        double difference = 2.0;
        if (own.width() == theirs.width() && own.height() == theirs.height()) {
            difference = 0.0;
            for (std::size_t i = 0; i < own.size(); ++i)
                difference += std::abs(own.values()[i] - theirs.values()[i]);
        }
        if (difference <= 0.05)
            return {};
        const double modelPixel = record.kernel.imagePixelSize > 0 ? record.kernel.imagePixelSize
                                                                   : record.optics.pixelSize;
        return ComparisonRunner::tr(
            "This model was trained for another probe: at %1 \u00b5m its kernel differs "
            "from the chosen probe's by %2% of the energy. Choose the probe it was trained "
            "with (%3 keV, NA %4, %5 nm pixels) or train a model for this probe in the "
            "Training panel.")
            .arg(number(at * 1e6))
            .arg(number(50.0 * difference, 2))
            .arg(number(record.optics.energyKeV))
            .arg(number(record.optics.na()))
            .arg(number(modelPixel * 1e9))
            .toStdString();
    }
};

QStringList ComparisonRunner::methodKeys()
{
    return { "latent", "nodeform", "wiener", "rl", "hl" };
}

QString ComparisonRunner::methodName(const QString& key)
{
    if (key == "latent")
        return tr("Deformable latent space");
    if (key == "nodeform")
        return tr("NODEFORM (ablation)");
    if (key == "wiener")
        return tr("Wiener");
    if (key == "rl")
        return tr("Richardson\u2013Lucy");
    if (key == "hl")
        return tr("Hyper-Laplacian");
    return key;
}

bool ComparisonRunner::isNetwork(const QString& key)
{
    return key == "latent" || key == "nodeform";
}

ComparisonRunner::ComparisonRunner(JobWorker* worker, QObject* parent)
    : QObject(parent), mWorker(worker), mShared(std::make_shared<Shared>()), mEnabled(methodKeys())
{
    connect(mWorker, &JobWorker::finished, this, &ComparisonRunner::onFinished);
    connect(mWorker, &JobWorker::failed, this, &ComparisonRunner::onFailed);
    connect(mWorker, &JobWorker::cancelled, this, &ComparisonRunner::onCancelled);
    connect(mWorker, &JobWorker::progress, this,
        [this](const QString& key, quint64 id, const engine::IterationInfo& info) {
            onProgress(key, id, info.iteration, info.iterations, info.plane, info.planes);
        });
}

ComparisonRunner::~ComparisonRunner()
{
    // No signals from here: their receivers may be half destroyed.
    for (auto it = mJobs.begin(); it != mJobs.end(); ++it)
        mWorker->cancel(it.key());
}

void ComparisonRunner::setInput(
    engine::Image plane, std::optional<engine::Image> truth, double pixelSize)
{
    cancelAll();
    mInput = std::make_shared<const engine::Image>(std::move(plane));
    mTruth = truth ? std::make_shared<const engine::Image>(std::move(*truth)) : nullptr;
    mPixelSize = pixelSize;
    ++mInputGeneration;
    mResults.clear();
    recomputeAll();
}

void ComparisonRunner::setDefocus(double metres)
{
    mDefocus = metres;
    if (!mInput)
        return;
    if (mProbe.fixedKernel()) { // a measured PSF: only the deformer follows the slider
        recompute("latent");
        return;
    }
    submitKernel();
    // NODEFORM deblurs with the reference kernel whatever the defocus: its result stays.
    for (const QString& key : methodKeys())
        if (key != "nodeform" && mEnabled.contains(key))
            submitMethod(key);
}

void ComparisonRunner::setProbe(const ProbeSettings& probe)
{
    mProbe = probe;
    ++mProbeGeneration;
    recomputeAll();
}

void ComparisonRunner::setMethodSettings(const MethodSettings& settings)
{
    const MethodSettings old = mSettings;
    mSettings = settings;
    const auto &w0 = old.wiener, &w1 = settings.wiener;
    if (w0.nsr != w1.nsr || w0.taperedBoundary != w1.taperedBoundary)
        recompute("wiener");
    const auto &r0 = old.rl, &r1 = settings.rl;
    if (r0.iterations != r1.iterations || r0.maxIterations != r1.maxIterations || r0.tv != r1.tv
        || r0.accelerate != r1.accelerate || r0.borderAware != r1.borderAware
        || r0.background != r1.background || r0.initialValue != r1.initialValue)
        recompute("rl");
    const auto &h0 = old.hl, &h1 = settings.hl;
    if (h0.alpha != h1.alpha || h0.lambda != h1.lambda || h0.betaStart != h1.betaStart
        || h0.betaRate != h1.betaRate || h0.betaMax != h1.betaMax
        || h0.innerIterations != h1.innerIterations || h0.taperedBoundary != h1.taperedBoundary)
        recompute("hl");
    if (old.modelPath != settings.modelPath) {
        recompute("latent");
        recompute("nodeform");
    }
}

void ComparisonRunner::setEnabledMethods(const QStringList& keys)
{
    const QStringList before = mEnabled;
    mEnabled = keys;
    for (const QString& key : methodKeys()) {
        if (!keys.contains(key))
            cancel(key);
        else if (!before.contains(key))
            recompute(key);
    }
}

void ComparisonRunner::recomputeAll()
{
    if (!mInput)
        return;
    submitKernel();
    for (const QString& key : methodKeys())
        if (mEnabled.contains(key))
            submitMethod(key);
}

void ComparisonRunner::recompute(const QString& key)
{
    if (mInput && mEnabled.contains(key))
        submitMethod(key);
}

void ComparisonRunner::cancel(const QString& key)
{
    mWorker->cancel(jobKey(key));
    mJobs.remove(jobKey(key));
    checkIdle();
}

void ComparisonRunner::cancelAll()
{
    for (auto it = mJobs.begin(); it != mJobs.end(); ++it)
        mWorker->cancel(it.key());
    mJobs.clear();
    checkIdle();
}

bool ComparisonRunner::busy() const
{
    return !mJobs.isEmpty();
}

bool ComparisonRunner::running(const QString& key) const
{
    return mJobs.value(jobKey(key)) != 0;
}

const MethodResult* ComparisonRunner::result(const QString& key) const
{
    auto it = mResults.constFind(key);
    return it == mResults.constEnd() ? nullptr : &*it;
}

void ComparisonRunner::submitKernel()
{
    auto shared = mShared;
    const ProbeSettings probe = mProbe;
    const quint64 generation = mProbeGeneration;
    const double defocus = mDefocus, pixel = mPixelSize;
    mJobs[kernelJob] = mWorker->submit(
        kernelJob, [shared, probe, generation, defocus, pixel](const engine::Progress&) {
            return QVariant::fromValue(shared->kernelFor(probe, generation, defocus, pixel));
        });
}

void ComparisonRunner::submitMethod(const QString& key)
{
    auto shared = mShared;
    auto input = mInput;
    auto truth = mTruth;
    const ProbeSettings probe = mProbe;
    const quint64 probeGeneration = mProbeGeneration, inputGeneration = mInputGeneration;
    const double defocus = mDefocus, pixel = mPixelSize;
    const MethodSettings settings = mSettings;
    emit methodStarted(key);
    mJobs[jobKey(key)] = mWorker->submit(jobKey(key), [=](const engine::Progress& progress) {
        const engine::Image& kernel = shared->kernelFor(probe, probeGeneration, defocus, pixel);
        QVariantMap out;
        engine::Image image;
        if (key == "wiener") {
            engine::Wiener wiener(settings.wiener);
            image = wiener.run(*input, kernel, progress);
            out["parameters"] = tr("\u03bb %1%2")
                                    .arg(number(wiener.report().parameter.at(0)))
                                    .arg(settings.wiener.nsr < 0 ? tr(" (UPRE)") : QString());
        } else if (key == "rl") {
            engine::RichardsonLucy rl(settings.rl);
            image = rl.run(*input, kernel, progress);
            out["parameters"]
                = tr("%1 iterations%2, TV %3")
                      .arg(rl.report().parameter.at(0))
                      .arg(settings.rl.iterations == 0 ? tr(" (automatic stop)") : QString())
                      .arg(settings.rl.tv < 0 ? tr("auto") : number(settings.rl.tv));
        } else if (key == "hl") {
            engine::HyperLaplacian hl(settings.hl);
            image = hl.run(*input, kernel, progress);
            out["parameters"] = tr("\u03b1 %1, \u03bb %2")
                                    .arg(number(settings.hl.alpha))
                                    .arg(number(hl.report().parameter.at(0)));
        } else {
            // The network: the model stays loaded and the encoder's output of this image
            // is kept, so a new defocus runs only the deformer and the decoder.
            const auto path = settings.modelPath.isEmpty()
                ? engine::defaultModelPath()
                : std::optional<std::filesystem::path>(settings.modelPath.toStdString());
            if (!path)
                throw engine::InvalidArgument(
                    tr("No model file: the default model was not found. Choose one in the "
                       "method settings, or train one in the Training panel.")
                        .toStdString());
            if (!shared->model || shared->modelPath != path->string()) {
                shared->model.reset();
                shared->model = engine::LatentModel::load(*path);
                shared->model->setDevice(engine::ComputeDevice::Auto);
                shared->modelPath = path->string();
                shared->encodedGeneration = 0;
            }
            // Every result names its model: the job that loaded it may have been replaced.
            QVariantList trained;
            for (double d : shared->model->record().defocus)
                trained.push_back(d * 1e6);
            out["modelPath"] = QString::fromStdString(shared->modelPath);
            out["modelName"] = QFileInfo(QString::fromStdString(shared->modelPath)).fileName();
            out["trained"] = trained;
            out["device"] = QString::fromStdString(shared->model->deviceName());
            const auto& record = shared->model->record();
            const double at = defocus;
            // The network deblurs with the kernels it was trained for; it must not be
            // shown as the deblur of a different probe. Checked once per probe and model,
            // at the model's reference defocus.
            const QString match = QStringLiteral("%1/%2/%3")
                                      .arg(probeGeneration)
                                      .arg(pixel, 0, 'g', 17)
                                      .arg(QString::fromStdString(shared->modelPath));
            if (shared->matchKey != match) {
                shared->matchError = shared->modelMismatch(probe, pixel);
                shared->matchKey = match;
            }
            if (!shared->matchError.empty())
                throw engine::InvalidArgument(shared->matchError);
            if (shared->encodedGeneration != inputGeneration) {
                shared->encoded = shared->model->encode(*input, progress);
                shared->encodedGeneration = inputGeneration;
            }
            const auto method
                = key == "latent" ? engine::LatentMethod::Latent : engine::LatentMethod::NoDeform;
            image = shared->model->decode(shared->encoded, at, method, progress);
            const QString model = QFileInfo(QString::fromStdString(shared->modelPath)).fileName();
            out["parameters"] = key == "latent"
                ? tr("%1 \u00b5m, %2, %3")
                      .arg(number(at * 1e6))
                      .arg(model, QString::fromStdString(shared->model->deviceName()))
                : tr("reference kernel %1 \u00b5m only, %2")
                      .arg(number(record.referenceDefocus * 1e6))
                      .arg(model);
        }
        if (truth) {
            const auto [low, high]
                = std::minmax_element(truth->values().begin(), truth->values().end());
            const double range = std::max(double(*high - *low), 1e-12);
            out["psnr"] = engine::psnr(image.values(), truth->values(), range);
            if (image.width() >= 11 && image.height() >= 11)
                out["ssim"] = engine::ssim(
                    image.values(), truth->values(), image.width(), image.height(), range);
        }
        out["image"] = QVariant::fromValue(std::move(image));
        return QVariant(out);
    });
}

void ComparisonRunner::onFinished(
    const QString& key, quint64 id, const QVariant& result, double seconds)
{
    if (mJobs.value(key) != id)
        return; // another client's job, or a stale one
    mJobs.remove(key);
    if (key == kernelJob) {
        mKernel = result.value<engine::Image>();
        emit kernelReady(mKernel, mProbe.fixedKernel() ? 0.0 : mDefocus);
        checkIdle();
        return;
    }
    const QString method = methodOf(key);
    const QVariantMap out = result.toMap();
    if (out.contains("trained") && out["modelPath"].toString() != mAnnouncedModel) {
        mAnnouncedModel = out["modelPath"].toString();
        QList<double> trained;
        for (const QVariant& v : out["trained"].toList())
            trained.push_back(v.toDouble());
        emit modelLoaded(out["modelName"].toString(), trained, out["device"].toString());
    }
    MethodResult r;
    r.image = out["image"].value<engine::Image>();
    r.parameters = out["parameters"].toString();
    r.seconds = seconds;
    r.defocus = mDefocus;
    if (out.contains("psnr"))
        r.psnr = out["psnr"].toDouble();
    if (out.contains("ssim"))
        r.ssim = out["ssim"].toDouble();
    mResults[method] = std::move(r);
    emit methodFinished(method);
    checkIdle();
}

void ComparisonRunner::onFailed(const QString& key, quint64 id, const QString& message)
{
    if (mJobs.value(key) != id)
        return;
    mJobs.remove(key);
    if (key == kernelJob) {
        emit kernelFailed(message);
    } else {
        mResults.remove(methodOf(key));
        emit methodFailed(methodOf(key), message);
    }
    checkIdle();
}

void ComparisonRunner::onCancelled(const QString& key, quint64 id)
{
    if (mJobs.value(key) != id)
        return; // replaced: the newer job is what counts
    mJobs.remove(key);
    checkIdle();
}

void ComparisonRunner::onProgress(const QString& key, quint64 id, int iteration, int iterations,
    std::size_t plane, std::size_t planes)
{
    if (mJobs.value(key) != id || iterations <= 0 || key == kernelJob)
        return;
    const double done = (double(plane) * iterations + iteration) / (double(planes) * iterations);
    emit methodProgress(methodOf(key), int(std::lround(100.0 * done)));
}

void ComparisonRunner::checkIdle()
{
    if (mJobs.isEmpty())
        emit idle();
}

} // namespace latentlens::app
