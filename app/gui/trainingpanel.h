#pragma once

#include "engine/net/latenttrainer.h"

#include <QElapsedTimer>
#include <QWidget>

#include <limits>

#include <vector>

class QChart;
class QComboBox;
class QLabel;
class QLineEdit;
class QLineSeries;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QValueAxis;

namespace latentlens::app {

class JobWorker;

/// The training panel: lab staff retrain the network on their own samples. Data folders
/// and files, defocus list and reference, epochs per stage, model size and device; start,
/// stop and resume (from the checkpoint written after every epoch); live loss curves of both
/// stages and validation PSNR per kernel (Qt Charts); progress and ETA. Training runs on
/// the panel's own worker thread so that the comparison stays usable meanwhile. A new model
/// never replaces the one in use by itself: when training ends, both are scored on the
/// held-out images, the panel shows the two scores, and "Use the New Model" (or a better
/// score with no model to compare) asks the studio to switch (useModelRequested).
class TrainingPanel : public QWidget
{
    Q_OBJECT

public:
    explicit TrainingPanel(QWidget* parent = nullptr);
    ~TrainingPanel() override;

    /// The options the form describes (throws engine::InvalidArgument with a message for
    /// the user when a field is wrong). Validation images are the last files of the data,
    /// held out from training.
    engine::TrainingOptions options(std::vector<std::filesystem::path>* validation = nullptr) const;

    void setDataSources(const QStringList& sources);
    void setDefocusList(const QString& micrometres);
    void setReferenceDefocus(double micrometres);
    void setEpochs(int stage1, int stage2, int stage3 = 0);
    /// Kernel-aware (the default) or the paper's network.
    void setArchitecture(engine::Architecture architecture);
    /// The model the studio uses now, scored beside a new one (empty: the default model).
    void setCurrentModel(const QString& path);
    void setBatches(int perEpoch, int batchSize);
    void setCrop(int crop);
    void setOutput(const QString& path);
    QString output() const;
    QString checkpointPath() const;

    bool running() const { return mJob != 0; }
    /// Starts a fresh run (an old checkpoint of this output is replaced).
    void start();
    /// Continues from the checkpoint of the output file.
    void resume();
    /// Stops after the running batch; the checkpoint of the last finished epoch stays.
    void stop();

    /// What the charts hold, for tests: losses per batch of each stage and validation PSNR
    /// per listed defocus, one point per epoch.
    QList<QPointF> lossPoints(int stage) const;
    QList<QPointF> validationPoints(std::size_t kernel) const;
    QString statusText() const;
    QPushButton* startButton() const { return mStart; }
    QPushButton* stopButton() const { return mStop; }
    QPushButton* resumeButton() const { return mResume; }
    QPushButton* useModelButton() const { return mUseModel; }
    /// The last finished run's scores on the held-out images (dB; NaN when not measured).
    double newModelScore() const { return mNewScore; }
    double currentModelScore() const { return mCurrentScore; }
    JobWorker* worker() const { return mWorker; }

signals:
    /// A run finished and wrote `path`; the studio keeps its model until useModelRequested.
    void modelTrained(const QString& path);
    /// The user chose to use the model at `path` (the "Use the New Model" button).
    void useModelRequested(const QString& path);
    void trainingFailed(const QString& message);
    void trainingStopped();
    void batchDone(int stage, int epoch, int batch);

private:
    void launch(bool resume);
    void onBatch(const engine::TrainingStep& step);
    void onEpoch(const engine::TrainingStep& step);
    void finished(const QVariant& result, bool ok, bool cancelled);
    /// Epochs of the stages before `stage`: where its points start on the charts.
    int epochsBefore(int stage) const;
    void resetCharts(const std::vector<double>& defocus);
    void updateButtons();

    JobWorker* mWorker = nullptr;
    quint64 mJob = 0;
    QLineEdit* mData = nullptr;
    QLineEdit* mDefocus = nullptr;
    QLineEdit* mReference = nullptr;
    QSpinBox* mEpochs1 = nullptr;
    QSpinBox* mEpochs2 = nullptr;
    QSpinBox* mEpochs3 = nullptr;
    QComboBox* mArchitecture = nullptr;
    QSpinBox* mBatches = nullptr;
    QSpinBox* mBatchSize = nullptr;
    QSpinBox* mCrop = nullptr;
    QComboBox* mSize = nullptr;
    QComboBox* mDevice = nullptr;
    QLineEdit* mOutput = nullptr;
    QPushButton* mStart = nullptr;
    QPushButton* mStop = nullptr;
    QPushButton* mResume = nullptr;
    QPushButton* mUseModel = nullptr;
    QString mCurrentModel;
    QString mTrainedModel;
    double mNewScore = std::numeric_limits<double>::quiet_NaN();
    double mCurrentScore = std::numeric_limits<double>::quiet_NaN();
    QProgressBar* mProgress = nullptr;
    QLabel* mFormError = nullptr; ///< what keeps the form from starting, live
    QLabel* mStatus = nullptr;
    QChart* mLossChart = nullptr;
    QLineSeries* mLoss[3] = { nullptr, nullptr, nullptr };
    QValueAxis* mLossX = nullptr;
    QValueAxis* mLossY = nullptr;
    QChart* mPsnrChart = nullptr;
    std::vector<QLineSeries*> mPsnr;
    QValueAxis* mPsnrX = nullptr;
    QValueAxis* mPsnrY = nullptr;
    QElapsedTimer mClock;
    long mBatchesAtStart = -1; ///< global batch index of the first batch of this run
    long mTotalBatches = 0;
    int mEpochs[3] = { 0, 0, 0 };
    int mBatchesPerEpoch = 1;
    int mEpochPoints = 0;
    double mLossMax = 0.0;
    double mPsnrLow = 1e9, mPsnrHigh = -1e9;
};

} // namespace latentlens::app
