#pragma once

#include "engine/image.h"

#include <QMainWindow>
#include <QString>

#include <atomic>
#include <memory>

class QLabel;
class QSpinBox;
class QMessageBox;
class QThread;

namespace latentlens::widgets {
class ImageView;
}

namespace latentlens::app {

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
    /// found (engine::defaultModelPath), a worker thread deblurs plane 1 with it and adds
    /// the result as plane 3 (demoDeblurFinished tells when, with an error message or
    /// none).
    void openDemo();
    /// True while the demo's network deblur runs.
    bool demoDeblurRunning() const { return mDemoWorker != nullptr; }
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
    QThread* mDemoWorker = nullptr;
    std::shared_ptr<std::atomic<bool>> mDemoCancel;
    int mImageGeneration = 0; ///< counts setImage calls: a late result never lands elsewhere
};

} // namespace latentlens::app
