#pragma once

#include <QObject>
#include <QStringList>

class QMenu;

namespace latentlens::app {

/// The studio's Open Recent menu: the last eight files opened, newest first, kept in
/// QSettings. Choosing one emits openRequested.
class RecentFiles : public QObject
{
    Q_OBJECT

public:
    /// Fills `menu` (owned by the caller) and keeps it up to date.
    explicit RecentFiles(QMenu* menu, QObject* parent = nullptr);

    QStringList files() const;
    /// Puts `path` (made absolute) first, dropping older duplicates and the ninth file.
    void add(const QString& path);

signals:
    void openRequested(const QString& path);

private:
    void rebuildMenu();

    QMenu* mMenu;
};

} // namespace latentlens::app
