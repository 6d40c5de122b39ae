#include "widgets/imageview.h"

#include <QSignalSpy>
#include <QtTest>

#include <cmath>

using latentlens::widgets::ImageView;

class TestImageView : public QObject
{
    Q_OBJECT

private slots:
    void showsPlaceholderWithoutImage();
    void rendersWithDisplayRange();
    void autoContrastUsesPercentiles();
    void reportsPixelUnderCursor();
    void wheelZoomKeepsPixelUnderCursor();
    void rejectsMismatchedData();
};

static std::vector<float> gradient(int w, int h)
{
    std::vector<float> v(std::size_t(w) * h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            v[std::size_t(y) * w + x] = float(x) / float(w - 1);
    return v;
}

void TestImageView::showsPlaceholderWithoutImage()
{
    ImageView view;
    view.setPlaceholderText("Drop a file");
    QVERIFY(!view.hasImage());
    QCOMPARE(view.placeholderText(), QString("Drop a file"));
    QVERIFY(view.renderedImage().isNull());
}

void TestImageView::rendersWithDisplayRange()
{
    ImageView view;
    view.setImage(11, 3, gradient(11, 3));
    view.setDisplayRange(0.0f, 1.0f);
    QImage shown = view.renderedImage();
    QCOMPARE(shown.size(), QSize(11, 3));
    QCOMPARE(qGray(shown.pixel(0, 1)), 0);
    QCOMPARE(qGray(shown.pixel(10, 1)), 255);
    QCOMPARE(qGray(shown.pixel(5, 1)), 128); // 0.5 -> 127.5 rounds up
    view.setDisplayRange(0.0f, 0.5f); // values above 0.5 saturate
    QCOMPARE(qGray(view.renderedImage().pixel(7, 0)), 255);
}

void TestImageView::autoContrastUsesPercentiles()
{
    std::vector<float> v(1000);
    for (int i = 0; i < 1000; ++i)
        v[i] = float(i);
    v[999] = 1e9f; // one hot pixel must not wash out the picture
    ImageView view;
    view.setImage(100, 10, v);
    QVERIFY(view.displayLow() <= 1.0f);
    QVERIFY(view.displayHigh() < 1000.0f);
    view.autoContrast(0.0, 100.0);
    QCOMPARE(view.displayHigh(), 1e9f);
}

void TestImageView::reportsPixelUnderCursor()
{
    ImageView view;
    view.resize(200, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setImage(10, 10, gradient(10, 10)); // fitted: 20 screen pixels per image pixel
    QSignalSpy spy(&view, &ImageView::pixelHovered);
    QTest::mouseMove(&view, QPoint(3 * 20 + 10, 7 * 20 + 10));
    QTRY_VERIFY(spy.count() >= 1);
    const auto args = spy.takeLast();
    QCOMPARE(args[0].toInt(), 3);
    QCOMPARE(args[1].toInt(), 7);
    QCOMPARE(args[2].toFloat(), 3.0f / 9.0f);
}

void TestImageView::wheelZoomKeepsPixelUnderCursor()
{
    ImageView view;
    view.resize(200, 200);
    view.setImage(10, 10, gradient(10, 10));
    view.fitToWindow();
    const QPointF cursor(130, 50);
    const QPointF before = view.widgetToImage(cursor);
    QWheelEvent wheel(cursor, view.mapToGlobal(cursor), QPoint(), QPoint(0, 240), Qt::NoButton,
        Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(&view, &wheel);
    QVERIFY(std::abs(view.zoom() - 20.0 * 1.5625) < 1e-9);
    const QPointF after = view.widgetToImage(cursor);
    QVERIFY(std::abs(after.x() - before.x()) < 1e-9 && std::abs(after.y() - before.y()) < 1e-9);
}

void TestImageView::rejectsMismatchedData()
{
    ImageView view;
    view.setImage(10, 10, std::vector<float>(99));
    QVERIFY(!view.hasImage());
    QVERIFY(std::isnan(view.valueAt(0, 0)));
}

QTEST_MAIN(TestImageView)
#include "tst_imageview.moc"
