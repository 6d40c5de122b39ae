#pragma once

#include <QObject>

namespace latentlens::app {

/// Keeps the mouse wheel from changing a combo box, spin box or slider that does not have
/// the keyboard focus: scrolling over a dock scrolls the dock instead of silently editing
/// the setting under the pointer. A control changes by wheel once it is clicked or tabbed
/// into. Installed on the application by the main window.
class WheelGuard : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
};

} // namespace latentlens::app
