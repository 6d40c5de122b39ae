#pragma once

#include "app/gui/comparisonrunner.h"

#include "engine/core/image.h"

#include <QMainWindow>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

class QActionGroup;
class QDialog;
class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace latentlens::widgets {
class ComparisonGrid;
class DefocusControl;
class LineProfileView;
} // namespace latentlens::widgets

namespace latentlens::app {

class JobWorker;
class VolumeDock;
class RecentFiles;
class StackResults;
class ResultExporter;
class StudioSettings;
class MethodPanel;
class ProbePanel;
class TrainingPanel;

/// The studio's main window: a comparison grid of the input, every deblurring method and
/// the ground truth when known, with the probe panel (defocus slider, optics, kernel), the
/// method settings, the training panel and a line profile around it. Files open on the
/// worker thread; every method runs there too (ComparisonRunner), so the window never
/// freezes and the last request is what is shown.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// Panel keys of the grid besides the methods of ComparisonRunner::methodKeys().
    static inline const QString inputKey = QStringLiteral("input");
    static inline const QString truthKey = QStringLiteral("truth");

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens `path` on the worker thread; fileOpened or fileFailed tells how it went. On
    /// failure a message box gives the reason and the image that was open stays.
    void openFile(const QString& path);
    /// Reopens the current XRF-Maps file with another of its analyses (File ▸ XRF Analysis).
    void openXrfAnalysis(const QString& analysis);
    /// The analyses of the open XRF-Maps file, and the one shown; empty for other files.
    QStringList xrfAnalyses() const { return mAnalyses; }
    QString xrfAnalysis() const { return mAnalysis; }
    /// Reads a ground truth for the current image (same width and height) on the worker.
    void openGroundTruth(const QString& path);
    /// The built-in demo: a synthetic specimen blurred by the default probe at 7 µm with
    /// noise, its ground truth known, every method computed.
    void openDemo();
    /// Uses the current plane as a ground truth: it is scaled to [0, 1] and blurred by the
    /// current kernel with Gaussian noise of `noiseVariance`, which becomes the input.
    /// Returns false (with a message) when no kernel is computed yet.
    bool simulateBlur(double noiseVariance = 0.001);

    /// Writes the input, every result and the ground truth as one float32 TIFF stack (one
    /// channel per panel, named) with a provenance record of every method's parameters;
    /// OME-TIFF when `path` ends in .ome.tif or .ome.tiff, else an ImageJ hyperstack.
    bool exportResults(const QString& path);
    /// Writes the shown panels, titled, as one PNG.
    bool exportGrid(const QString& path);

    /// Compute > Deblur Whole Stack: the shown methods over `planes` of the image (empty:
    /// every plane) on the worker, with one progress bar, its time left and Stop. Finished
    /// planes are kept when stopped; the navigator then shows them in every panel.
    void deblurStack(std::vector<std::size_t> planes = {});
    void stopStack();
    /// The last stack run's results (null before one).
    const StackResults* stackResults() const { return mStackResults.get(); }
    enum class StackLayout { FilePerMethod, MethodsAsChannels };
    /// Writes the stack run's results in the input's own scale (raw counts for integer
    /// data): one ImageJ hyperstack per method (`path` with _method before its suffix), or
    /// one file whose channels are the methods; float32 or 16-bit; pixel size, spacing,
    /// channel names and the provenance of every method's parameters. A method that was
    /// stopped early is written as a stack of the planes it finished.
    bool exportStackResults(const QString& path, StackLayout layout, bool uint16 = false);
    /// The memory the stack results may hold before planes go to a temporary file (bytes).
    void setStackBudget(std::size_t bytes) { mStackBudget = bytes; }
    /// Writes method, defocus, parameters, seconds, PSNR and SSIM per method as CSV.
    bool exportMetrics(const QString& path);

    const engine::Image& image() const { return *mImage; }
    const std::optional<engine::Image>& groundTruth() const { return mTruth; }
    QString currentFile() const { return mCurrentFile; }
    int currentPlane() const { return mPlane; }
    void setCurrentPlane(int plane);
    /// The last error shown, empty if none since the last successful open.
    QString lastError() const { return mLastError; }
    QStringList recentFiles() const;
    /// The About box's text: versions of LatentLens, Qt, LibTorch, FFTW, VTK and the file
    /// libraries, and whether a GPU is in use.
    QString aboutText() const;

    widgets::ComparisonGrid* grid() const { return mGrid; }
    widgets::DefocusControl* defocusControl() const;
    widgets::LineProfileView* profileView() const { return mProfile; }
    VolumeDock* volumeDock() const { return mVolumeDock; }
    ProbePanel* probePanel() const { return mProbe; }
    MethodPanel* methodPanel() const { return mMethods; }
    TrainingPanel* trainingPanel() const { return mTraining; }
    ComparisonRunner* runner() const { return mRunner; }
    JobWorker* worker() const { return mWorker; }
    /// Shows the dock holding `panel` and raises it; a width above 0 widens it (pixels).
    void showDock(QWidget* panel, int width = 0);
    /// Help > User Guide: docs/user-guide.md, built into the program, in a window.
    void showUserGuide();

signals:
    void fileOpened(const QString& path);
    void fileFailed(const QString& path, const QString& message);
    /// Every method of the current request has finished, failed or been cancelled.
    void comparisonIdle();
    /// A whole-stack deblur ended (stopped: by the user, the finished planes kept).
    void stackFinished(bool stopped);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createPanels();
    void createActions();
    /// Reads `path` on the worker (an XRF-Maps file with `analysis`, empty for its
    /// default); the result becomes the image, or its ground truth.
    void submitOpen(const QString& path, bool truth, const QString& analysis = QString());
    /// One checkable action per analysis of the open file; disabled when it has none.
    void updateAnalysisMenu();
    void setImage(engine::Image image, std::optional<engine::Image> truth, const QString& path,
        const QString& title);
    void showPlane(int plane);
    void updateNavigator();
    void updateInputPanel();
    void updateTruthPanel();
    void methodFinished(const QString& key);
    void showPreview(
        const QString& key, const QRect& region, const engine::Image& values, int views);
    void updateProfile();
    void updateBusy();
    void showError(const QString& title, const QString& message);
    void showAbout();
    void chooseFile();
    void chooseExport(int kind);
    void chooseStackExport();
    /// True (with a message) when `path` is the open image's own file.
    bool overwritesInput(const QString& path);
    /// The stack run's result of `method` as an image (see exportStackResults).
    engine::Image stackResultImage(const QString& method) const;
    void updateTitle();

    widgets::ComparisonGrid* mGrid = nullptr;
    widgets::LineProfileView* mProfile = nullptr;
    VolumeDock* mVolumeDock = nullptr;
    ProbePanel* mProbe = nullptr;
    MethodPanel* mMethods = nullptr;
    TrainingPanel* mTraining = nullptr;
    JobWorker* mWorker = nullptr;
    ComparisonRunner* mRunner = nullptr;
    QSpinBox* mChannelBox = nullptr;
    QSpinBox* mSliceBox = nullptr;
    QSpinBox* mFrameBox = nullptr;
    QDialog* mGuide = nullptr;
    std::shared_ptr<StackResults> mStackResults;
    std::size_t mStackBudget = 0;
    QProgressBar* mStackBar = nullptr;
    QPushButton* mStackStop = nullptr;
    qint64 mStackStarted = 0; ///< ms since epoch, for the time left
    QLabel* mPlaneName = nullptr;
    QLabel* mInfoLabel = nullptr;
    QProgressBar* mBusyBar = nullptr;
    QLabel* mBusyLabel = nullptr;
    QPushButton* mCancelButton = nullptr;
    RecentFiles* mRecentFiles = nullptr;
    QMenu* mAnalysisMenu = nullptr;
    QActionGroup* mAnalysisGroup = nullptr;
    QStringList mAnalyses;
    QString mAnalysis;
    std::unique_ptr<ResultExporter> mExporter;
    std::unique_ptr<StudioSettings> mSettings;
    /// Shared with a running whole-stack job, so that the stack is never copied for it.
    std::shared_ptr<const engine::Image> mImage = std::make_shared<const engine::Image>();
    std::optional<engine::Image> mTruth; ///< one plane, the image's size
    int mPlane = 0;
    QString mCurrentFile;
    QString mDocumentTitle;
    QString mLastError;
    QString mDevice = QStringLiteral("cpu");
    quint64 mOpenJob = 0;
};

} // namespace latentlens::app
