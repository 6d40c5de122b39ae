#include "app/gui/comparisonrunner.h"

#include "app/gui/jobworker.h"
#include "app/gui/stackresults.h"

#include "engine/core/exception.h"
#include "engine/eval/evaluation.h"
#include "engine/eval/metrics.h"
#include "engine/net/latentmodel.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QVariantMap>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <malloc.h>

namespace latentlens::app {

namespace {

const QString kernelJob = QStringLiteral("kernel");

QString jobKey(const QString& method)
{
    return QStringLiteral("method:") + method;
}

QString previewKey(const QString& method)
{
    return QStringLiteral("preview:") + method;
}

/// The network's one-view pass of the whole image, shown while its ensemble is computed.
QString quickKey(const QString& method)
{
    return QStringLiteral("quick:") + method;
}

QString methodOf(const QString& jobKey)
{
    for (const char* prefix : { "method:", "preview:", "quick:" })
        if (jobKey.startsWith(QLatin1String(prefix)))
            return jobKey.mid(int(std::strlen(prefix)));
    return {};
}

bool isNetwork(const QString& key)
{
    return key == QStringLiteral("latent") || key == QStringLiteral("nodeform");
}

/// The pixels of `image`'s first plane inside `rect`, as an image of its own.
engine::Image copyRegion(const engine::Image& image, const QRect& rect)
{
    engine::Image part(std::size_t(rect.width()), std::size_t(rect.height()));
    for (int y = 0; y < rect.height(); ++y)
        for (int x = 0; x < rect.width(); ++x)
            part.at(std::size_t(x), std::size_t(y))
                = image.at(std::size_t(rect.x() + x), std::size_t(rect.y() + y));
    part.setSpacing(image.spacing());
    return part;
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
        kernel = ComparisonRunner::kernelOf(probe, defocus, pixelSize);
        kernelKey = key;
        return kernel;
    }

    /// Empty when the loaded model was trained for `probe` at this pixel size (its kernel
    /// at the reference defocus is the probe's within 2.5% of the energy), else why not.
    std::string modelMismatch(const ProbeSettings& probe, double pixelSize) const
    {
        const auto& record = model->record();
        const double at = record.referenceDefocus;
        const engine::Image own = engine::modelKernel(record, at);
        const engine::Image theirs = ComparisonRunner::kernelOf(probe, at, pixelSize);
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
        // The context spelled out: lupdate cannot resolve ComparisonRunner::tr here.
        return QCoreApplication::translate("latentlens::app::ComparisonRunner",
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

/// Everything one method's job needs, copied at the request.
struct ComparisonRunner::Request
{
    QString key;
    std::shared_ptr<Shared> shared;
    std::shared_ptr<const engine::Image> input;
    std::shared_ptr<const engine::Image> truth;
    ProbeSettings probe;
    quint64 probeGeneration = 0;
    quint64 inputGeneration = 0;
    double defocus = 0.0;
    double pixel = 0.0;
    MethodSettings settings;
    int views = 0; ///< the network's ensemble views; 0: the model's
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

engine::Image ComparisonRunner::kernelOf(
    const ProbeSettings& probe, double defocus, double pixelSize)
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

std::pair<double, double> ComparisonRunner::quality(
    std::span<const float> values, const engine::Image& truth)
{
    const auto [low, high] = std::minmax_element(truth.values().begin(), truth.values().end());
    const double range = std::max(double(*high - *low), 1e-12);
    const double psnr = engine::psnr(values, truth.values(), range);
    const double ssim = truth.width() >= 11 && truth.height() >= 11
        ? engine::ssim(values, truth.values(), truth.width(), truth.height(), range)
        : std::numeric_limits<double>::quiet_NaN();
    return { psnr, ssim };
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
    QStringList keys;
    for (const QString& key : methodKeys())
        if (key != "nodeform" && mEnabled.contains(key))
            keys.push_back(key);
    submitMethods(keys);
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
    ++mSettingsGeneration;
    if (old.wiener != settings.wiener)
        recompute("wiener");
    if (old.rl != settings.rl)
        recompute("rl");
    if (old.hl != settings.hl)
        recompute("hl");
    if (old.modelPath != settings.modelPath)
        mModelViews = 0; // unknown until the new model has deblurred
    if (old.modelPath != settings.modelPath || old.networkViews != settings.networkViews) {
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
    QStringList keys;
    for (const QString& key : methodKeys())
        if (mEnabled.contains(key))
            keys.push_back(key);
    submitMethods(keys);
}

void ComparisonRunner::recompute(const QString& key)
{
    if (!mInput || !mEnabled.contains(key))
        return;
    if (quickWanted(key))
        submitQuick(key);
    submitMethod(key);
}

void ComparisonRunner::cancel(const QString& key)
{
    for (const QString& job : { jobKey(key), previewKey(key), quickKey(key) }) {
        mWorker->cancel(job);
        mJobs.remove(job);
    }
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
    return mJobs.value(jobKey(key)) != 0 || mJobs.value(previewKey(key)) != 0
        || mJobs.value(quickKey(key)) != 0;
}

bool ComparisonRunner::previewWanted() const
{
    if (!mInput || mInput->planeSize() <= previewThreshold || !mRegion)
        return false;
    const QRect region
        = mRegion().intersected(QRect(0, 0, int(mInput->width()), int(mInput->height())));
    return !region.isEmpty()
        && double(region.width()) * region.height() < 0.7 * double(mInput->planeSize());
}

void ComparisonRunner::submitMethods(const QStringList& keys)
{
    if (previewWanted()) {
        const QRect bounds(0, 0, int(mInput->width()), int(mInput->height()));
        const QRect region = mRegion().intersected(bounds);
        // A margin of a kernel's width, so that the region's own border effects stay
        // outside what is shown.
        const int margin = int(mProbe.kernelSize);
        const QRect crop = region.adjusted(-margin, -margin, margin, margin).intersected(bounds);
        for (const QString& key : keys) {
            Request r = request(key);
            r.views = 1; // a preview: the network's one view is enough
            auto part = std::make_shared<const engine::Image>(copyRegion(*mInput, crop));
            mJobs[previewKey(key)] = mWorker->submit(
                previewKey(key), [r, part, crop, region](const engine::Progress& progress) {
                    QVariantMap out = runMethod(r, *part, false, progress);
                    out["image"] = QVariant::fromValue(copyRegion(
                        out["image"].value<engine::Image>(), region.translated(-crop.topLeft())));
                    out["region"] = region;
                    return QVariant(out);
                });
        }
    }
    // A network whose model averages several views shows one view first; its average comes
    // after the classical methods, so that they are not kept waiting for it.
    QStringList last;
    for (const QString& key : keys) {
        if (quickWanted(key)) {
            submitQuick(key);
            last.push_back(key);
        }
    }
    for (const QString& key : keys)
        if (!last.contains(key))
            submitMethod(key);
    for (const QString& key : last)
        submitMethod(key);
}

bool ComparisonRunner::quickWanted(const QString& key) const
{
    // Unknown (0) until the model has deblurred once: then a quick pass costs one view.
    return isNetwork(key) && viewsShown() != 1 && !(mStored && mStored(key));
}

int ComparisonRunner::viewsShown() const
{
    if (mSettings.networkViews == 1)
        return 1;
    if (mModelViews == 0)
        return 0; // the model has not said yet
    if (!mModelAware)
        return 1; // the paper's network runs one view whatever is asked
    return mSettings.networkViews > 0 ? mSettings.networkViews : mModelViews;
}

void ComparisonRunner::submitQuick(const QString& key)
{
    Request r = request(key);
    r.views = 1;
    mJobs[quickKey(key)] = mWorker->submit(quickKey(key), [r](const engine::Progress& progress) {
        return QVariant(runMethod(r, *r.input, true, progress)); // shares the cached encoding
    });
}

const MethodResult* ComparisonRunner::result(const QString& key) const
{
    auto it = mResults.constFind(key);
    return it == mResults.constEnd() ? nullptr : &*it;
}

void ComparisonRunner::submitKernel()
{
    const Request r = request(kernelJob);
    mJobs[kernelJob] = mWorker->submit(kernelJob, [r](const engine::Progress&) {
        return QVariant::fromValue(
            r.shared->kernelFor(r.probe, r.probeGeneration, r.defocus, r.pixel));
    });
}

/// Runs the method of `r` on `image`: the whole input (the network uses and keeps the
/// encoder's output; PSNR/SSIM against the ground truth) or a region of it (a preview).
QVariantMap ComparisonRunner::runMethod(
    const Request& r, const engine::Image& image, bool whole, const engine::Progress& progress)
{
    const engine::Image& kernel
        = r.shared->kernelFor(r.probe, r.probeGeneration, r.defocus, r.pixel);
    QVariantMap out;
    engine::Image result;
    if (r.key == "wiener") {
        engine::Wiener wiener(r.settings.wiener);
        result = wiener.run(image, kernel, progress);
        out["parameters"] = tr("\u03bb %1%2")
                                .arg(number(wiener.report().parameter.at(0)))
                                .arg(r.settings.wiener.nsr < 0 ? tr(" (UPRE)") : QString());
    } else if (r.key == "rl") {
        engine::RichardsonLucy rl(r.settings.rl);
        result = rl.run(image, kernel, progress);
        out["parameters"]
            = tr("%1 iterations%2, TV %3")
                  .arg(rl.report().parameter.at(0))
                  .arg(r.settings.rl.iterations == 0 ? tr(" (automatic stop)") : QString())
                  .arg(r.settings.rl.tv < 0 ? tr("auto") : number(r.settings.rl.tv));
    } else if (r.key == "hl") {
        engine::HyperLaplacian hl(r.settings.hl);
        result = hl.run(image, kernel, progress);
        out["parameters"] = tr("\u03b1 %1, \u03bb %2")
                                .arg(number(r.settings.hl.alpha))
                                .arg(number(hl.report().parameter.at(0)));
    } else {
        // The network: the model stays loaded and the encoder's output of this image
        // is kept, so a new defocus runs only the deformer and the decoder.
        const auto path = r.settings.modelPath.isEmpty()
            ? engine::defaultModelPath()
            : std::optional<std::filesystem::path>(r.settings.modelPath.toStdString());
        if (!path)
            throw engine::InvalidArgument(
                tr("No model file: the default model was not found. Choose one in the "
                   "method settings, or train one in the Training panel.")
                    .toStdString());
        if (!r.shared->model || r.shared->modelPath != path->string()) {
            r.shared->model.reset();
            r.shared->model = engine::LatentModel::load(*path);
            r.shared->model->setDevice(engine::ComputeDevice::Auto);
            r.shared->modelPath = path->string();
            r.shared->encodedGeneration = 0;
        }
        // Every result names its model: the job that loaded it may have been replaced.
        QVariantList trained;
        for (double d : r.shared->model->record().defocus)
            trained.push_back(d * 1e6);
        out["modelPath"] = QString::fromStdString(r.shared->modelPath);
        out["modelName"] = QFileInfo(QString::fromStdString(r.shared->modelPath)).fileName();
        out["trained"] = trained;
        out["device"] = QString::fromStdString(r.shared->model->deviceName());
        const auto& record = r.shared->model->record();
        const double at = r.defocus;
        // The network deblurs with the kernels it was trained for; it must not be
        // shown as the deblur of a different probe. Checked once per probe and model,
        // at the model's reference defocus.
        const QString match = QStringLiteral("%1/%2/%3")
                                  .arg(r.probeGeneration)
                                  .arg(r.pixel, 0, 'g', 17)
                                  .arg(QString::fromStdString(r.shared->modelPath));
        // A kernel-aware model deconvolves with the chosen probe's own kernel (an imported
        // probe or PSF too), so only the paper's network is bound to its training probe.
        const bool aware = record.architecture == engine::Architecture::KernelAware;
        if (!aware && r.shared->matchKey != match) {
            r.shared->matchError = r.shared->modelMismatch(r.probe, r.pixel);
            r.shared->matchKey = match;
        }
        if (!aware && !r.shared->matchError.empty())
            throw engine::InvalidArgument(r.shared->matchError);
        const engine::Image physics = aware ? kernel : engine::Image();
        // Views asked for in the settings; the paper's network runs one.
        const int asked = aware ? r.views : 1;
        const auto method
            = r.key == "latent" ? engine::LatentMethod::Latent : engine::LatentMethod::NoDeform;
        if (whole) {
            if (r.shared->encodedGeneration != r.inputGeneration) {
                r.shared->encoded = r.shared->model->encode(image, progress);
                r.shared->encodedGeneration = r.inputGeneration;
            }
            result
                = r.shared->model->decode(r.shared->encoded, at, method, progress, physics, asked);
        } else { // a region: its own encoding, the whole image's stays cached
            result = r.shared->model->deblur(image, at, method, progress, physics, asked);
        }
        const int views = asked > 0 ? asked : record.ensembleViews;
        out["views"] = views;
        out["modelViews"] = record.ensembleViews;
        out["aware"] = aware;
        const QString model = QFileInfo(QString::fromStdString(r.shared->modelPath)).fileName();
        const QString device = QString::fromStdString(r.shared->model->deviceName());
        if (r.key == "latent")
            out["parameters"] = views > 1
                ? tr("%1 \u00b5m, %2, %3, average of %4 views")
                      .arg(number(at * 1e6))
                      .arg(model, device)
                      .arg(views)
                : tr("%1 \u00b5m, %2, %3").arg(number(at * 1e6)).arg(model, device);
        else
            out["parameters"] = views > 1
                ? tr("reference kernel %1 \u00b5m only, %2, average of %3 views")
                      .arg(number(record.referenceDefocus * 1e6))
                      .arg(model)
                      .arg(views)
                : tr("reference kernel %1 \u00b5m only, %2")
                      .arg(number(record.referenceDefocus * 1e6))
                      .arg(model);
    }
    if (whole && r.truth) {
        const auto [psnr, ssim] = quality(result.values(), *r.truth);
        out["psnr"] = psnr;
        out["ssim"] = ssim;
    }
    out["image"] = QVariant::fromValue(std::move(result));
    return out;
}

ComparisonRunner::Request ComparisonRunner::request(const QString& key) const
{
    return { key, mShared, mInput, mTruth, mProbe, mProbeGeneration, mInputGeneration, mDefocus,
        mPixelSize, mSettings, mSettings.networkViews };
}

QString ComparisonRunner::contextKey() const
{
    return QStringLiteral("%1/%2/%3/%4")
        .arg(mProbeGeneration)
        .arg(mSettingsGeneration)
        .arg(mProbe.fixedKernel() ? 0.0 : mDefocus, 0, 'g', 17)
        .arg(mPixelSize, 0, 'g', 17);
}

void ComparisonRunner::deblurStack(std::shared_ptr<const engine::Image> stack,
    std::vector<std::size_t> planes, QStringList methods, std::shared_ptr<StackResults> store)
{
    stopStack();
    store->context = contextKey();
    // A request per method, with the current settings: the same as the comparison's.
    std::vector<Request> requests;
    for (const QString& key : methods)
        requests.push_back(request(key));
    mStackJob = mWorker->submit(QStringLiteral("stack"),
        [stack, planes, requests, store](const engine::Progress& progress) {
            const int total = int(planes.size() * requests.size());
            int done = 0;
            // The methods' own iterations are not the stack's progress: they get the
            // cancel flag only.
            engine::Progress inner;
            inner.cancel = progress.cancel;
            for (std::size_t p : planes) {
                const engine::Image plane = stack->extractPlane(p);
                for (const Request& r : requests) {
                    progress.throwIfCancelled();
                    const QVariantMap out = runMethod(r, plane, false, inner);
                    store->add(r.key, p, out["image"].value<engine::Image>(),
                        out["parameters"].toString());
                    ++done;
                    if (progress.onIteration)
                        progress.onIteration({ p, stack->planeCount(), done, total, 0.0 });
                }
                // The engine keeps freed memory for speed (tuneRuntime: a 1 GB trim
                // threshold); over a long stack that would look like growth, so each plane
                // hands what it freed back to the system.
                malloc_trim(0);
            }
            return QVariant(done);
        });
}

void ComparisonRunner::stopStack()
{
    if (mStackJob)
        mWorker->cancel(QStringLiteral("stack"));
}

void ComparisonRunner::submitMethod(const QString& key)
{
    if (mStored) { // a stack run already computed this plane with these settings
        if (auto stored = mStored(key)) {
            mWorker->cancel(jobKey(key));
            mWorker->cancel(previewKey(key));
            mJobs.remove(jobKey(key));
            mJobs.remove(previewKey(key));
            mResults[key] = std::move(*stored);
            QMetaObject::invokeMethod(
                this,
                [this, key] {
                    if (mResults.contains(key))
                        emit methodFinished(key);
                    checkIdle();
                },
                Qt::QueuedConnection);
            return;
        }
    }
    const Request r = request(key);
    emit methodStarted(key);
    mJobs[jobKey(key)] = mWorker->submit(jobKey(key), [r](const engine::Progress& progress) {
        return QVariant(runMethod(r, *r.input, true, progress));
    });
}

void ComparisonRunner::onFinished(
    const QString& key, quint64 id, const QVariant& result, double seconds)
{
    if (key == QStringLiteral("stack")) {
        if (id == mStackJob) {
            mStackJob = 0;
            emit stackFinished(false, QString());
        }
        return;
    }
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
    if (out.contains("modelViews")) {
        mModelViews = out["modelViews"].toInt();
        mModelAware = out["aware"].toBool();
    }
    if (key.startsWith(QStringLiteral("preview:"))) {
        emit methodPreview(method, out["region"].toRect(), out["image"].value<engine::Image>(), 0);
        checkIdle();
        return;
    }
    if (key.startsWith(QStringLiteral("quick:"))) {
        const auto image = out["image"].value<engine::Image>();
        // With one view the result that follows is the same: nothing to show early.
        if (viewsShown() > 1 && mInput && image.width() == mInput->width()
            && image.height() == mInput->height() && image.allFinite())
            emit methodPreview(
                method, QRect(0, 0, int(image.width()), int(image.height())), image, viewsShown());
        checkIdle();
        return;
    }
    if (out.contains("trained") && out["modelPath"].toString() != mAnnouncedModel) {
        mAnnouncedModel = out["modelPath"].toString();
        QList<double> trained;
        for (const QVariant& v : out["trained"].toList())
            trained.push_back(v.toDouble());
        emit modelLoaded(out["modelName"].toString(), trained, out["device"].toString());
    }
    MethodResult r;
    r.image = out["image"].value<engine::Image>();
    // What is shown is what is exported: a result of another size than the plane, or one
    // holding NaN or infinity, is a failure and never a panel.
    const auto bad = std::count_if(r.image.values().begin(), r.image.values().end(),
        [](float v) { return !std::isfinite(v); });
    if (!mInput || r.image.width() != mInput->width() || r.image.height() != mInput->height()
        || r.image.planeCount() != 1 || bad > 0) {
        mResults.remove(method);
        emit methodFailed(method,
            bad > 0
                ? tr("The result holds %n non-finite value(s), so it is not shown.", "", int(bad))
                : tr("The result has another size than the image, so it is not shown."));
        checkIdle();
        return;
    }
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
    if (key == QStringLiteral("stack")) {
        if (id == mStackJob) {
            mStackJob = 0;
            emit stackFinished(false, message);
        }
        return;
    }
    if (mJobs.value(key) != id)
        return;
    mJobs.remove(key);
    if (key.startsWith(QStringLiteral("preview:")) || key.startsWith(QStringLiteral("quick:"))) {
        checkIdle(); // the whole image's job reports the failure
        return;
    }
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
    if (key == QStringLiteral("stack")) {
        if (id == mStackJob) {
            mStackJob = 0;
            emit stackFinished(true, QString());
        }
        return;
    }
    if (mJobs.value(key) != id)
        return; // replaced: the newer job is what counts
    mJobs.remove(key);
    checkIdle();
}

void ComparisonRunner::onProgress(const QString& key, quint64 id, int iteration, int iterations,
    std::size_t plane, std::size_t planes)
{
    if (key == QStringLiteral("stack")) {
        if (id == mStackJob)
            emit stackProgress(iteration, iterations);
        return;
    }
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
