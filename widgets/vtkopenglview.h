#pragma once

#include <QImage>
#include <QString>
#include <QSurfaceFormat>
#include <QWidget>

class vtkGenericOpenGLRenderWindow;
class vtkRenderWindowInteractor;
class vtkRenderer;

namespace latentlens::widgets {

namespace detail {
class VtkGLWidget;
}

/// A VTK scene in a Qt 6 widget. Debian's VTK GUISupportQt is built for Qt 5, so this is our
/// own bridge: a QOpenGLWidget drives a vtkGenericOpenGLRenderWindow (VTK renders into its
/// own framebuffer and blits into the widget's at the end of each frame), and mouse and
/// wheel events go to a vtkGenericRenderWindowInteractor with a trackball camera.
///
/// Without a usable OpenGL (no context can be made, or it is older than 3.2, which VTK's
/// OpenGL2 back end needs) the widget shows a message instead of the scene; usable() says
/// which. VTK objects exist either way, so callers can build their scene unconditionally.
class VtkOpenGLView : public QWidget
{
    Q_OBJECT

public:
    enum class OpenGL {
        Probe, ///< use OpenGL when this machine gives a 3.2 context
        ForceUnavailable ///< never create a context (tests, and `LATENTLENS_NO_OPENGL=1`)
    };

    explicit VtkOpenGLView(QWidget* parent = nullptr, OpenGL mode = OpenGL::Probe);
    ~VtkOpenGLView() override;

    /// False when the scene cannot be shown (the message is shown instead).
    bool usable() const { return mUsable; }
    /// Why the scene cannot be shown; empty while usable().
    QString message() const { return mMessage; }

    vtkRenderer* renderer() const;
    vtkGenericOpenGLRenderWindow* renderWindow() const;
    vtkRenderWindowInteractor* interactor() const;

    /// Schedules a repaint of the scene (VTK renders only inside the widget's paintGL).
    void render();
    /// Renders the scene now and returns the picture (device pixels); null when not usable.
    QImage grabFramebuffer();

    /// The surface format the bridge asks for: OpenGL 3.2 core, no multisampling.
    static QSurfaceFormat defaultFormat();
    /// Whether this machine gives a usable OpenGL context; probed once per process with a
    /// small off-screen context. `reason` receives why not.
    static bool openGLAvailable(QString* reason = nullptr);

signals:
    /// The user moved the camera (drag or wheel) in this view.
    void interacted();

private:
    friend class detail::VtkGLWidget;
    void showMessage(const QString& message);

    struct Vtk;
    Vtk* mVtk = nullptr; // owned; a plain pointer so the destructor controls the order
    detail::VtkGLWidget* mGL = nullptr;
    QWidget* mMessageLabel = nullptr;
    bool mUsable = false;
    QString mMessage;
};

} // namespace latentlens::widgets
