#pragma once

#include "app/gui/comparisonrunner.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace latentlens::app {

/// The method settings: Wiener's NSR, Richardson–Lucy's iterations and regularisation (with
/// its progress live), the hyper-Laplacian's alpha and lambda, and the model file. Each
/// value may be left automatic, as the engine chooses it from the image's noise.
class MethodPanel : public QWidget
{
    Q_OBJECT

public:
    explicit MethodPanel(QWidget* parent = nullptr);

    MethodSettings settings() const;
    void setSettings(const MethodSettings& settings);
    /// Richardson–Lucy's progress in percent (below 0: idle).
    void setRichardsonLucyProgress(int percent);
    /// Enables the Stop button of Richardson–Lucy while it runs.
    void setRichardsonLucyRunning(bool running);
    QPushButton* richardsonLucyStop() const { return mRlStop; }
    /// Shows what the last run chose (e.g. "λ 0.012 (UPRE)").
    void setChosen(const QString& key, const QString& text);
    /// Shows which model the network uses.
    void setModelInfo(const QString& text);

    QDoubleSpinBox* wienerNsr() const { return mNsr; }
    QCheckBox* wienerAuto() const { return mNsrAuto; }
    QSpinBox* rlIterations() const { return mIterations; }
    QProgressBar* rlProgress() const { return mRlProgress; }
    QComboBox* networkViews() const { return mViews; }

signals:
    void settingsChanged(const latentlens::app::MethodSettings& settings);
    void cancelRequested(const QString& key);

private:
    void changed();

    QCheckBox* mNsrAuto = nullptr;
    QDoubleSpinBox* mNsr = nullptr;
    QLabel* mWienerChosen = nullptr;
    QSpinBox* mIterations = nullptr;
    QSpinBox* mMaxIterations = nullptr;
    QCheckBox* mTvAuto = nullptr;
    QDoubleSpinBox* mTv = nullptr;
    QCheckBox* mAccelerate = nullptr;
    QProgressBar* mRlProgress = nullptr;
    QPushButton* mRlStop = nullptr;
    QLabel* mRlChosen = nullptr;
    QDoubleSpinBox* mAlpha = nullptr;
    QCheckBox* mLambdaAuto = nullptr;
    QDoubleSpinBox* mLambda = nullptr;
    QLabel* mHlChosen = nullptr;
    QLineEdit* mModel = nullptr;
    QLabel* mModelInfo = nullptr;
    QComboBox* mViews = nullptr;
    bool mUpdating = false;
};

} // namespace latentlens::app
