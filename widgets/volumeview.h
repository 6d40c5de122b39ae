#pragma once

#include "widgets/vtkopenglview.h"

#include <array>
#include <cstddef>
#include <memory>

namespace latentlens::widgets {

/// A float stack as the 3-D views take it (widgets/ knows no engine type): x fastest, then y,
/// then z; the values are copied. Spacing in any one unit (only the ratios matter); a
/// spacing of 0 means unknown: y then equals x, z equals x (a cube voxel), x equals 1.
struct VolumeData
{
    const float* values = nullptr;
    int width = 0;
    int height = 0;
    int depth = 0;
    double spacingX = 0.0;
    double spacingY = 0.0;
    double spacingZ = 0.0;
};

/// A stack (depth >= 2) shown as a volume (GPU ray casting, or VTK's CPU ray caster where
/// the GPU one cannot run) with three orthogonal slice planes through a chosen voxel and the
/// stack's outline. The grey transfer function follows a contrast range (the 2-D panels'
/// display range). Two views can share one camera (input and result).
///
/// Building the VTK data copies the stack once; that runs on the GUI thread and takes about
/// 50 ms for 512 x 512 x 64 (docs/benchmarks.md), so callers prepare the stack on a worker
/// and hand it over ready.
class VolumeView : public VtkOpenGLView
{
    Q_OBJECT

public:
    explicit VolumeView(QWidget* parent = nullptr, OpenGL mode = OpenGL::Probe);
    ~VolumeView() override;

    /// Shows `stack` (copied). The camera is reset when the shape changes; the slices go to
    /// the centre. A stack of depth < 2 or without values clears the view.
    void setVolume(const VolumeData& stack);
    void clear();
    bool hasVolume() const;
    std::array<int, 3> dimensions() const;

    /// Values at or below `low` are black and transparent, at or above `high` white and most
    /// opaque. Ignored unless high > low.
    void setContrast(double low, double high);
    double contrastLow() const { return mLow; }
    double contrastHigh() const { return mHigh; }

    /// Puts the three slice planes through voxel (x, y, z) (clamped to the stack).
    void setSliceIndex(int x, int y, int z);
    std::array<int, 3> sliceIndex() const { return mSlice; }
    void setSlicesVisible(bool visible);
    void setVolumeVisible(bool visible);

    /// Shares `other`'s camera: both views show the same viewpoint and each repaints when the
    /// user moves the camera in the other. Linking to nullptr gives this view its own camera.
    void linkCamera(VolumeView* other);
    /// Looks at the whole stack again from the default direction.
    void resetCamera();

private:
    void applyContrast();

    struct Scene;
    std::unique_ptr<Scene> mScene;
    double mLow = 0.0;
    double mHigh = 1.0;
    std::array<int, 3> mSlice { 0, 0, 0 };
    QMetaObject::Connection mLinkConnection;
    QMetaObject::Connection mBackConnection;
};

} // namespace latentlens::widgets
