#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QWidget>

#include <vector>

class QChart;
class QChartView;
class QLabel;

namespace latentlens::widgets {

/// One value per method along the comparison grid's profile line, plotted with Qt Charts
/// (x: distance along the line in pixels).
class LineProfileView : public QWidget
{
    Q_OBJECT

public:
    using Profile = QPair<QString, std::vector<float>>;

    explicit LineProfileView(QWidget* parent = nullptr);

    /// Replaces the plotted curves; an empty list shows the hint to draw a line.
    void setProfiles(const QList<Profile>& profiles);
    QStringList seriesNames() const;
    /// Points of the named curve, empty if none.
    QList<QPointF> seriesPoints(const QString& name) const;

private:
    QChart* mChart = nullptr;
    QChartView* mChartView = nullptr;
    QLabel* mHint = nullptr;
};

} // namespace latentlens::widgets
