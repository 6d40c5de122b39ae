#pragma once

#include "app/gui/metatypes.h"

#include "engine/core/image.h"
#include "engine/deconv/hyperlaplacian.h"
#include "engine/deconv/richardsonlucy.h"
#include "engine/deconv/wiener.h"
#include "engine/probe/probe.h"
#include "engine/probe/probeimport.h"

#include <QHash>
#include <QObject>
#include <QRect>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <utility>

namespace latentlens::app {

class JobWorker;
class StackResults;

/// The probe the studio deblurs with: the simulated zone plate, or a probe file.
struct ProbeSettings
{
    enum class Source { Simulated, Imported };
    Source source = Source::Simulated;
    engine::ZonePlateOptics optics;
    std::size_t kernelSize = 64;
    double supportFraction = 0.35;
    /// Set when source is Imported.
    std::shared_ptr<const engine::ImportedProbe> imported;
    QString importedPath;

    /// An intensity PSF (a bead image) cannot be propagated: the defocus does not apply.
    bool fixedKernel() const
    {
        return source == Source::Imported && imported && !imported->isComplex;
    }
};

/// What every method runs with (the method-settings panel).
struct MethodSettings
{
    engine::WienerOptions wiener;
    engine::RichardsonLucyOptions rl;
    engine::HyperLaplacianOptions hl;
    QString modelPath; ///< empty: the default model (engine::defaultModelPath)
    /// Views of each tile the kernel-aware network averages (1, 2, 4 or 8); 0: the model's
    /// own count (ModelRecord::ensembleViews). The paper's network always runs one.
    int networkViews = 0;
};

/// One method's latest result.
struct MethodResult
{
    engine::Image image;
    QString parameters; ///< e.g. "NSR 0.0123 (UPRE)"
    double seconds = 0.0;
    double defocus = 0.0; ///< metres, as requested
    double psnr = std::numeric_limits<double>::quiet_NaN(); ///< dB, with a ground truth
    double ssim = std::numeric_limits<double>::quiet_NaN();
};

/// Runs every deblurring method on the studio's current plane, on the window's JobWorker.
///
/// Each method is a job of its own key, so a new request (defocus, probe, settings, image)
/// replaces its stale job and the last request is what is shown. The probe's kernel is
/// computed once per defocus and shared by the methods; the network keeps its model and the
/// encoder's output of the current image, so a defocus change reruns only the deformer and
/// the decoder. Results, progress and failures come back as signals on the GUI thread.
class ComparisonRunner : public QObject
{
    Q_OBJECT

public:
    /// "latent", "nodeform", "wiener", "rl", "hl" in display order.
    static QStringList methodKeys();
    /// The method's name as the user sees it (translated).
    static QString methodName(const QString& key);
    /// The kernel of `probe` at `defocus` (metres; ignored for a measured PSF) for an image
    /// of `pixelSize` metres (0: the probe's own sampling). Throws as the engine does.
    static engine::Image kernelOf(const ProbeSettings& probe, double defocus, double pixelSize);
    /// PSNR and SSIM (NaN for planes under 11 pixels a side) of `values` against `truth`,
    /// with the ground truth's range as data range. Throws InvalidArgument for NaN.
    static std::pair<double, double> quality(
        std::span<const float> values, const engine::Image& truth);

    ComparisonRunner(JobWorker* worker, QObject* parent = nullptr);
    ~ComparisonRunner() override;

    /// The plane to deblur, its ground truth when known (same size), and the image's pixel
    /// size in metres (0: unknown, the kernel keeps the probe's sampling). Reruns all.
    void setInput(engine::Image plane, std::optional<engine::Image> truth, double pixelSize);
    bool hasInput() const { return bool(mInput); }
    const engine::Image* truth() const { return mTruth.get(); }
    void setDefocus(double metres);
    double defocus() const { return mDefocus; }
    void setProbe(const ProbeSettings& probe);
    const ProbeSettings& probe() const { return mProbe; }
    /// Reruns the methods whose settings changed.
    void setMethodSettings(const MethodSettings& settings);
    const MethodSettings& methodSettings() const { return mSettings; }
    /// The part of the image the user sees (image pixels). On images above
    /// previewThreshold pixels, when it is less than 70% of the image, every request first
    /// deblurs this region (plus a kernel-wide margin) as a preview, then the whole image.
    void setViewRegionProvider(std::function<QRect()> provider) { mRegion = std::move(provider); }
    static constexpr std::size_t previewThreshold = 1024 * 1024;
    /// Methods to compute (hidden panels are not); adding one computes it.
    void setEnabledMethods(const QStringList& keys);
    QStringList enabledMethods() const { return mEnabled; }

    /// Submits the kernel and every enabled method for the current state.
    void recomputeAll();
    void recompute(const QString& key);
    void cancel(const QString& key);
    void cancelAll();
    /// True while a method's job (or the kernel's) waits or runs.
    bool busy() const;
    /// True while the method's job waits or runs.
    bool running(const QString& key) const;

    /// The latest result of `key`, or null.
    const MethodResult* result(const QString& key) const;

    /// The whole-stack deblur: `methods` on every listed plane of `stack`, with the current
    /// probe, defocus, pixel size and settings, as one job on the worker (the network keeps
    /// its model). Each finished plane goes into `store` at once, so a Stop keeps it; one
    /// plane of one method gives exactly what the comparison shows for that plane.
    /// stackProgress and stackFinished report. A plane or probe change does not stop it.
    void deblurStack(std::shared_ptr<const engine::Image> stack, std::vector<std::size_t> planes,
        QStringList methods, std::shared_ptr<StackResults> store);
    void stopStack();
    bool stackRunning() const { return mStackJob != 0; }
    /// Results a stack run already holds for the plane being shown: looked up before a
    /// method is computed, and shown instead when found.
    void setStoredResults(std::function<std::optional<MethodResult>(const QString& key)> lookup)
    {
        mStored = std::move(lookup);
    }
    /// Changes with the probe, defocus, pixel size and method settings: a stack run's
    /// results stand for the comparison only while it is the same.
    QString contextKey() const;
    /// The kernel at the current defocus (empty until computed).
    const engine::Image& kernel() const { return mKernel; }

signals:
    void kernelReady(const latentlens::engine::Image& kernel, double defocus);
    void kernelFailed(const QString& message);
    void methodStarted(const QString& key);
    /// A preview: `values` is the method's result on `region` of the image only, or (with
    /// `views` > 1) the network's one-view result on the whole image while the average of
    /// its model's `views` views, the result, is computed.
    void methodPreview(const QString& key, const QRect& region,
        const latentlens::engine::Image& values, int views);
    void methodProgress(const QString& key, int percent);
    /// result(key) holds it.
    void methodFinished(const QString& key);
    void methodFailed(const QString& key, const QString& message);
    /// A model was loaded for the network methods: its trained defocus values in µm.
    void modelLoaded(
        const QString& name, const QList<double>& trainedMicrometres, const QString& device);
    /// Nothing waits or runs any more.
    void idle();
    /// The stack run: `done` of `total` plane-method results, the plane and method last done.
    void stackProgress(int done, int total);
    /// The stack run ended: completed, stopped (the finished planes are kept), or failed
    /// with `error`.
    void stackFinished(bool stopped, const QString& error);

private:
    struct Shared;
    struct Request;
    Request request(const QString& key) const;
    static QVariantMap runMethod(
        const Request& r, const engine::Image& image, bool whole, const engine::Progress& progress);
    void submitKernel();
    void submitMethod(const QString& key);
    /// Previews of the visible region for `keys` first (when wanted), then the whole image;
    /// a network whose model averages several views gets a one-view pass before the others
    /// and its average after them.
    void submitMethods(const QStringList& keys);
    bool quickWanted(const QString& key) const;
    /// The views the network's result averages with the current settings; 0: not known.
    int viewsShown() const;
    void submitQuick(const QString& key);
    bool previewWanted() const;
    void onFinished(const QString& jobKey, quint64 id, const QVariant& result, double seconds);
    void onFailed(const QString& jobKey, quint64 id, const QString& message);
    void onCancelled(const QString& jobKey, quint64 id);
    void onProgress(const QString& jobKey, quint64 id, int iteration, int iterations,
        std::size_t plane, std::size_t planes);
    void checkIdle();

    JobWorker* mWorker;
    std::shared_ptr<Shared> mShared; ///< caches used on the worker thread only
    std::shared_ptr<const engine::Image> mInput;
    std::shared_ptr<const engine::Image> mTruth;
    quint64 mInputGeneration = 0;
    double mPixelSize = 0.0;
    double mDefocus = 7e-6;
    ProbeSettings mProbe;
    quint64 mProbeGeneration = 1;
    quint64 mSettingsGeneration = 1;
    quint64 mStackJob = 0;
    std::function<std::optional<MethodResult>(const QString& key)> mStored;
    MethodSettings mSettings;
    QStringList mEnabled;
    QHash<QString, quint64> mJobs; ///< job key -> id of its latest job while it waits or runs
    QHash<QString, MethodResult> mResults;
    engine::Image mKernel;
    QString mAnnouncedModel; ///< the model modelLoaded last named
    int mModelViews = 0; ///< the network model's ensemble views; 0: not known yet
    bool mModelAware = false; ///< the network model is kernel-aware (known with mModelViews)
    std::function<QRect()> mRegion;
};

} // namespace latentlens::app
