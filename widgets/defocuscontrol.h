#pragma once

#include <QWidget>

#include <limits>
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
    /// The true defocus of a synthetic image (the demo, Blur This Image), marked on the
    /// slider in its own colour and named under it, so that moving away from it reads as
    /// leaving the true blur rather than as the methods failing; NaN: none.
    void setTrueValue(double micrometres);
    double trueValue() const noexcept { return mTrue; }
    /// What one pixel of slider travel is worth (µm); a drag lands on multiples of the
    /// smallest of 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1 µm at least that large, so that every
    /// value the caption can name (12.00) can be reached with the mouse.
    double dragStep() const;
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
    void updateLabel();
    int stepOf(double value) const;

    QSlider* mSlider = nullptr;
    QDoubleSpinBox* mSpin = nullptr;
    QLabel* mTrainedLabel = nullptr;
    double mMinimum = 0.1;
    double mMaximum = 15.0;
    double mValue = 3.0;
    std::vector<double> mTrained;
    double mTrue = std::numeric_limits<double>::quiet_NaN();
    bool mUpdating = false;
};

} // namespace latentlens::widgets
