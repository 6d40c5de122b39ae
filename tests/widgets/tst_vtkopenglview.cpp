#include "renderbaseline.h"
#include "widgets/vtkopenglview.h"

#include <QApplication>
#include <QLabel>
#include <QtTest>

using namespace latentlens;
using widgets::VtkOpenGLView;

class TestVtkOpenGLView : public QObject
{
    Q_OBJECT

private slots:
    void withoutOpenGLShowsTheMessage();
    void withOpenGLIsUsable();
};

void TestVtkOpenGLView::withoutOpenGLShowsTheMessage()
{
    VtkOpenGLView view(nullptr, VtkOpenGLView::OpenGL::ForceUnavailable);
    QVERIFY(!view.usable());
    QVERIFY(!view.message().isEmpty());
    view.resize(200, 100);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto* label = view.findChild<QLabel*>("openGLMessage");
    QVERIFY(label);
    QVERIFY(label->isVisible());
    QCOMPARE(label->text(), view.message());
    QVERIFY(view.grabFramebuffer().isNull());
    view.render(); // harmless
}

void TestVtkOpenGLView::withOpenGLIsUsable()
{
    QString reason;
    if (!VtkOpenGLView::openGLAvailable(&reason))
        QSKIP(qPrintable("no usable OpenGL here (run under xvfb-run): " + reason));
    VtkOpenGLView view;
    QVERIFY(view.usable());
    view.resize(120, 80);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QImage picture = view.grabFramebuffer();
    QVERIFY(view.usable());
    QCOMPARE(picture.size(), QSize(120, 80));
    // An empty scene is the background colour everywhere.
    QCOMPARE(picture.pixelColor(60, 40), picture.pixelColor(5, 5));
    QVERIFY(picture.pixelColor(60, 40).blue() > 0);
    QVERIFY(!view.findChild<QLabel*>("openGLMessage")->isVisible());
}

LATENTLENS_GL_TEST_MAIN(TestVtkOpenGLView)
#include "tst_vtkopenglview.moc"
