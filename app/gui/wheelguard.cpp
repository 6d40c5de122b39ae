#include "app/gui/wheelguard.h"

#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QScrollBar>
#include <QWidget>

namespace latentlens::app {

bool WheelGuard::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::Wheel)
        return false;
    auto* widget = qobject_cast<QWidget*>(watched);
    const bool control = qobject_cast<QComboBox*>(watched)
        || qobject_cast<QAbstractSpinBox*>(watched) || qobject_cast<QAbstractSlider*>(watched);
    if (!widget || !control || widget->hasFocus() || !widget->parentWidget())
        return false;
    if (qobject_cast<QScrollBar*>(watched))
        return false; // a scroll bar scrolls as it should
    widget->setFocusPolicy(Qt::StrongFocus); // clicking still focuses; the wheel does not
    // The wheel goes to the parent, and from there up to the dock's scroll area.
    QCoreApplication::sendEvent(widget->parentWidget(), event);
    return true;
}

} // namespace latentlens::app
