#pragma once

#include "app/gui/comparisonrunner.h"

#include <QStringList>
#include <QWidget>

class QChart;
class QChartView;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace latentlens::widgets {
class DefocusControl;
class ImageView;
} // namespace latentlens::widgets

namespace latentlens::app {

/// The probe panel: the defocus slider, the simulated zone-plate optics or an imported
/// probe file, the kernel's sampling, and the kernel at the current defocus shown as an
/// image (linear or logarithmic) with its radial profile.
class ProbePanel : public QWidget
{
    Q_OBJECT

public:
    explicit ProbePanel(QWidget* parent = nullptr);

    ProbeSettings settings() const { return mSettings; }
    void setSettings(const ProbeSettings& settings);
    widgets::DefocusControl* defocusControl() const { return mDefocus; }

    /// The image's pixel size in metres (0: unknown, the probe's own is used).
    double imagePixelSize() const;
    /// Sets the pixel size the opened file gave (0: none).
    void setImagePixelSize(double metres);
    /// The size of the image the kernel is for (the sampling check warns about kernels
    /// wide for it).
    void setImageSize(std::size_t width, std::size_t height);
    /// The sampling warnings shown under the kernel settings (translated; empty: none).
    QStringList samplingWarnings() const { return mSamplingWarnings; }

    /// Reads a probe file (on the calling thread: probe files are small) and selects it;
    /// on failure returns the reason and keeps the current probe.
    QString importProbe(const QString& path);

    /// Shows the kernel computed for `defocus` (metres).
    void showKernel(const engine::Image& kernel, double defocus);
    void showKernelError(const QString& message);
    bool logScale() const;
    void setLogScale(bool on);
    widgets::ImageView* kernelView() const { return mKernelView; }
    /// The radial profile shown: mean kernel value per integer radius from the centre.
    QList<QPointF> radialProfile() const { return mRadial; }
    /// Mean of `kernel` over rings of integer radius (pixels) around its centre.
    static QList<QPointF> radialProfileOf(const engine::Image& kernel);

signals:
    void settingsChanged(const latentlens::app::ProbeSettings& settings);
    void imagePixelSizeChanged(double metres);

private:
    void readControls();
    /// Applies the imported probe's pixel size and energy fields to the probe in use.
    void readImportFields();
    void updateSamplingNote();
    void redrawKernel();

    ProbeSettings mSettings;
    widgets::DefocusControl* mDefocus = nullptr;
    QComboBox* mSource = nullptr;
    QStackedWidget* mSourcePages = nullptr;
    QDoubleSpinBox* mEnergy = nullptr;
    QDoubleSpinBox* mAperture = nullptr;
    QDoubleSpinBox* mStop = nullptr;
    QDoubleSpinBox* mDiameter = nullptr;
    QDoubleSpinBox* mProbePixel = nullptr;
    QComboBox* mGrid = nullptr;
    QLabel* mImportLabel = nullptr;
    /// What an imported probe's file may lack: its pixel size and photon energy.
    QDoubleSpinBox* mImportPixel = nullptr;
    QDoubleSpinBox* mImportEnergy = nullptr;
    QSpinBox* mKernelSize = nullptr;
    QDoubleSpinBox* mSupport = nullptr;
    QDoubleSpinBox* mImagePixel = nullptr;
    QLabel* mPixelNote = nullptr;
    QComboBox* mScale = nullptr;
    widgets::ImageView* mKernelView = nullptr;
    QLabel* mKernelLabel = nullptr;
    QChart* mChart = nullptr;
    QChartView* mChartView = nullptr;
    engine::Image mKernel;
    double mKernelDefocus = 0.0;
    QList<QPointF> mRadial;
    bool mUpdating = false;
    double mFilePixel = 0.0;
    std::size_t mImageWidth = 0, mImageHeight = 0;
    QStringList mSamplingWarnings;
};

} // namespace latentlens::app
