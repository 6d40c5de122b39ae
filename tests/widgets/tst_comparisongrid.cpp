#include "widgets/comparisongrid.h"
#include "widgets/lineprofileview.h"

#include <QSignalSpy>
#include <QtTest>

#include <cmath>

using namespace latentlens::widgets;

class TestComparisonGrid : public QObject
{
    Q_OBJECT

private slots:
    void zoomAndPanMoveEveryPanel();
    void pixelValuesOfEveryPanelAreListed();
    void contrastModes();
    void colourMapAppliesToEveryPanel();
    void panelsCanBeHiddenAndShown();
    void profileSamplesAlongTheLine();
    void shiftDragDrawsTheProfileLine();
    void profileViewPlotsOneCurvePerMethod();
    void renderedGridHoldsEveryShownPanel();
};

// Values x + 100 y times `scale`: every pixel tells where it is.
static std::vector<float> ramp(int w, int h, float scale = 1.0f)
{
    std::vector<float> v(std::size_t(w) * h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            v[std::size_t(y) * w + x] = scale * float(x + 100 * y);
    return v;
}

static void fill(ComparisonGrid& grid)
{
    grid.addPanel("input", "Input");
    grid.addPanel("wiener", "Wiener");
    grid.addPanel("rl", "Richardson-Lucy");
    grid.setPanelImage("input", 40, 30, ramp(40, 30));
    grid.setPanelImage("wiener", 40, 30, ramp(40, 30, 2.0f));
    grid.setPanelImage("rl", 40, 30, ramp(40, 30, 3.0f));
}

void TestComparisonGrid::zoomAndPanMoveEveryPanel()
{
    ComparisonGrid grid;
    fill(grid);
    grid.resize(900, 700);
    grid.show();
    QVERIFY(QTest::qWaitForWindowExposed(&grid));
    ImageView* wiener = grid.view("wiener");
    const QPointF at(wiener->width() / 2.0 + 10, wiener->height() / 2.0 - 5);
    QWheelEvent wheel(at, wiener->mapToGlobal(at), QPoint(), QPoint(0, 240), Qt::NoButton,
        Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(wiener, &wheel);
    const auto state = wiener->viewState();
    QVERIFY(!state.fitted);
    for (const QString& key : grid.panelKeys()) {
        const auto other = grid.view(key)->viewState();
        QCOMPARE(other.zoom, state.zoom);
        QVERIFY(std::abs(other.centre.x() - state.centre.x()) < 1e-6);
        QVERIFY(std::abs(other.centre.y() - state.centre.y()) < 1e-6);
    }
    // Dragging one pans the others by the same image distance.
    ImageView* rl = grid.view("rl");
    QTest::mousePress(rl, Qt::LeftButton, {}, QPoint(50, 50));
    QTest::mouseMove(rl, QPoint(80, 70));
    QTest::mouseRelease(rl, Qt::LeftButton, {}, QPoint(80, 70));
    const auto panned = rl->viewState();
    QVERIFY(std::abs(panned.centre.x() - state.centre.x()) > 0.5);
    QVERIFY(std::abs(grid.view("input")->viewState().centre.x() - panned.centre.x()) < 1e-6);
    // A new result in a panel keeps the shared view.
    grid.setPanelImage("wiener", 40, 30, ramp(40, 30, 5.0f));
    QVERIFY(std::abs(grid.view("wiener")->viewState().centre.y() - panned.centre.y()) < 1e-6);
}

void TestComparisonGrid::pixelValuesOfEveryPanelAreListed()
{
    ComparisonGrid grid;
    fill(grid);
    grid.resize(900, 700);
    grid.show();
    QVERIFY(QTest::qWaitForWindowExposed(&grid));
    ImageView* input = grid.view("input");
    // Hover the centre of pixel (7, 3) of the input panel.
    const auto s = input->viewState();
    const QPointF widget
        = (QPointF(7.5, 3.5) - s.centre) * s.zoom + QPointF(input->width(), input->height()) / 2.0;
    QTest::mouseMove(input, widget.toPoint());
    const QString text = grid.pixelText();
    QVERIFY2(text.startsWith("x 7, y 3"), qPrintable(text));
    QVERIFY2(text.contains("Input 307"), qPrintable(text));
    QVERIFY2(text.contains("Wiener 614"), qPrintable(text));
    QVERIFY2(text.contains("Richardson-Lucy 921"), qPrintable(text));
}

void TestComparisonGrid::contrastModes()
{
    ComparisonGrid grid;
    fill(grid);
    // Each panel: its own percentiles, so the brighter methods get higher white points.
    QVERIFY(grid.view("rl")->displayHigh() > 2.5f * grid.view("input")->displayHigh());
    grid.setContrast(ComparisonGrid::Contrast::LikeFirst);
    QCOMPARE(grid.view("rl")->displayHigh(), grid.view("input")->displayHigh());
    QCOMPARE(grid.view("wiener")->displayLow(), grid.view("input")->displayLow());
    grid.setContrast(ComparisonGrid::Contrast::Manual);
    grid.setManualRange(100.0, 200.0);
    for (const QString& key : grid.panelKeys()) {
        QCOMPARE(grid.view(key)->displayLow(), 100.0f);
        QCOMPARE(grid.view(key)->displayHigh(), 200.0f);
    }
    // A new result follows the chosen mode.
    grid.setPanelImage("rl", 40, 30, ramp(40, 30, 7.0f));
    QCOMPARE(grid.view("rl")->displayHigh(), 200.0f);
}

void TestComparisonGrid::colourMapAppliesToEveryPanel()
{
    ComparisonGrid grid;
    fill(grid);
    const QRgb greyTop = grid.view("wiener")->renderedImage().pixel(39, 29);
    QCOMPARE(qRed(greyTop), qBlue(greyTop));
    grid.setColourMap(ColourMap::Viridis);
    for (const QString& key : grid.panelKeys()) {
        QCOMPARE(grid.view(key)->colourMap(), ColourMap::Viridis);
        const QImage shown = grid.view(key)->renderedImage();
        QCOMPARE(shown.pixel(0, 0), colourTable(ColourMap::Viridis).front()); // lowest value
        QCOMPARE(shown.pixel(39, 29), colourTable(ColourMap::Viridis).back()); // saturated
    }
    // Every map runs through 256 distinct-enough colours from dark to light.
    for (ColourMap map : colourMaps()) {
        const auto table = colourTable(map);
        QCOMPARE(table.size(), 256);
        QVERIFY(qGray(table.front()) < qGray(table.back()));
    }
}

void TestComparisonGrid::panelsCanBeHiddenAndShown()
{
    ComparisonGrid grid;
    fill(grid);
    QSignalSpy changed(&grid, &ComparisonGrid::shownPanelsChanged);
    grid.setPanelShown("wiener", false);
    QCOMPARE(grid.shownPanels(), QStringList({ "input", "rl" }));
    QCOMPARE(changed.count(), 1);
    grid.show();
    QVERIFY(!grid.view("wiener")->isVisible());
    QVERIFY(grid.view("rl")->isVisible());
    grid.setPanelShown("wiener", true);
    QCOMPARE(grid.shownPanels(), QStringList({ "input", "wiener", "rl" }));
}

void TestComparisonGrid::profileSamplesAlongTheLine()
{
    // Along a row of the ramp the profile is x itself, one sample per pixel.
    const auto v = ComparisonGrid::sampleLine(ramp(40, 30), 40, 30, QLineF(2, 5, 12, 5));
    QCOMPARE(v.size(), std::size_t(11));
    for (std::size_t i = 0; i < v.size(); ++i)
        QCOMPARE(v[i], float(2 + i + 500));
    // Diagonal: bilinear interpolation of a linear function is exact.
    const auto d = ComparisonGrid::sampleLine(ramp(40, 30), 40, 30, QLineF(1.5, 1.25, 4.5, 5.25));
    QCOMPARE(d.size(), std::size_t(6));
    QVERIFY(std::abs(d.front() - (1.5f + 125.0f)) < 1e-3f);
    QVERIFY(std::abs(d.back() - (4.5f + 525.0f)) < 1e-3f);
    QVERIFY(ComparisonGrid::sampleLine(ramp(4, 4), 4, 4, QLineF()).empty());
    QVERIFY(ComparisonGrid::sampleLine(ramp(4, 4), 5, 4, QLineF(0, 0, 2, 2)).empty());
}

void TestComparisonGrid::shiftDragDrawsTheProfileLine()
{
    ComparisonGrid grid;
    fill(grid);
    grid.resize(900, 700);
    grid.show();
    QVERIFY(QTest::qWaitForWindowExposed(&grid));
    QSignalSpy changed(&grid, &ComparisonGrid::profileLineChanged);
    ImageView* view = grid.view("wiener");
    const auto s = view->viewState();
    auto widgetOf = [&](QPointF pixelCentre) {
        return ((pixelCentre + QPointF(0.5, 0.5) - s.centre) * s.zoom
            + QPointF(view->width(), view->height()) / 2.0)
            .toPoint();
    };
    QTest::mousePress(view, Qt::LeftButton, Qt::ShiftModifier, widgetOf({ 5, 10 }));
    QTest::mouseMove(view, widgetOf({ 30, 10 }));
    QTest::mouseRelease(view, Qt::LeftButton, Qt::ShiftModifier, widgetOf({ 30, 10 }));
    QCOMPARE(changed.count(), 1);
    const QLineF line = grid.profileLine();
    QVERIFY(std::abs(line.x1() - 5) < 0.5 && std::abs(line.x2() - 30) < 0.5);
    QVERIFY(std::abs(line.y1() - 10) < 0.5);
    for (const QString& key : grid.panelKeys())
        QCOMPARE(grid.view(key)->profileLine(), line);
    // The view still shows the same part: drawing a line does not pan.
    QCOMPARE(view->viewState().centre, s.centre);
    const auto rl = grid.profile("rl"), input = grid.profile("input");
    QCOMPARE(rl.size(), input.size());
    QVERIFY(std::abs(rl[3] - 3.0f * input[3]) < 1e-2f);
}

void TestComparisonGrid::profileViewPlotsOneCurvePerMethod()
{
    LineProfileView view;
    view.setProfiles({ { "Input", { 1.0f, 2.0f, 3.0f } }, { "Wiener", { 2.0f, 4.0f, 6.0f } } });
    QCOMPARE(view.seriesNames(), QStringList({ "Input", "Wiener" }));
    const auto points = view.seriesPoints("Wiener");
    QCOMPARE(points.size(), 3);
    QCOMPARE(points[2], QPointF(2.0, 6.0));
    view.setProfiles({});
    QVERIFY(view.seriesNames().isEmpty());
}

void TestComparisonGrid::renderedGridHoldsEveryShownPanel()
{
    ComparisonGrid grid;
    fill(grid);
    grid.setPanelCaption("wiener", "NSR 0.01, 12 ms");
    const QImage all = grid.renderGrid();
    grid.setPanelShown("rl", false);
    const QImage two = grid.renderGrid();
    QVERIFY(!all.isNull() && !two.isNull());
    // Three panels need two columns and two rows; two panels two columns and one row.
    QVERIFY(all.height() > two.height());
    QCOMPARE(all.width(), two.width());
}

QTEST_MAIN(TestComparisonGrid)
#include "tst_comparisongrid.moc"
