#pragma once

#include <QWidget>

#include <vector>

class QDoubleSpinBox;
class QLabel;
class QSlider;

namespace latentlens::widgets {

/// The studio's defocus control: a continuous slider and a spin box (µm, 0.01 µm steps)
/// that follow each other, with the defocus values the model was trained at marked under
/// the slider. Emits valueChanged once per change, from either control.
class DefocusControl : public QWidget
{
    Q_OBJECT

public:
    explicit DefocusControl(QWidget* parent = nullptr);

    /// Range in µm (default 0.1-15); the value is clamped into it.
    void setRange(double minimum, double maximum);
    double minimum() const noexcept { return mMinimum; }
    double maximum() const noexcept { return mMaximum; }
    double value() const noexcept { return mValue; }
    /// The trained defocus values (µm), marked under the slider and named in its tooltip;
    /// empty: none marked.
    void setTrainedValues(std::vector<double> values);
    const std::vector<double>& trainedValues() const noexcept { return mTrained; }
    /// Where a defocus value lies along the slider's groove, in this widget's pixels: the
    /// marks are drawn there.
    int positionOf(double value) const;

    QSlider* slider() const { return mSlider; }
    QDoubleSpinBox* spinBox() const { return mSpin; }

public slots:
    void setValue(double micrometres);

signals:
    void valueChanged(double micrometres);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void fromSlider(int step);
    int stepOf(double value) const;

    QSlider* mSlider = nullptr;
    QDoubleSpinBox* mSpin = nullptr;
    QLabel* mTrainedLabel = nullptr;
    double mMinimum = 0.1;
    double mMaximum = 15.0;
    double mValue = 3.0;
    std::vector<double> mTrained;
    bool mUpdating = false;
};

} // namespace latentlens::widgets
