#include "app/gui/recentfiles.h"

#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace latentlens::app {

namespace {

constexpr int maxRecentFiles = 8;

} // namespace

RecentFiles::RecentFiles(QMenu* menu, QObject* parent) : QObject(parent), mMenu(menu)
{
    rebuildMenu();
}

QStringList RecentFiles::files() const
{
    return QSettings().value("recentFiles").toStringList();
}

void RecentFiles::add(const QString& path)
{
    QStringList list = files();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > maxRecentFiles)
        list.removeLast();
    QSettings().setValue("recentFiles", list);
    rebuildMenu();
}

void RecentFiles::rebuildMenu()
{
    mMenu->clear();
    const QStringList list = files();
    for (const QString& path : list)
        mMenu
            ->addAction(
                QFileInfo(path).fileName(), this, [this, path] { emit openRequested(path); })
            ->setToolTip(path);
    mMenu->setEnabled(!list.isEmpty());
}

} // namespace latentlens::app
