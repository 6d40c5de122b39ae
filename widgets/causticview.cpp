#include "widgets/causticview.h"

#include <vtkActor.h>
#include <vtkCamera.h>
#include <vtkColorTransferFunction.h>
#include <vtkImageData.h>
#include <vtkOutlineSource.h>
#include <vtkPiecewiseFunction.h>
#include <vtkPlaneSource.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>
#include <vtkSmartVolumeMapper.h>
#include <vtkVolume.h>
#include <vtkVolumeProperty.h>

#include <algorithm>
#include <cmath>

namespace latentlens::widgets {

namespace {
template <class T> using Ptr = vtkSmartPointer<T>;
constexpr double decades = 4.0; // the log scale shows this many decades below the peak
constexpr double lengthRatio = 2.0; // defocus axis length / plane width
} // namespace

struct CausticView::Scene
{
    Ptr<vtkImageData> image;
    Ptr<vtkSmartVolumeMapper> mapper = Ptr<vtkSmartVolumeMapper>::New();
    Ptr<vtkVolume> volume = Ptr<vtkVolume>::New();
    Ptr<vtkPlaneSource> plane = Ptr<vtkPlaneSource>::New();
    Ptr<vtkActor> planeActor = Ptr<vtkActor>::New();
    Ptr<vtkOutlineSource> outline = Ptr<vtkOutlineSource>::New();
    Ptr<vtkActor> outlineActor = Ptr<vtkActor>::New();
    double bounds[6] = { 0, 0, 0, 0, 0, 0 };
};

CausticView::CausticView(QWidget* parent, OpenGL mode)
    : VtkOpenGLView(parent, mode), mScene(std::make_unique<Scene>())
{
    Scene& s = *mScene;
    // A "hot" map on the log intensity: dark red far from the beam, white at the focus.
    auto colour = Ptr<vtkColorTransferFunction>::New();
    colour->AddRGBPoint(0.0, 0.0, 0.0, 0.0);
    colour->AddRGBPoint(0.35, 0.7, 0.05, 0.0);
    colour->AddRGBPoint(0.7, 1.0, 0.6, 0.0);
    colour->AddRGBPoint(1.0, 1.0, 1.0, 1.0);
    auto opacity = Ptr<vtkPiecewiseFunction>::New();
    opacity->AddPoint(0.0, 0.0);
    opacity->AddPoint(0.3, 0.0);
    opacity->AddPoint(0.6, 0.15);
    opacity->AddPoint(1.0, 0.8);
    auto* property = s.volume->GetProperty();
    property->SetColor(colour);
    property->SetScalarOpacity(opacity);
    property->SetInterpolationTypeToLinear();
    property->ShadeOff();
    s.mapper->SetBlendModeToComposite();
    s.volume->SetMapper(s.mapper);

    auto planeMapper = Ptr<vtkPolyDataMapper>::New();
    planeMapper->SetInputConnection(s.plane->GetOutputPort());
    s.planeActor->SetMapper(planeMapper);
    s.planeActor->GetProperty()->SetColor(0.3, 0.7, 1.0);
    s.planeActor->GetProperty()->SetOpacity(0.35);
    s.planeActor->GetProperty()->LightingOff();

    auto outlineMapper = Ptr<vtkPolyDataMapper>::New();
    outlineMapper->SetInputConnection(s.outline->GetOutputPort());
    s.outlineActor->SetMapper(outlineMapper);
    s.outlineActor->GetProperty()->SetColor(0.6, 0.6, 0.65);
    renderer()->SetBackground(0.05, 0.05, 0.08);
}

CausticView::~CausticView() = default;

void CausticView::setCaustic(const VolumeData& planes, std::vector<double> defocusMicrons)
{
    if (!planes.values || planes.width < 1 || planes.height < 1 || planes.depth < 2
        || defocusMicrons.size() != std::size_t(planes.depth)
        || !(defocusMicrons.back() > defocusMicrons.front())) {
        clear();
        return;
    }
    Scene& s = *mScene;
    const bool first = mDefocus.empty();
    const std::size_t count
        = std::size_t(planes.width) * std::size_t(planes.height) * std::size_t(planes.depth);
    float peak = 0.0f;
    for (std::size_t i = 0; i < count; ++i)
        peak = std::max(peak, planes.values[i]);
    if (!(peak > 0.0f)) {
        clear();
        return;
    }

    auto image = Ptr<vtkImageData>::New();
    image->SetDimensions(planes.width, planes.height, planes.depth);
    image->SetSpacing(1.0, 1.0, lengthRatio * planes.width / double(planes.depth - 1));
    image->AllocateScalars(VTK_FLOAT, 1);
    auto* out = static_cast<float*>(image->GetScalarPointer());
    const double floor = std::pow(10.0, -decades);
    for (std::size_t i = 0; i < count; ++i) {
        const double relative = std::max(double(planes.values[i]) / peak, floor);
        out[i] = float(1.0 + std::log10(relative) / decades); // 0 .. 1
    }
    image->Modified();
    s.image = image;
    s.mapper->SetInputData(image);
    image->GetBounds(s.bounds);
    s.outline->SetBounds(s.bounds);
    mDefocus = std::move(defocusMicrons);

    vtkRenderer* ren = renderer();
    if (!ren->HasViewProp(s.volume)) {
        ren->AddVolume(s.volume);
        ren->AddActor(s.outlineActor);
        ren->AddActor(s.planeActor);
    }
    placePlane();
    if (first)
        resetCamera();
    render();
}

void CausticView::clear()
{
    Scene& s = *mScene;
    renderer()->RemoveVolume(s.volume);
    renderer()->RemoveActor(s.outlineActor);
    renderer()->RemoveActor(s.planeActor);
    s.image = nullptr;
    s.mapper->RemoveAllInputConnections(0);
    mDefocus.clear();
    render();
}

void CausticView::setCurrentDefocus(double micrometres)
{
    mCurrent = micrometres;
    placePlane();
    render();
}

void CausticView::placePlane()
{
    if (mDefocus.empty())
        return;
    Scene& s = *mScene;
    const double first = mDefocus.front(), last = mDefocus.back();
    const double t = std::clamp((mCurrent - first) / (last - first), 0.0, 1.0);
    const double z = s.bounds[4] + t * (s.bounds[5] - s.bounds[4]);
    // A little larger than the stack's cross-section so that its edge shows around it.
    const double mx = 0.1 * (s.bounds[1] - s.bounds[0]), my = 0.1 * (s.bounds[3] - s.bounds[2]);
    s.plane->SetOrigin(s.bounds[0] - mx, s.bounds[2] - my, z);
    s.plane->SetPoint1(s.bounds[1] + mx, s.bounds[2] - my, z);
    s.plane->SetPoint2(s.bounds[0] - mx, s.bounds[3] + my, z);
    s.plane->Modified();
}

void CausticView::resetCamera()
{
    vtkCamera* camera = renderer()->GetActiveCamera();
    // From the side, a little above, x up: defocus (z) grows from left to right.
    camera->SetFocalPoint(0, 0, 0);
    camera->SetPosition(0.0, 1.0, 0.35);
    camera->SetViewUp(1, 0, 0);
    renderer()->ResetCamera();
    renderer()->ResetCameraClippingRange();
    render();
}

} // namespace latentlens::widgets
