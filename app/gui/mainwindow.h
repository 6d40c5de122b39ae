#pragma once

#include "engine/image.h"

#include <QMainWindow>
#include <QString>

class QLabel;
class QSpinBox;
class QMessageBox;

namespace latentlens::widgets {
class ImageView;
}

namespace latentlens::app {

class JobWorker;

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
    quint64 mDemoJob = 0; ///< the demo deblur's job id while it runs; results of others are stale
    double mDemoDefocus = 0.0;
    QString mDemoModel;
};

} // namespace latentlens::app
