#pragma once

#include "app/gui/comparisonrunner.h"
#include "engine/core/image.h"

#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QTabWidget;

namespace latentlens::widgets {
class CausticView;
class VolumeView;
} // namespace latentlens::widgets

namespace latentlens::app {

class JobWorker;
class ProbePanel;

/// The "3-D" dock: the current stack as a volume (and a method's result stack beside it,
/// one camera for both), and the probe's caustic around focus with the current defocus as
/// a plane. The VTK views are made when the dock is first shown, and the data they show is
/// prepared on the studio's JobWorker (key "volume" and "caustic"), only while the dock is
/// visible; the views themselves take it ready (widgets/volumeview.h).
class VolumeDock : public QWidget
{
    Q_OBJECT

public:
    VolumeDock(JobWorker* worker, ProbePanel* probe, QWidget* parent = nullptr);
    ~VolumeDock() override;

    /// The stack to show (channel 0, frame 0 of each z). A single plane shows a note.
    void setStack(const engine::Image& image);
    /// A method's result for the whole stack (same shape as the stack); an empty image
    /// removes it.
    void setResult(const engine::Image& image);
    /// The contrast of the volumes (the 2-D panels' display range); by default both follow
    /// the stack's 0.1-99.9 percentiles, as the 2-D panels' auto contrast does.
    void setContrast(double low, double high);

    widgets::VolumeView* volumeView() const { return mVolume; }
    widgets::VolumeView* resultView() const { return mResult; }
    widgets::CausticView* causticView() const { return mCaustic; }
    /// Whether the views have been made (the dock was shown once).
    bool viewsCreated() const { return mVolume != nullptr; }

    /// The defocus values (metres) the caustic is computed at for the defocus slider's range
    /// [minimum, maximum] in µm: 41 planes from -m to m, m the larger end (at least 1 µm),
    /// so that focus lies in the middle.
    static std::vector<double> causticDefocus(double minimumMicrons, double maximumMicrons);

signals:
    /// A caustic finished and is shown (tests, screenshots).
    void causticShown();
    /// A stack finished preparing and is shown.
    void volumeShown();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void createViews();
    void requestVolume();
    void requestResult();
    void requestCaustic();
    void onFinished(const QString& key, quint64 id, const QVariant& result, double seconds);
    void onFailed(const QString& key, quint64 id, const QString& message);

    JobWorker* mWorker;
    ProbePanel* mProbe;
    QTabWidget* mTabs = nullptr;
    widgets::VolumeView* mVolume = nullptr;
    widgets::VolumeView* mResult = nullptr;
    widgets::CausticView* mCaustic = nullptr;
    QLabel* mVolumeNote = nullptr;
    QLabel* mCausticNote = nullptr;
    std::shared_ptr<const engine::Image> mStack;
    std::shared_ptr<const engine::Image> mResultStack;
    bool mStackDirty = false;
    bool mResultDirty = false;
    bool mCausticDirty = true;
    bool mUserContrast = false;
    double mLow = 0.0;
    double mHigh = 1.0;
    quint64 mVolumeJob = 0;
    quint64 mResultJob = 0;
    quint64 mCausticJob = 0;
    std::vector<double> mCausticDefocus; // µm, of the caustic being computed
};

} // namespace latentlens::app
