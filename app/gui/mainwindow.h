#pragma once

#include "engine/image.h"

#include <QMainWindow>
#include <QString>

#include <memory>

class QLabel;
class QSpinBox;
class QMessageBox;

namespace latentlens::widgets {
class DefocusControl;
class ImageView;
} // namespace latentlens::widgets

namespace latentlens::app {

class JobWorker;
struct DemoNetwork;

/// The studio's main window. This first version opens an image or stack (or the built-in
/// demo) and shows it with a plane navigator and the value under the cursor; the comparison
/// grid comes later.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens `path`. On failure shows the reason in a message box, keeps the image that was
    /// open and returns false.
    bool openFile(const QString& path);
    /// Shows the built-in demo: a synthetic specimen blurred by the default probe at 7 µm
    /// with noise, as plane 1, and its ground truth as plane 2. When the default model is
    /// found (engine::defaultModelPath), the job worker deblurs plane 1 with it and adds
    /// the result as plane 3 (demoDeblurFinished tells when, with an error message or
    /// none).
    void openDemo();
    /// True while the demo's network deblur runs.
    bool demoDeblurRunning() const { return mDemoJob != 0; }
    /// The defocus slider: on the demo, moving it deblurs plane 1 again at the new defocus
    /// (only the deformer and decoder run: the encoder's output is kept), replacing plane 3.
    widgets::DefocusControl* defocusControl() const { return mDefocus; }
    /// The thread that runs the window's engine jobs.
    JobWorker* worker() const { return mWorker; }
    const engine::Image& image() const { return mImage; }
    QString currentFile() const { return mCurrentFile; }
    int currentPlane() const;
    void setCurrentPlane(int plane);
    widgets::ImageView* imageView() const { return mView; }
    /// The last error shown, empty if none since the last successful open.
    QString lastError() const { return mLastError; }

signals:
    void fileOpened(const QString& path);
    void fileFailed(const QString& path, const QString& message);
    void demoDeblurFinished(const QString& error);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void setImage(engine::Image image, const QString& path, const QString& title);
    void deblurDemo(const engine::Image& blurred, double defocus);
    void stopDemoDeblur();
    void redeblurDemo(double micrometres);
    void demoJobFinished(quint64 id, const QVariant& result);
    void demoJobFailed(quint64 id, const QString& message);
    void showPlane(int plane);
    void showError(const QString& title, const QString& message);
    void showAbout();
    void chooseFile();
    void updateTitle();

    widgets::ImageView* mView = nullptr;
    QSpinBox* mPlaneBox = nullptr;
    QLabel* mPlaneCount = nullptr;
    QLabel* mPixelLabel = nullptr;
    QLabel* mInfoLabel = nullptr;
    engine::Image mImage;
    QString mCurrentFile;
    QString mDocumentTitle;
    QString mLastError;
    JobWorker* mWorker = nullptr;
    widgets::DefocusControl* mDefocus = nullptr;
    /// The demo's model and encoded blurred plane, made and used on the worker thread only.
    std::shared_ptr<DemoNetwork> mDemoNetwork;
    quint64 mDemoJob = 0; ///< the demo deblur's job id while it runs; results of others are stale
    double mDemoDefocus = 0.0;
    QString mDemoModel;
};

} // namespace latentlens::app
