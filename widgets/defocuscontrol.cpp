#include "widgets/defocuscontrol.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QSlider>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace latentlens::widgets {

namespace {
constexpr double stepSize = 0.01; // µm per slider step
}

DefocusControl::DefocusControl(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    auto* row = new QHBoxLayout;
    auto* label = new QLabel(tr("Defocus"), this);
    mSlider = new QSlider(Qt::Horizontal, this);
    mSlider->setObjectName("defocusSlider");
    mSlider->setToolTip(tr("Defocus of the probe: drag, or use the arrow keys"));
    mSpin = new QDoubleSpinBox(this);
    mSpin->setObjectName("defocusSpinBox");
    mSpin->setDecimals(2);
    mSpin->setSingleStep(0.1);
    mSpin->setSuffix(tr(" µm"));
    mSpin->setKeyboardTracking(false);
    mSpin->setToolTip(tr("Defocus of the probe in \u00b5m, to 0.01 \u00b5m"));
    label->setBuddy(mSpin);
    row->addWidget(label);
    row->addWidget(mSlider, 1);
    row->addWidget(mSpin);
    layout->addLayout(row);
    mTrainedLabel = new QLabel(this);
    mTrainedLabel->setObjectName("trainedLabel");
    mTrainedLabel->setWordWrap(true);
    layout->addWidget(mTrainedLabel);
    // Room under the slider for the marks of the trained values.
    layout->setSpacing(8);

    connect(mSlider, &QSlider::valueChanged, this, &DefocusControl::fromSlider);
    connect(mSpin, &QDoubleSpinBox::valueChanged, this, &DefocusControl::setValue);
    setRange(mMinimum, mMaximum);
    setValue(mValue);
    updateLabel();
}

void DefocusControl::setRange(double minimum, double maximum)
{
    if (!(minimum < maximum) || !std::isfinite(minimum) || !std::isfinite(maximum))
        return;
    mMinimum = minimum;
    mMaximum = maximum;
    mUpdating = true;
    mSlider->setRange(0, int(std::lround((maximum - minimum) / stepSize)));
    mSlider->setPageStep(std::max(1, mSlider->maximum() / 20));
    mSpin->setRange(minimum, maximum);
    mUpdating = false;
    setValue(std::clamp(mValue, minimum, maximum));
    update();
}

int DefocusControl::stepOf(double value) const
{
    return int(std::lround((value - mMinimum) / stepSize));
}

void DefocusControl::setValue(double micrometres)
{
    if (mUpdating || !std::isfinite(micrometres))
        return;
    const double v = std::clamp(micrometres, mMinimum, mMaximum);
    const bool changed = std::abs(v - mValue) > 1e-9;
    mValue = v;
    mUpdating = true;
    mSlider->setValue(stepOf(v));
    mSpin->setValue(v);
    mUpdating = false;
    if (changed)
        emit valueChanged(v);
}

void DefocusControl::fromSlider(int step)
{
    if (mUpdating)
        return;
    double v = mMinimum + step * stepSize;
    if (mSlider->isSliderDown()) { // a drag: one pixel spans many 0.01 µm steps
        const double snap = dragStep();
        v = std::round(v / snap) * snap;
    }
    setValue(v);
}

double DefocusControl::dragStep() const
{
    QStyleOptionSlider option;
    option.initFrom(mSlider);
    option.orientation = Qt::Horizontal;
    const QRect groove = mSlider->style()->subControlRect(
        QStyle::CC_Slider, &option, QStyle::SC_SliderGroove, mSlider);
    const QRect handle = mSlider->style()->subControlRect(
        QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, mSlider);
    const int span = std::max(1, groove.width() - handle.width());
    const double perPixel = (mMaximum - mMinimum) / span;
    for (double step : { 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0 })
        if (step >= perPixel)
            return step;
    return 1.0;
}

void DefocusControl::setTrueValue(double micrometres)
{
    mTrue = micrometres;
    updateLabel();
    update();
}

void DefocusControl::setTrainedValues(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    mTrained = std::move(values);
    updateLabel();
    update();
}

void DefocusControl::updateLabel()
{
    QString text;
    if (mTrained.empty()) {
        text = tr("No model: the network methods are off.");
    } else {
        QStringList list;
        for (double v : mTrained)
            list << QLocale().toString(v, 'g', 3);
        text = tr("Model trained at %1 µm (marked); values between are "
                  "interpolated by the network.")
                   .arg(list.join(QStringLiteral(", ")));
    }
    if (std::isfinite(mTrue))
        text = tr("True blur of this image: %1 µm (the red mark).")
                   .arg(QLocale().toString(mTrue, 'f', 2))
            + QLatin1Char(' ') + text;
    mTrainedLabel->setText(text);
    mSlider->setToolTip(text);
}

int DefocusControl::positionOf(double value) const
{
    QStyleOptionSlider option;
    option.initFrom(mSlider);
    option.orientation = Qt::Horizontal;
    option.minimum = mSlider->minimum();
    option.maximum = mSlider->maximum();
    const QRect groove = mSlider->style()->subControlRect(
        QStyle::CC_Slider, &option, QStyle::SC_SliderGroove, mSlider);
    const QRect handle = mSlider->style()->subControlRect(
        QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, mSlider);
    const int span = groove.width() - handle.width();
    const int offset = QStyle::sliderPositionFromValue(mSlider->minimum(), mSlider->maximum(),
        stepOf(std::clamp(value, mMinimum, mMaximum)), span);
    return mSlider->x() + groove.x() + handle.width() / 2 + offset;
}

void DefocusControl::paintEvent(QPaintEvent* event)
{
    QWidget::paintEvent(event);
    QPainter painter(this);
    painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
    const int top = mSlider->geometry().bottom() + 1;
    for (double v : mTrained) {
        const int x = positionOf(v);
        painter.drawLine(x, top, x, top + 5);
    }
    if (std::isfinite(mTrue)) { // a taller red mark, above and below the groove
        painter.setPen(QPen(QColor(220, 40, 40), 3));
        const int x = positionOf(mTrue);
        painter.drawLine(x, mSlider->geometry().top() - 2, x, top + 7);
    }
}

} // namespace latentlens::widgets
