#include "widgets/lineprofileview.h"

#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QLineSeries>
#include <QPen>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace latentlens::widgets {

LineProfileView::LineProfileView(QWidget* parent) : QWidget(parent)
{
    mChart = new QChart;
    mChart->legend()->setAlignment(Qt::AlignRight);
    mChart->setMargins(QMargins(2, 2, 2, 2));
    mChartView = new QChartView(mChart, this);
    mChartView->setRenderHint(QPainter::Antialiasing);
    mChartView->setMinimumHeight(160);
    mHint = new QLabel(
        tr("Shift-drag across any panel of the grid to plot every method along that line."), this);
    mHint->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mHint);
    layout->addWidget(mChartView, 1);
    setProfiles({});
}

void LineProfileView::setProfiles(const QList<Profile>& profiles)
{
    mChart->removeAllSeries();
    for (QAbstractAxis* axis : mChart->axes())
        mChart->removeAxis(axis);
    mHint->setVisible(profiles.isEmpty());
    if (profiles.isEmpty())
        return;
    auto* x = new QValueAxis;
    x->setTitleText(tr("distance along the line (px)"));
    x->setLabelFormat("%.0f");
    auto* y = new QValueAxis;
    y->setTitleText(tr("value"));
    mChart->addAxis(x, Qt::AlignBottom);
    mChart->addAxis(y, Qt::AlignLeft);
    double low = INFINITY, high = -INFINITY, length = 1.0;
    for (const auto& [name, values] : profiles) {
        if (values.size() < 2)
            continue;
        auto* series = new QLineSeries;
        series->setName(name);
        // Qt Charts' theme repeats its colours after five; the grid may show seven panels.
        static const QColor colours[] = { QColor(0, 114, 178), QColor(213, 94, 0),
            QColor(0, 158, 115), QColor(204, 121, 167), QColor(230, 159, 0), QColor(86, 180, 233),
            QColor(0, 0, 0), QColor(240, 228, 66) };
        series->setPen(QPen(colours[mChart->series().size() % std::size(colours)], 1.6));
        // The grid samples one value per pixel of length, so x is the index.
        QList<QPointF> points;
        for (std::size_t i = 0; i < values.size(); ++i) {
            const double v = values[i];
            points.push_back(QPointF(double(i), std::isfinite(v) ? v : 0.0));
            if (std::isfinite(v)) {
                low = std::min(low, v);
                high = std::max(high, v);
            }
        }
        length = std::max(length, double(values.size() - 1));
        series->replace(points);
        mChart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    }
    if (!(high > low)) {
        low = std::isfinite(low) ? low - 0.5 : 0.0;
        high = low + 1.0;
    }
    const double pad = 0.05 * (high - low);
    x->setRange(0.0, length);
    y->setRange(low - pad, high + pad);
}

QStringList LineProfileView::seriesNames() const
{
    QStringList names;
    for (QAbstractSeries* series : mChart->series())
        names.push_back(series->name());
    return names;
}

QList<QPointF> LineProfileView::seriesPoints(const QString& name) const
{
    for (QAbstractSeries* series : mChart->series())
        if (series->name() == name)
            return static_cast<QLineSeries*>(series)->points();
    return {};
}

} // namespace latentlens::widgets
