#include "widgets/defocuscontrol.h"

#include <QDoubleSpinBox>
#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QtTest>

using latentlens::widgets::DefocusControl;

class TestDefocusControl : public QObject
{
    Q_OBJECT

private slots:
    void sliderAndSpinBoxFollowEachOther();
    void keyboardAndRangeClamp();
    void trainedValuesAreMarkedInOrderAndNamed();
};

void TestDefocusControl::sliderAndSpinBoxFollowEachOther()
{
    DefocusControl control;
    control.show();
    QSignalSpy changed(&control, &DefocusControl::valueChanged);
    // Typing into the spin box moves the slider (continuous: 0.01 µm steps).
    control.spinBox()->setValue(8.55);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.last().first().toDouble(), 8.55);
    QCOMPARE(control.slider()->value(), 845); // (8.55 - 0.1) / 0.01
    // Moving the slider updates the spin box, and one change is one signal.
    control.slider()->setValue(1490);
    QCOMPARE(changed.size(), 2);
    QVERIFY(std::abs(control.value() - 15.0) < 1e-9);
    QVERIFY(std::abs(control.spinBox()->value() - 15.0) < 1e-9);
    // Setting the same value again says nothing.
    control.setValue(15.0);
    QCOMPARE(changed.size(), 2);
}

void TestDefocusControl::keyboardAndRangeClamp()
{
    DefocusControl control;
    control.show();
    control.setValue(3.0);
    control.slider()->setFocus();
    QTest::keyClick(control.slider(), Qt::Key_Right);
    QVERIFY(std::abs(control.value() - 3.01) < 1e-9);
    QTest::keyClick(control.slider(), Qt::Key_End);
    QVERIFY(std::abs(control.value() - 15.0) < 1e-9);
    control.setValue(40.0); // clamped into the range
    QVERIFY(std::abs(control.value() - 15.0) < 1e-9);
    control.setRange(0.5, 10.0);
    QVERIFY(std::abs(control.value() - 10.0) < 1e-9);
    QCOMPARE(control.spinBox()->minimum(), 0.5);
    control.setRange(5.0, 1.0); // not a range: ignored
    QCOMPARE(control.minimum(), 0.5);
    control.setValue(std::nan(""));
    QVERIFY(std::abs(control.value() - 10.0) < 1e-9);
}

void TestDefocusControl::trainedValuesAreMarkedInOrderAndNamed()
{
    DefocusControl control;
    control.resize(500, 80);
    control.show();
    QVERIFY(QTest::qWaitForWindowExposed(&control));
    control.setTrainedValues({ 15, 0.1, 3, 5, 7, 10 });
    QCOMPARE(control.trainedValues().front(), 0.1);
    auto* label = control.findChild<QLabel*>("trainedLabel");
    QVERIFY2(label->text().contains("0.1, 3, 5, 7, 10, 15"), qPrintable(label->text()));
    // Marks lie under the slider, in order, proportionally: 7.55 µm is half-way.
    const int a = control.positionOf(0.1), b = control.positionOf(15),
              mid = control.positionOf(7.55);
    QVERIFY(a >= control.slider()->x() && b <= control.slider()->geometry().right());
    QVERIFY(b - a > 200);
    QVERIFY(std::abs(mid - (a + b) / 2) <= 1);
    // The handle is drawn where positionOf says: the slider's own handle centre.
    control.setValue(10.0);
    QStyleOptionSlider option;
    option.initFrom(control.slider());
    option.orientation = Qt::Horizontal;
    option.minimum = control.slider()->minimum();
    option.maximum = control.slider()->maximum();
    option.sliderPosition = option.sliderValue = control.slider()->value();
    const QRect handle = control.slider()->style()->subControlRect(
        QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, control.slider());
    QVERIFY(std::abs(control.slider()->x() + handle.center().x() - control.positionOf(10.0)) <= 1);
    control.setTrainedValues({});
    QVERIFY(label->text().contains("No model"));
}

QTEST_MAIN(TestDefocusControl)
#include "tst_defocuscontrol.moc"
