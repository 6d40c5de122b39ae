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

/// The studio's main window. This first version opens an image or stack (or the built-in
/// demo) and shows it with a plane navigator and the value under the cursor; the comparison
/// grid comes later.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);

    /// Opens `path`. On failure shows the reason in a message box, keeps the image that was
    /// open and returns false.
    bool openFile(const QString& path);
    /// Shows the built-in demo: a synthetic specimen blurred by the default probe at 7 µm
    /// with noise, as plane 1, and its ground truth as plane 2.
    void openDemo();
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

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void setImage(engine::Image image, const QString& path, const QString& title);
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
};

} // namespace latentlens::app
