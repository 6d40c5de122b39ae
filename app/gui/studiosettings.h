#pragma once

#include <QString>

class QMainWindow;

namespace latentlens::widgets {
class ComparisonGrid;
} // namespace latentlens::widgets

namespace latentlens::app {

class MethodPanel;
class ProbePanel;
class TrainingPanel;

/// What the studio keeps between sessions (QSettings): the window's geometry and docks, the
/// probe, the method settings, the grid's colours, contrast and panels, and the training
/// panel's data and output. Stored values that are no longer valid give way to defaults.
class StudioSettings
{
public:
    /// The grid's panel `truthKey` is shown by the studio, not by the stored settings.
    StudioSettings(QMainWindow* window, ProbePanel* probe, MethodPanel* methods,
        widgets::ComparisonGrid* grid, TrainingPanel* training, QString truthKey);

    void restore() const;
    void save() const;

private:
    QMainWindow* mWindow;
    ProbePanel* mProbe;
    MethodPanel* mMethods;
    widgets::ComparisonGrid* mGrid;
    TrainingPanel* mTraining;
    QString mTruthKey;
};

} // namespace latentlens::app
