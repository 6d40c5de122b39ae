#pragma once

#include "widgets/volumeview.h" // VolumeData

#include <memory>
#include <vector>

namespace latentlens::widgets {

/// The probe's caustic: its intensity over a range of defocus around focus, shown as a
/// volume (defocus along the long axis), with the current defocus drawn as a semi-transparent
/// plane. The intensity is shown on a logarithmic scale (four decades below the peak) so
/// that the converging and diverging cone is visible, not only the focus.
///
/// The planes are computed elsewhere (engine::causticStack, on a worker); this view only
/// displays them. Moving the plane (setCurrentDefocus) recomputes nothing.
class CausticView : public VtkOpenGLView
{
    Q_OBJECT

public:
    explicit CausticView(QWidget* parent = nullptr, OpenGL mode = OpenGL::Probe);
    ~CausticView() override;

    /// Shows the intensity planes in `planes` (depth = one plane per value of
    /// `defocusMicrons`, which ascend and are evenly spaced). The defocus axis is drawn twice
    /// as long as the planes are wide: the true aspect (nanometres across, micrometres
    /// along) would be a needle. Clears the view when the sizes disagree.
    void setCaustic(const VolumeData& planes, std::vector<double> defocusMicrons);
    void clear();
    bool hasCaustic() const { return !mDefocus.empty(); }

    /// Moves the plane to `micrometres` (clamped to the computed range).
    void setCurrentDefocus(double micrometres);
    double currentDefocus() const { return mCurrent; }

    void resetCamera();

private:
    void placePlane();

    struct Scene;
    std::unique_ptr<Scene> mScene;
    std::vector<double> mDefocus;
    double mCurrent = 0.0;
};

} // namespace latentlens::widgets
