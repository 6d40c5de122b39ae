#include "../widgets/renderbaseline.h"
#include "app/gui/jobworker.h"
#include "app/gui/probepanel.h"
#include "app/gui/volumedock.h"
#include "widgets/causticview.h"
#include "widgets/defocuscontrol.h"
#include "widgets/volumeview.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTabWidget>
#include <QtTest>

using namespace latentlens;

class TestVolumeDock : public QObject
{
    Q_OBJECT

private slots:
    void causticDefocusIsCentredOnFocus();
    void nothingIsMadeWhileHidden();
    void showsTheStackAndTheCaustic();
};

void TestVolumeDock::causticDefocusIsCentredOnFocus()
{
    const auto metres = app::VolumeDock::causticDefocus(0.1, 15.0);
    QCOMPARE(metres.size(), std::size_t(41));
    QCOMPARE(metres.front(), -15e-6);
    QCOMPARE(metres.back(), 15e-6);
    QVERIFY(std::abs(metres[20]) < 1e-15);
}

void TestVolumeDock::nothingIsMadeWhileHidden()
{
    app::JobWorker worker;
    app::ProbePanel probe;
    app::VolumeDock dock(&worker, &probe);
    dock.setStack(engine::Image(16, 16, 4));
    QVERIFY(!dock.viewsCreated());
    QVERIFY(!worker.busy());
}

void TestVolumeDock::showsTheStackAndTheCaustic()
{
    app::JobWorker worker;
    app::ProbePanel probe;
    app::VolumeDock dock(&worker, &probe);
    engine::Image stack(32, 32, 8);
    for (std::size_t i = 0; i < stack.size(); ++i)
        stack.data()[i] = float(i % 97) / 97.0f;
    dock.setStack(stack);
    QSignalSpy volume(&dock, &app::VolumeDock::volumeShown);
    dock.resize(500, 300);
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    QVERIFY(dock.viewsCreated());
    if (!dock.volumeView()->usable())
        QSKIP(qPrintable(
            "no usable OpenGL here (run under xvfb-run): " + dock.volumeView()->message()));
    QVERIFY(volume.count() > 0 || volume.wait(20000));
    QCOMPARE(dock.volumeView()->dimensions(), (std::array<int, 3> { 32, 32, 8 }));

    QSignalSpy caustic(&dock, &app::VolumeDock::causticShown);
    dock.findChild<QTabWidget*>("volumeTabs")->setCurrentIndex(1);
    QVERIFY(caustic.wait(60000));
    QVERIFY(dock.causticView()->hasCaustic());
    probe.defocusControl()->setValue(3.5);
    QCOMPARE(dock.causticView()->currentDefocus(), 3.5);
}

LATENTLENS_GL_TEST_MAIN(TestVolumeDock)
#include "tst_volumedock.moc"
