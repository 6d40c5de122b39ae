#include "engine/core/exception.h"
#include "engine/core/image.h"

#include <QtTest>

#include <limits>

using namespace latentlens;

class TestImage : public QObject
{
    Q_OBJECT

private slots:
    void layoutIsXFastestThenPlanes();
    void planeOrderIsChannelZTime();
    void extractPlaneKeepsMetadata();
    void zeroDimensionsAreRefused();
    void outOfRangePlaneIsRefused();
    void finiteCheck();
};

void TestImage::layoutIsXFastestThenPlanes()
{
    engine::Image img(5, 3, 2);
    QCOMPARE(img.size(), std::size_t(30));
    img.at(4, 2, 1) = 7.0f;
    QCOMPARE(img.data()[(1 * 3 + 2) * 5 + 4], 7.0f);
    QCOMPARE(img.plane(1)[2 * 5 + 4], 7.0f);
}

void TestImage::planeOrderIsChannelZTime()
{
    engine::Image img(2, 2, 3, 2, 4); // z 3, channels 2, frames 4
    QCOMPARE(img.planeCount(), std::size_t(24));
    QCOMPARE(img.planeIndex(0, 0, 0), std::size_t(0));
    QCOMPARE(img.planeIndex(1, 0, 0), std::size_t(1));
    QCOMPARE(img.planeIndex(0, 1, 0), std::size_t(2));
    QCOMPARE(img.planeIndex(1, 2, 3), std::size_t(1 + 2 * (2 + 3 * 3)));
}

void TestImage::extractPlaneKeepsMetadata()
{
    engine::Image img(4, 4, 1, 2);
    img.setSpacing({ 1e-7, 2e-7, 0 });
    img.setIntensityScale(255);
    img.setChannelNames({ "Fe", "Zn" });
    img.at(1, 1, 1) = 0.5f;
    auto one = img.extractPlane(1);
    QCOMPARE(one.planeCount(), std::size_t(1));
    QCOMPARE(one.at(1, 1), 0.5f);
    QCOMPARE(one.spacing().y, 2e-7);
    QCOMPARE(one.intensityScale(), 255.0);
    QCOMPARE(one.channelNames().front(), std::string("Zn"));
}

void TestImage::zeroDimensionsAreRefused()
{
    QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument, engine::Image(0, 4));
    QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument, engine::Image(4, 4, 1, 0));
    const std::size_t huge = std::numeric_limits<std::size_t>::max() / 2;
    QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument, engine::Image(huge, huge));
}

void TestImage::outOfRangePlaneIsRefused()
{
    engine::Image img(4, 4, 2);
    QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument, img.plane(2));
    QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument, img.planeIndex(0, 2, 0));
    QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument, img.setChannelNames({ "a", "b" }));
    QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument, img.setIntensityScale(0));
}

void TestImage::finiteCheck()
{
    engine::Image img(3, 3);
    QVERIFY(img.allFinite());
    img.at(2, 2) = std::numeric_limits<float>::infinity();
    QVERIFY(!img.allFinite());
}

QTEST_GUILESS_MAIN(TestImage)
#include "tst_image.moc"
