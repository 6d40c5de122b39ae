#include "widgets/vtkopenglview.h"

#include <QLabel>
#include <QMouseEvent>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QOpenGLExtraFunctions>
#include <QOpenGLWidget>
#include <QStackedLayout>
#include <QWheelEvent>

#include <vtkCommand.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkInteractorStyleTrackballCamera.h>
#include <vtkOpenGLFramebufferObject.h>
#include <vtkOpenGLState.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>

#include <cmath>

namespace latentlens::widgets {

struct VtkOpenGLView::Vtk
{
    vtkSmartPointer<vtkGenericOpenGLRenderWindow> window
        = vtkSmartPointer<vtkGenericOpenGLRenderWindow>::New();
    vtkSmartPointer<vtkRenderer> renderer = vtkSmartPointer<vtkRenderer>::New();
    vtkSmartPointer<vtkGenericRenderWindowInteractor> interactor
        = vtkSmartPointer<vtkGenericRenderWindowInteractor>::New();
    bool initialised = false; // OpenGLInitContext ran in the current context
};

namespace detail {

// The QOpenGLWidget proper. VTK may render only inside paintGL (ReadyForRendering is false
// elsewhere), where Qt has made the context current; VTK renders into its own framebuffer
// and paintGL then blits that into the widget's.
class VtkGLWidget : public QOpenGLWidget
{
public:
    VtkGLWidget(VtkOpenGLView* owner, VtkOpenGLView::Vtk* vtk)
        : QOpenGLWidget(owner), mOwner(owner), mVtk(vtk)
    {
        setFormat(VtkOpenGLView::defaultFormat());
        setFocusPolicy(Qt::StrongFocus);
        setMouseTracking(false);
        auto* window = mVtk->window.Get();
        window->SetReadyForRendering(false);
        window->SetOwnContext(false);
        window->SetFrameBlitModeToNoBlit(); // paintGL blits into Qt's framebuffer
        mObservers[0] = window->AddObserver(
            vtkCommand::WindowMakeCurrentEvent, this, &VtkGLWidget::onMakeCurrent);
        mObservers[1] = window->AddObserver(
            vtkCommand::WindowIsCurrentEvent, this, &VtkGLWidget::onIsCurrent);
        mObservers[2] = window->AddObserver(
            vtkCommand::WindowSupportsOpenGLEvent, this, &VtkGLWidget::onSupportsOpenGL);
        mObservers[3]
            = window->AddObserver(vtkCommand::WindowIsDirectEvent, this, &VtkGLWidget::onIsDirect);
    }

    ~VtkGLWidget() override
    {
        releaseVtk();
        for (unsigned long tag : mObservers)
            mVtk->window->RemoveObserver(tag);
    }

    // Frees VTK's OpenGL resources while the context still exists (the widget goes, or Qt
    // is about to replace the context because the widget moved to another window).
    void releaseVtk()
    {
        if (!mVtk->initialised || !context())
            return;
        makeCurrent();
        mVtk->window->Finalize();
        mVtk->initialised = false;
        doneCurrent();
    }

protected:
    void initializeGL() override
    {
        QOpenGLContext* ctx = context();
        if (!ctx || !ctx->isValid()) {
            mOwner->showMessage(VtkOpenGLView::tr("No OpenGL context could be created."));
            return;
        }
        const QSurfaceFormat format = ctx->format();
        if (format.version() < qMakePair(3, 2)) {
            mOwner->showMessage(
                VtkOpenGLView::tr("OpenGL %1.%2 is too old: the 3-D view needs 3.2 or newer.")
                    .arg(format.majorVersion())
                    .arg(format.minorVersion()));
            return;
        }
        connect(ctx, &QOpenGLContext::aboutToBeDestroyed, this, &VtkGLWidget::releaseVtk,
            Qt::UniqueConnection);
        auto* window = mVtk->window.Get();
        const double ratio = devicePixelRatioF();
        window->SetSize(int(std::lround(width() * ratio)), int(std::lround(height() * ratio)));
        // The context belongs to Qt; VTK must know the window is shown or it skips renders.
        window->SetMapped(1);
        window->SetIsDirect(1);
        window->OpenGLInitContext();
        mVtk->initialised = true;
    }

    void resizeGL(int, int) override
    {
        // VTK counts device pixels (Qt passes widget pixels here).
        const QSize device = size() * devicePixelRatioF();
        mVtk->window->SetSize(device.width(), device.height());
        mVtk->interactor->UpdateSize(device.width(), device.height());
    }

    void paintGL() override
    {
        if (!mVtk->initialised)
            return;
        auto* window = mVtk->window.Get();
        // Qt changed GL state behind VTK's cache; VTK restores what it changes (Pop).
        vtkOpenGLState* state = window->GetState();
        state->Reset();
        state->Push();
        state->vtkglDepthFunc(GL_LEQUAL); // Qt leaves GL_LESS, VTK expects GL_LEQUAL
        window->SetReadyForRendering(true);
        window->Render();
        window->SetReadyForRendering(false);
        makeCurrent(); // a render may have made another view's context current

        // Copy VTK's display framebuffer into the widget's. VTK leaves its own draw-buffer
        // choice on whatever was bound, hence the explicit colour attachment.
        auto* f = context()->extraFunctions();
        f->glBindFramebuffer(GL_DRAW_FRAMEBUFFER, defaultFramebufferObject());
        const GLenum buffers[1] = { GL_COLOR_ATTACHMENT0 };
        f->glDrawBuffers(1, buffers);
        state->vtkglDisable(GL_SCISSOR_TEST);
        f->glDisable(GL_SCISSOR_TEST);
        const int* source = window->GetRenderFramebuffer()->GetLastSize();
        const QSize target = size() * devicePixelRatioF();
        window->BlitDisplayFramebuffer(0, 0, 0, source[0], source[1], 0, 0, target.width(),
            target.height(), GL_COLOR_BUFFER_BIT, GL_LINEAR);
        // Opaque alpha, or the compositor blends the picture with what lies behind (Mesa).
        f->glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_TRUE);
        f->glClearColor(0.0f, 0.0f, 0.0f, 1.0f);
        f->glViewport(0, 0, target.width(), target.height());
        f->glClear(GL_COLOR_BUFFER_BIT);
        f->glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
        state->Pop();
    }

    void mousePressEvent(QMouseEvent* event) override { forwardMouse(event, true); }
    void mouseReleaseEvent(QMouseEvent* event) override { forwardMouse(event, false); }
    void mouseMoveEvent(QMouseEvent* event) override
    {
        setEventPosition(event->position(), event->modifiers());
        mVtk->interactor->InvokeEvent(vtkCommand::MouseMoveEvent, nullptr);
        if (event->buttons() != Qt::NoButton)
            afterInteraction();
    }

    void wheelEvent(QWheelEvent* event) override
    {
        setEventPosition(event->position(), event->modifiers());
        const int delta = event->angleDelta().y();
        if (delta == 0)
            return;
        mVtk->interactor->InvokeEvent(
            delta > 0 ? vtkCommand::MouseWheelForwardEvent : vtkCommand::MouseWheelBackwardEvent,
            nullptr);
        event->accept();
        afterInteraction();
    }

private:
    void setEventPosition(const QPointF& position, Qt::KeyboardModifiers modifiers)
    {
        // VTK counts device pixels from the bottom left.
        const double ratio = devicePixelRatioF();
        mVtk->interactor->SetEventInformationFlipY(int(std::lround(position.x() * ratio)),
            int(std::lround(position.y() * ratio)), (modifiers & Qt::ControlModifier) ? 1 : 0,
            (modifiers & Qt::ShiftModifier) ? 1 : 0);
        mVtk->interactor->SetAltKey((modifiers & Qt::AltModifier) ? 1 : 0);
    }

    void forwardMouse(QMouseEvent* event, bool press)
    {
        setEventPosition(event->position(), event->modifiers());
        unsigned long id = 0;
        switch (event->button()) {
        case Qt::LeftButton:
            id = press ? vtkCommand::LeftButtonPressEvent : vtkCommand::LeftButtonReleaseEvent;
            break;
        case Qt::MiddleButton:
            id = press ? vtkCommand::MiddleButtonPressEvent : vtkCommand::MiddleButtonReleaseEvent;
            break;
        case Qt::RightButton:
            id = press ? vtkCommand::RightButtonPressEvent : vtkCommand::RightButtonReleaseEvent;
            break;
        default:
            return;
        }
        mVtk->interactor->InvokeEvent(id, nullptr);
        event->accept();
        afterInteraction();
    }

    void afterInteraction()
    {
        update();
        emit mOwner->interacted();
    }

    // The context alone: QOpenGLWidget::makeCurrent would also bind Qt's framebuffer behind
    // VTK's back, and VTK would then set its draw buffers on it.
    void onMakeCurrent(vtkObject*, unsigned long, void*)
    {
        QOpenGLContext* ctx = context();
        if (ctx && QOpenGLContext::currentContext() != ctx && ctx->surface())
            ctx->makeCurrent(ctx->surface());
    }
    void onIsCurrent(vtkObject*, unsigned long, void* callData)
    {
        *static_cast<bool*>(callData) = context() && QOpenGLContext::currentContext() == context();
    }
    void onSupportsOpenGL(vtkObject*, unsigned long, void* callData)
    {
        *static_cast<int*>(callData) = mVtk->initialised ? 1 : 0;
    }
    void onIsDirect(vtkObject*, unsigned long, void* callData) { *static_cast<int*>(callData) = 1; }

    VtkOpenGLView* mOwner;
    VtkOpenGLView::Vtk* mVtk;
    unsigned long mObservers[4] = {};
};

} // namespace detail

VtkOpenGLView::VtkOpenGLView(QWidget* parent, OpenGL mode) : QWidget(parent), mVtk(new Vtk)
{
    mVtk->window->AddRenderer(mVtk->renderer);
    mVtk->interactor->SetRenderWindow(mVtk->window);
    // Renders go through Qt (update() -> paintGL), never straight from the interactor.
    mVtk->interactor->EnableRenderOff();
    auto style = vtkSmartPointer<vtkInteractorStyleTrackballCamera>::New();
    mVtk->interactor->SetInteractorStyle(style);
    mVtk->interactor->Initialize();
    mVtk->renderer->SetBackground(0.08, 0.08, 0.1);

    auto* layout = new QStackedLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* label = new QLabel(this);
    label->setObjectName("openGLMessage");
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setMargin(12);
    mMessageLabel = label;

    QString reason;
    if (mode == OpenGL::ForceUnavailable || qEnvironmentVariableIntValue("LATENTLENS_NO_OPENGL")) {
        layout->addWidget(label);
        showMessage(tr("OpenGL is switched off for this view."));
        return;
    }
    if (!openGLAvailable(&reason)) {
        layout->addWidget(label);
        showMessage(reason);
        return;
    }
    mGL = new detail::VtkGLWidget(this, mVtk);
    layout->addWidget(mGL);
    layout->addWidget(label);
    layout->setCurrentWidget(mGL);
    mUsable = true;
}

VtkOpenGLView::~VtkOpenGLView()
{
    // The GL widget (and its context) must go while the render window still exists, and the
    // render window must release its OpenGL resources while the context still exists.
    delete mGL;
    mGL = nullptr;
    delete mVtk;
}

void VtkOpenGLView::showMessage(const QString& message)
{
    mUsable = false;
    mMessage = tr("The 3-D view is not available: %1\nThe 2-D views work without it; an "
                  "OpenGL 3.2 driver (or Mesa's software renderer) enables it.")
                   .arg(message);
    static_cast<QLabel*>(mMessageLabel)->setText(mMessage);
    static_cast<QStackedLayout*>(layout())->setCurrentWidget(mMessageLabel);
}

vtkRenderer* VtkOpenGLView::renderer() const
{
    return mVtk->renderer;
}
vtkGenericOpenGLRenderWindow* VtkOpenGLView::renderWindow() const
{
    return mVtk->window;
}
vtkRenderWindowInteractor* VtkOpenGLView::interactor() const
{
    return mVtk->interactor;
}

void VtkOpenGLView::render()
{
    if (mGL && mUsable)
        mGL->update();
}

QImage VtkOpenGLView::grabFramebuffer()
{
    if (!mGL || !mUsable)
        return {};
    QImage image = mGL->grabFramebuffer();
    return mUsable ? image : QImage();
}

QSurfaceFormat VtkOpenGLView::defaultFormat()
{
    QSurfaceFormat format;
    format.setRenderableType(QSurfaceFormat::OpenGL);
    format.setVersion(3, 2);
    format.setProfile(QSurfaceFormat::CoreProfile);
    format.setRedBufferSize(8);
    format.setGreenBufferSize(8);
    format.setBlueBufferSize(8);
    format.setAlphaBufferSize(8);
    format.setDepthBufferSize(8);
    format.setStencilBufferSize(0);
    format.setSamples(0);
    return format;
}

bool VtkOpenGLView::openGLAvailable(QString* reason)
{
    struct Probe
    {
        bool ok = false;
        QString why;
    };
    static const Probe probe = [] {
        Probe result;
        QOpenGLContext context;
        context.setFormat(defaultFormat());
        if (!context.create()) {
            result.why = tr("no OpenGL context could be created on this display.");
            return result;
        }
        QOffscreenSurface surface;
        surface.setFormat(context.format());
        surface.create();
        if (!surface.isValid() || !context.makeCurrent(&surface)) {
            result.why = tr("the OpenGL context could not be made current.");
            return result;
        }
        const QSurfaceFormat format = context.format();
        context.doneCurrent();
        if (format.version() < qMakePair(3, 2)) {
            result.why = tr("the display offers OpenGL %1.%2; 3.2 or newer is needed.")
                             .arg(format.majorVersion())
                             .arg(format.minorVersion());
            return result;
        }
        result.ok = true;
        return result;
    }();
    if (reason)
        *reason = probe.why;
    return probe.ok;
}

} // namespace latentlens::widgets
