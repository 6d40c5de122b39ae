#include "app/gui/volumedock.h"

#include "app/gui/jobworker.h"
#include "app/gui/probepanel.h"
#include "engine/probe/caustic.h"
#include "widgets/causticview.h"
#include "widgets/defocuscontrol.h"
#include "widgets/volumeview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace latentlens::app {

/// A stack made ready for a VolumeView on the worker: one channel, z planes in order.
struct PreparedVolume
{
    std::vector<float> values;
    widgets::VolumeData data;
    double low = 0.0; // 0.1 and 99.9 percentiles
    double high = 1.0;
};

} // namespace latentlens::app

Q_DECLARE_METATYPE(std::shared_ptr<const latentlens::app::PreparedVolume>)

namespace latentlens::app {

namespace {

constexpr int causticPlanes = 41;
constexpr std::size_t causticCrop = 128;

std::shared_ptr<const PreparedVolume> prepare(
    const engine::Image& image, const engine::Progress& progress)
{
    auto out = std::make_shared<PreparedVolume>();
    const std::size_t planeSize = image.planeSize();
    out->values.resize(planeSize * image.depth());
    for (std::size_t z = 0; z < image.depth(); ++z) {
        progress.throwIfCancelled();
        const auto plane = image.plane(image.planeIndex(0, z, 0));
        std::copy(plane.begin(), plane.end(), out->values.begin() + std::ptrdiff_t(z * planeSize));
    }
    std::vector<float> finite;
    finite.reserve(out->values.size());
    for (float v : out->values)
        if (std::isfinite(v))
            finite.push_back(v);
    if (!finite.empty()) {
        const auto at = [&finite](double fraction) {
            auto nth = finite.begin()
                + std::ptrdiff_t(std::clamp(fraction, 0.0, 1.0) * double(finite.size() - 1));
            std::nth_element(finite.begin(), nth, finite.end());
            return double(*nth);
        };
        out->low = at(0.001);
        out->high = at(0.999);
        if (!(out->high > out->low))
            out->high = out->low + 1.0;
    }
    const auto& spacing = image.spacing();
    out->data = { out->values.data(), int(image.width()), int(image.height()), int(image.depth()),
        spacing.x, spacing.y, spacing.z };
    return out;
}

} // namespace

VolumeDock::VolumeDock(JobWorker* worker, ProbePanel* probe, QWidget* parent)
    : QWidget(parent), mWorker(worker), mProbe(probe)
{
    qRegisterMetaType<std::shared_ptr<const PreparedVolume>>();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    mTabs = new QTabWidget(this);
    mTabs->setObjectName("volumeTabs");
    layout->addWidget(mTabs);

    connect(mWorker, &JobWorker::finished, this, &VolumeDock::onFinished);
    connect(mWorker, &JobWorker::failed, this, &VolumeDock::onFailed);
    connect(mProbe, &ProbePanel::settingsChanged, this, [this] {
        mCausticDirty = true;
        requestCaustic();
    });
    connect(mProbe->defocusControl(), &widgets::DefocusControl::valueChanged, this,
        [this](double micrometres) {
            if (mCaustic)
                mCaustic->setCurrentDefocus(micrometres);
        });
    connect(mTabs, &QTabWidget::currentChanged, this, [this] {
        requestVolume();
        requestResult();
        requestCaustic();
    });
}

VolumeDock::~VolumeDock() = default;

void VolumeDock::createViews()
{
    if (mVolume)
        return;
    // What arrived while there were no views is shown now (adding the first tab already
    // asks for it).
    mStackDirty = mStack != nullptr;
    mResultDirty = mResultStack != nullptr;
    auto* volumePage = new QWidget;
    auto* volumeLayout = new QVBoxLayout(volumePage);
    volumeLayout->setContentsMargins(0, 0, 0, 0);
    mVolumeNote = new QLabel(tr("Open a stack (two or more z planes) to see it in 3-D."));
    mVolumeNote->setWordWrap(true);
    volumeLayout->addWidget(mVolumeNote);
    auto* row = new QHBoxLayout;
    mVolume = new widgets::VolumeView;
    mVolume->setObjectName("stackVolumeView");
    mVolume->setToolTip(tr("The stack: drag to turn, right-drag or wheel to zoom, "
                           "middle-drag to move"));
    mResult = new widgets::VolumeView;
    mResult->setObjectName("resultVolumeView");
    mResult->setToolTip(tr("The method's result for the whole stack, seen by the same camera"));
    mResult->linkCamera(mVolume);
    mResult->hide();
    row->addWidget(mVolume, 1);
    row->addWidget(mResult, 1);
    volumeLayout->addLayout(row, 1);
    mTabs->addTab(volumePage, tr("Volume"));

    auto* causticPage = new QWidget;
    auto* causticLayout = new QVBoxLayout(causticPage);
    causticLayout->setContentsMargins(0, 0, 0, 0);
    mCausticNote = new QLabel;
    mCausticNote->setWordWrap(true);
    causticLayout->addWidget(mCausticNote);
    mCaustic = new widgets::CausticView;
    mCaustic->setObjectName("causticView");
    mCaustic->setToolTip(tr("The probe's intensity (log scale) along the beam over the defocus "
                            "slider's range; the blue plane is the current defocus"));
    causticLayout->addWidget(mCaustic, 1);
    mTabs->addTab(causticPage, tr("Caustic"));
}

void VolumeDock::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    createViews();
    requestVolume();
    requestResult();
    requestCaustic();
}

void VolumeDock::setStack(const engine::Image& image)
{
    mStack = std::make_shared<const engine::Image>(image);
    mStackDirty = true;
    if (!mUserContrast)
        mLow = mHigh = 0.0; // from the stack's percentiles once prepared
    requestVolume();
}

void VolumeDock::setResult(const engine::Image& image)
{
    mResultStack = image.empty() ? nullptr : std::make_shared<const engine::Image>(image);
    mResultDirty = true;
    requestResult();
}

void VolumeDock::setContrast(double low, double high)
{
    if (!(high > low))
        return;
    mUserContrast = true;
    mLow = low;
    mHigh = high;
    if (mVolume) {
        mVolume->setContrast(low, high);
        mResult->setContrast(low, high);
    }
}

std::vector<double> VolumeDock::causticDefocus(double minimumMicrons, double maximumMicrons)
{
    // Around focus, both sides: the slider usually spans one side only (0.1 to 15 µm).
    const double reach = std::max({ std::abs(minimumMicrons), std::abs(maximumMicrons), 1.0 });
    std::vector<double> metres(causticPlanes);
    for (int i = 0; i < causticPlanes; ++i)
        metres[std::size_t(i)] = 1e-6 * reach * (2.0 * i / (causticPlanes - 1) - 1.0);
    return metres;
}

void VolumeDock::requestVolume()
{
    if (!mVolume || !isVisible() || !mStackDirty || mTabs->currentIndex() != 0)
        return;
    mStackDirty = false;
    if (!mStack || mStack->depth() < 2) {
        mVolume->clear();
        mVolumeNote->setText(mStack ? tr("This image has a single z plane: open a stack to see it "
                                         "in 3-D.")
                                    : tr("Open a stack (two or more z planes) to see it in 3-D."));
        mVolumeNote->show();
        return;
    }
    mVolumeNote->setText(tr("Preparing the volume\u2026"));
    mVolumeNote->show();
    auto stack = mStack;
    mVolumeJob = mWorker->submit("volume", [stack](const engine::Progress& progress) {
        return QVariant::fromValue(prepare(*stack, progress));
    });
}

void VolumeDock::requestResult()
{
    if (!mResult || !isVisible() || !mResultDirty || mTabs->currentIndex() != 0)
        return;
    mResultDirty = false;
    if (!mResultStack || mResultStack->depth() < 2) {
        mResult->clear();
        mResult->hide();
        return;
    }
    auto stack = mResultStack;
    mResultJob = mWorker->submit("volume-result", [stack](const engine::Progress& progress) {
        return QVariant::fromValue(prepare(*stack, progress));
    });
}

void VolumeDock::requestCaustic()
{
    if (!mCaustic || !isVisible() || !mCausticDirty || mTabs->currentIndex() != 1)
        return;
    mCausticDirty = false;
    if (!mCaustic->usable())
        return;
    const ProbeSettings settings = mProbe->settings();
    if (settings.source != ProbeSettings::Source::Simulated) {
        mCaustic->clear();
        mCausticNote->setText(tr("The caustic is drawn for the simulated zone plate; choose "
                                 "\"Simulated zone plate\" in the Probe panel."));
        mCausticNote->show();
        return;
    }
    const auto* defocus = mProbe->defocusControl();
    const std::vector<double> metres = causticDefocus(defocus->minimum(), defocus->maximum());
    mCausticDefocus.clear();
    for (double d : metres)
        mCausticDefocus.push_back(d * 1e6);
    const engine::ZonePlateOptics optics = settings.optics;
    const std::size_t crop = std::min(causticCrop, optics.gridSize);
    mCausticNote->setText(tr("Computing the caustic (%1 planes)\u2026").arg(metres.size()));
    mCausticNote->show();
    mCausticJob = mWorker->submit("caustic", [optics, metres, crop](const engine::Progress&) {
        return QVariant::fromValue(engine::causticStack(optics, metres, crop));
    });
}

void VolumeDock::onFinished(const QString& key, quint64 id, const QVariant& result, double)
{
    if (key == "volume" && id == mVolumeJob && mVolume) {
        const auto prepared = result.value<std::shared_ptr<const PreparedVolume>>();
        if (!mUserContrast) {
            mLow = prepared->low;
            mHigh = prepared->high;
        }
        mVolume->setVolume(prepared->data);
        mVolume->setContrast(mLow, mHigh);
        mResult->setContrast(mLow, mHigh);
        mVolumeNote->hide();
        emit volumeShown();
    } else if (key == "volume-result" && id == mResultJob && mResult) {
        const auto prepared = result.value<std::shared_ptr<const PreparedVolume>>();
        mResult->setVolume(prepared->data);
        mResult->setContrast(mLow, mHigh);
        mResult->show();
    } else if (key == "caustic" && id == mCausticJob && mCaustic) {
        const auto stack = result.value<engine::Image>();
        mCaustic->setCaustic({ stack.data(), int(stack.width()), int(stack.height()),
                                 int(stack.depth()), 1.0, 1.0, 1.0 },
            mCausticDefocus);
        mCaustic->setCurrentDefocus(mProbe->defocusControl()->value());
        mCausticNote->hide();
        emit causticShown();
    }
}

void VolumeDock::onFailed(const QString& key, quint64 id, const QString& message)
{
    if (key == "caustic" && id == mCausticJob && mCausticNote) {
        mCausticNote->setText(tr("The caustic could not be computed: %1").arg(message));
        mCausticNote->show();
    } else if ((key == "volume" && id == mVolumeJob) && mVolumeNote) {
        mVolumeNote->setText(tr("The volume could not be prepared: %1").arg(message));
        mVolumeNote->show();
    }
}

} // namespace latentlens::app
