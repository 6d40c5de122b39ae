#include "widgets/volumeview.h"

#include <vtkCamera.h>
#include <vtkColorTransferFunction.h>
#include <vtkFloatArray.h>
#include <vtkImageData.h>
#include <vtkImageProperty.h>
#include <vtkImageSlice.h>
#include <vtkImageSliceMapper.h>
#include <vtkOutlineSource.h>
#include <vtkPiecewiseFunction.h>
#include <vtkPointData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>
#include <vtkSmartVolumeMapper.h>
#include <vtkVolume.h>
#include <vtkVolumeProperty.h>

#include <algorithm>
#include <cstring>

namespace latentlens::widgets {

template <class T> using Ptr = vtkSmartPointer<T>;

struct VolumeView::Scene
{
    Ptr<vtkImageData> image;
    Ptr<vtkSmartVolumeMapper> volumeMapper = Ptr<vtkSmartVolumeMapper>::New();
    Ptr<vtkVolume> volume = Ptr<vtkVolume>::New();
    Ptr<vtkColorTransferFunction> colour = Ptr<vtkColorTransferFunction>::New();
    Ptr<vtkPiecewiseFunction> opacity = Ptr<vtkPiecewiseFunction>::New();
    std::array<Ptr<vtkImageSliceMapper>, 3> sliceMappers;
    std::array<Ptr<vtkImageSlice>, 3> slices;
    Ptr<vtkOutlineSource> outline = Ptr<vtkOutlineSource>::New();
    Ptr<vtkActor> outlineActor = Ptr<vtkActor>::New();
    bool slicesVisible = true;
    bool volumeVisible = true;
};

VolumeView::VolumeView(QWidget* parent, OpenGL mode)
    : VtkOpenGLView(parent, mode), mScene(std::make_unique<Scene>())
{
    Scene& s = *mScene;
    s.volumeMapper->SetBlendModeToComposite();
    // Under software GL (Xvfb, remote desktops) the GPU ray caster may be refused; the smart
    // mapper then falls back to VTK's CPU ray caster by itself.
    s.volumeMapper->SetRequestedRenderModeToDefault();
    auto* property = s.volume->GetProperty();
    property->SetColor(s.colour);
    property->SetScalarOpacity(s.opacity);
    property->SetInterpolationTypeToLinear();
    property->ShadeOff();
    s.volume->SetMapper(s.volumeMapper);

    for (int axis = 0; axis < 3; ++axis) {
        s.sliceMappers[axis] = Ptr<vtkImageSliceMapper>::New();
        s.sliceMappers[axis]->SetOrientation(axis);
        s.slices[axis] = Ptr<vtkImageSlice>::New();
        s.slices[axis]->SetMapper(s.sliceMappers[axis]);
        s.slices[axis]->GetProperty()->SetInterpolationTypeToNearest();
        s.slices[axis]->GetProperty()->SetOpacity(0.5); // the volume shows through
    }

    auto outlineMapper = Ptr<vtkPolyDataMapper>::New();
    outlineMapper->SetInputConnection(s.outline->GetOutputPort());
    s.outlineActor->SetMapper(outlineMapper);
    s.outlineActor->GetProperty()->SetColor(0.9, 0.75, 0.3);
    applyContrast();
}

VolumeView::~VolumeView() = default;

void VolumeView::setVolume(const VolumeData& stack)
{
    if (!stack.values || stack.width < 1 || stack.height < 1 || stack.depth < 2) {
        clear();
        return;
    }
    Scene& s = *mScene;
    const std::array<int, 3> oldDims = dimensions();

    // Only the ratios of the spacings matter to the picture; x is 1 so that the numbers stay
    // near 1 whatever the unit (metres would upset the shaders' float precision).
    const double sx = stack.spacingX > 0 ? stack.spacingX : 1.0;
    const double sy = stack.spacingY > 0 ? stack.spacingY : sx;
    const double sz = stack.spacingZ > 0 ? stack.spacingZ : sx;
    auto image = Ptr<vtkImageData>::New();
    image->SetDimensions(stack.width, stack.height, stack.depth);
    image->SetSpacing(1.0, sy / sx, sz / sx);
    image->SetOrigin(0.0, 0.0, 0.0);
    image->AllocateScalars(VTK_FLOAT, 1);
    const std::size_t count
        = std::size_t(stack.width) * std::size_t(stack.height) * std::size_t(stack.depth);
    std::memcpy(image->GetScalarPointer(), stack.values, count * sizeof(float));
    image->Modified();
    s.image = image;

    s.volumeMapper->SetInputData(image);
    for (auto& mapper : s.sliceMappers)
        mapper->SetInputData(image);
    double bounds[6];
    image->GetBounds(bounds);
    s.outline->SetBounds(bounds);
    // Opacity is per unit length: make the brightest value need about a twentieth of the
    // stack's diagonal to hide what lies behind it, whatever the stack's size.
    s.volume->GetProperty()->SetScalarOpacityUnitDistance(std::max(1.0, image->GetLength() / 20.0));

    vtkRenderer* ren = renderer();
    if (!ren->HasViewProp(s.volume)) {
        ren->AddVolume(s.volume);
        for (auto& slice : s.slices)
            ren->AddViewProp(slice);
        ren->AddActor(s.outlineActor);
    }
    s.volume->SetVisibility(s.volumeVisible);
    for (auto& slice : s.slices)
        slice->SetVisibility(s.slicesVisible);

    const std::array<int, 3> dims = dimensions();
    if (dims != oldDims) {
        setSliceIndex(dims[0] / 2, dims[1] / 2, dims[2] / 2);
        resetCamera();
    } else {
        setSliceIndex(mSlice[0], mSlice[1], mSlice[2]);
    }
    render();
}

void VolumeView::clear()
{
    Scene& s = *mScene;
    vtkRenderer* ren = renderer();
    ren->RemoveVolume(s.volume);
    for (auto& slice : s.slices)
        ren->RemoveViewProp(slice);
    ren->RemoveActor(s.outlineActor);
    s.image = nullptr;
    s.volumeMapper->RemoveAllInputConnections(0);
    for (auto& mapper : s.sliceMappers)
        mapper->RemoveAllInputConnections(0);
    render();
}

bool VolumeView::hasVolume() const
{
    return mScene->image != nullptr;
}

std::array<int, 3> VolumeView::dimensions() const
{
    if (!mScene->image)
        return { 0, 0, 0 };
    int dims[3];
    mScene->image->GetDimensions(dims);
    return { dims[0], dims[1], dims[2] };
}

void VolumeView::setContrast(double low, double high)
{
    if (!(high > low))
        return;
    mLow = low;
    mHigh = high;
    applyContrast();
    render();
}

void VolumeView::applyContrast()
{
    Scene& s = *mScene;
    s.colour->RemoveAllPoints();
    s.colour->AddRGBPoint(mLow, 0.0, 0.0, 0.0);
    s.colour->AddRGBPoint(mHigh, 1.0, 1.0, 1.0);
    // The dimmest quarter of the range is transparent: background and out-of-focus haze
    // would otherwise fog the whole volume.
    s.opacity->RemoveAllPoints();
    s.opacity->AddPoint(mLow, 0.0);
    s.opacity->AddPoint(mLow + 0.25 * (mHigh - mLow), 0.0);
    s.opacity->AddPoint(mHigh, 0.6);
    for (auto& slice : s.slices) {
        slice->GetProperty()->SetColorWindow(mHigh - mLow);
        slice->GetProperty()->SetColorLevel(0.5 * (mHigh + mLow));
    }
}

void VolumeView::setSliceIndex(int x, int y, int z)
{
    const std::array<int, 3> dims = dimensions();
    const std::array<int, 3> wanted { x, y, z };
    for (int axis = 0; axis < 3; ++axis) {
        mSlice[axis] = std::clamp(wanted[axis], 0, std::max(0, dims[axis] - 1));
        mScene->sliceMappers[axis]->SetSliceNumber(mSlice[axis]);
    }
    render();
}

void VolumeView::setSlicesVisible(bool visible)
{
    mScene->slicesVisible = visible;
    for (auto& slice : mScene->slices)
        slice->SetVisibility(visible);
    render();
}

void VolumeView::setVolumeVisible(bool visible)
{
    mScene->volumeVisible = visible;
    mScene->volume->SetVisibility(visible);
    render();
}

void VolumeView::linkCamera(VolumeView* other)
{
    disconnect(mLinkConnection);
    disconnect(mBackConnection);
    if (!other || other == this) {
        auto camera = Ptr<vtkCamera>::New();
        camera->DeepCopy(renderer()->GetActiveCamera());
        renderer()->SetActiveCamera(camera);
        render();
        return;
    }
    renderer()->SetActiveCamera(other->renderer()->GetActiveCamera());
    mLinkConnection = connect(other, &VtkOpenGLView::interacted, this, &VolumeView::render);
    mBackConnection = connect(this, &VtkOpenGLView::interacted, other, &VolumeView::render);
    render();
}

void VolumeView::resetCamera()
{
    vtkCamera* camera = renderer()->GetActiveCamera();
    camera->SetFocalPoint(0, 0, 0);
    camera->SetPosition(0.6, -1.0, 0.8); // from the front, a little above and to the right
    camera->SetViewUp(0, 0, 1);
    renderer()->ResetCamera();
    renderer()->ResetCameraClippingRange();
    render();
}

} // namespace latentlens::widgets
