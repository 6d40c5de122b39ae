#include "app/gui/mainwindow.h"
#include "engine/latentmodel.h"
#include "engine/tiffio.h"
#include "widgets/defocuscontrol.h"
#include "widgets/imageview.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <numeric>

using namespace latentlens;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void opensStackAndNavigatesPlanes();
    void badFileShowsErrorAndKeepsImage();
    void demoShowsBlurredSpecimenAndGroundTruth();
    void demoAddsTheNetworkDeblurFromAWorker();
    void demoWithABrokenModelKeepsTwoPlanes();

private:
    QTemporaryDir mDir;
    QString mStack;
};

void TestMainWindow::initTestCase()
{
    QCoreApplication::setOrganizationName("LatentLensTests");
    engine::Image img(20, 10, 3);
    for (std::size_t p = 0; p < 3; ++p)
        for (std::size_t i = 0; i < img.planeSize(); ++i)
            img.plane(p)[i] = float(p * 100 + i % 7);
    mStack = mDir.filePath("stack.tif");
    engine::writeTiff(img, mStack.toStdString());
}

void TestMainWindow::opensStackAndNavigatesPlanes()
{
    app::MainWindow window;
    window.show();
    QVERIFY(window.openFile(mStack));
    QVERIFY(window.windowTitle().contains("stack.tif"));
    auto* view = window.imageView();
    QCOMPARE(view->imageWidth(), 20);
    QCOMPARE(view->valueAt(3, 0), 3.0f);
    auto* planeBox = window.findChild<QSpinBox*>("planeBox");
    QVERIFY(planeBox && planeBox->isEnabled());
    QCOMPARE(planeBox->maximum(), 3);
    planeBox->setValue(3); // as the user would, through the spin box
    QCOMPARE(window.currentPlane(), 2);
    QCOMPARE(view->valueAt(3, 0), 203.0f);
}

void TestMainWindow::badFileShowsErrorAndKeepsImage()
{
    app::MainWindow window;
    window.show();
    QVERIFY(window.openFile(mStack));
    const QString bad = mDir.filePath("broken.tif");
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("II*\0garbage", 11);
    f.close();

    QVERIFY(!window.openFile(bad));
    auto* box = window.findChild<QMessageBox*>("errorBox");
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY2(box->text().contains("broken.tif"), qPrintable(box->text()));
    QVERIFY(window.lastError().contains("not a readable TIFF"));
    QCOMPARE(window.currentFile(), mStack); // the previous image stays
    QCOMPARE(window.imageView()->valueAt(3, 0), 3.0f);
    box->accept();
}

void TestMainWindow::demoShowsBlurredSpecimenAndGroundTruth()
{
    app::MainWindow window;
    window.show();
    window.openDemo();
    QVERIFY(window.windowTitle().startsWith("Demo"));
    QCOMPARE(window.image().planeCount(), std::size_t(2));
    auto labelText = [&window] {
        QStringList texts;
        for (auto* label : window.findChildren<QLabel*>())
            texts << label->text();
        return texts.join('|');
    };
    QVERIFY2(labelText().contains("blurred: probe at 7"), qPrintable(labelText()));
    // Blurring keeps the flux but lowers the peaks of the fine structures.
    auto sorted = [&window](std::size_t plane) {
        const auto values = window.image().plane(plane);
        std::vector<float> v(values.begin(), values.end());
        std::sort(v.begin(), v.end());
        return v;
    };
    const auto blurred = sorted(0), truth = sorted(1);
    const auto mean = [](const std::vector<float>& v) {
        return std::accumulate(v.begin(), v.end(), 0.0) / double(v.size());
    };
    QVERIFY(std::abs(mean(blurred) - mean(truth)) < 0.005);
    const std::size_t p999 = truth.size() * 999 / 1000;
    QVERIFY2(truth[p999] > blurred[p999] + 0.1,
        qPrintable(QString("%1 vs %2").arg(truth[p999]).arg(blurred[p999])));
    auto* planeBox = window.findChild<QSpinBox*>("planeBox");
    planeBox->setValue(2);
    QVERIFY2(labelText().contains("ground truth"), qPrintable(labelText()));
    QCOMPARE(window.imageView()->valueAt(10, 10), window.image().at(10, 10, 1));
}

void TestMainWindow::demoAddsTheNetworkDeblurFromAWorker()
{
    engine::ModelRecord record;
    record.width = 8;
    record.latentChannels = 16;
    const QString model = mDir.filePath("tiny.llm");
    engine::LatentModel(record, 3).save(model.toStdString());
    qputenv("LATENTLENS_MODEL", model.toUtf8());
    app::MainWindow window;
    window.show();
    QSignalSpy done(&window, &app::MainWindow::demoDeblurFinished);
    window.openDemo();
    QVERIFY(window.demoDeblurRunning());
    window.setCurrentPlane(1); // the user looks at the ground truth meanwhile
    QVERIFY(done.wait(120000));
    QCOMPARE(done.front().front().toString(), QString()); // no error
    QVERIFY(!window.demoDeblurRunning());
    QCOMPARE(window.image().planeCount(), std::size_t(3));
    QCOMPARE(window.currentPlane(), 1); // the view stayed where the user was
    // Plane 3 is exactly the model's deblur of plane 1.
    const auto expected = engine::LatentModel::load(model.toStdString())
                              .deblur(window.image().extractPlane(0), 7e-6);
    const auto got = window.image().plane(2);
    QVERIFY(std::equal(got.begin(), got.end(), expected.values().begin()));
    window.setCurrentPlane(2);
    bool named = false;
    for (auto* label : window.findChildren<QLabel*>())
        named |= label->text().contains("deformable latent-space deblur at 7");
    QVERIFY(named);

    // The defocus slider: enabled, marks the trained values, and deblurs plane 1 again.
    auto* defocus = window.defocusControl();
    QVERIFY(defocus->isEnabled());
    QCOMPARE(defocus->trainedValues().size(), std::size_t(6));
    QCOMPARE(defocus->value(), 7.0);
    const auto network = engine::LatentModel::load(model.toStdString());
    done.clear();
    defocus->setValue(12.0);
    QVERIFY(done.wait(120000));
    QCOMPARE(window.image().planeCount(), std::size_t(3)); // replaced, not appended
    const auto at12 = network.deblur(window.image().extractPlane(0), 12e-6);
    QVERIFY(std::equal(
        window.image().plane(2).begin(), window.image().plane(2).end(), at12.values().begin()));
    // 200 quick moves end with the last value shown, and the window never waits for them.
    QElapsedTimer drag;
    drag.start();
    for (int i = 0; i < 200; ++i) {
        defocus->setValue(1.0 + 0.05 * i); // ends at 10.95 µm
        QCoreApplication::processEvents();
    }
    QVERIFY2(drag.elapsed() < 2000, qPrintable(QString::number(drag.elapsed())));
    QTRY_VERIFY_WITH_TIMEOUT(!window.demoDeblurRunning(), 60000);
    const auto last = network.deblur(window.image().extractPlane(0), 10.95e-6);
    QVERIFY(std::equal(
        window.image().plane(2).begin(), window.image().plane(2).end(), last.values().begin()));
    window.setCurrentPlane(2);
    bool lastNamed = false;
    for (auto* label : window.findChildren<QLabel*>())
        lastNamed |= label->text().contains("deblur at 10.95");
    QVERIFY(lastNamed);

    // Opening a file while the deblur runs stops it; nothing lands on the new image.
    window.openDemo();
    QVERIFY(window.openFile(mStack));
    QVERIFY(!window.demoDeblurRunning());
    QTest::qWait(50);
    QCOMPARE(window.image().planeCount(), std::size_t(3)); // the stack's own three planes
    QCOMPARE(window.currentFile(), mStack);
    qunsetenv("LATENTLENS_MODEL");
}

void TestMainWindow::demoWithABrokenModelKeepsTwoPlanes()
{
    const QString broken = mDir.filePath("broken.llm");
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a model");
    file.close();
    qputenv("LATENTLENS_MODEL", broken.toUtf8());
    app::MainWindow window;
    window.show();
    QSignalSpy done(&window, &app::MainWindow::demoDeblurFinished);
    window.openDemo();
    QVERIFY(done.wait(60000));
    QVERIFY(!done.front().front().toString().isEmpty());
    QCOMPARE(window.image().planeCount(), std::size_t(2));
    QVERIFY2(window.statusBar()->currentMessage().contains("failed"),
        qPrintable(window.statusBar()->currentMessage()));
    qunsetenv("LATENTLENS_MODEL");
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
