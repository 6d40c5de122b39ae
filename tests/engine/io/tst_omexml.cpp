#include "engine/io/omexml.h"

#include <QtTest>

using namespace latentlens;

class TestOmeXml : public QObject
{
    Q_OBJECT

private slots:
    void parsesPixels();
    void defaultsToMicrons();
    void notOme();
    void units_data();
    void units();
};

void TestOmeXml::parsesPixels()
{
    const auto ome = engine::parseOmeXml(
        "<ome:OME xmlns:ome='x'><ome:Image><ome:Pixels DimensionOrder='XYCTZ' SizeX='10' "
        "SizeY='20' SizeZ='5' SizeC='2' SizeT='3' PhysicalSizeX='0.5' PhysicalSizeXUnit='mm'>"
        "<ome:Channel Name='a'/><ome:Channel Name='b'/></ome:Pixels></ome:Image></ome:OME>");
    QVERIFY(ome.has_value());
    QCOMPARE(ome->sizeX, std::size_t(10));
    QCOMPARE(ome->sizeY, std::size_t(20));
    QCOMPARE(ome->sizeZ, std::size_t(5));
    QCOMPARE(ome->sizeC, std::size_t(2));
    QCOMPARE(ome->sizeT, std::size_t(3));
    QCOMPARE(ome->pageOrder, std::string("CTZ"));
    QCOMPARE(ome->physicalSizeX, 0.5e-3);
    QCOMPARE(ome->channelNames, (std::vector<std::string> { "a", "b" }));
}

void TestOmeXml::defaultsToMicrons()
{
    const auto ome = engine::parseOmeXml(
        R"(<OME><Image><Pixels SizeX="4" SizeY="4" PhysicalSizeX="0.1" PhysicalSizeY="0.2"/></Image></OME>)");
    QVERIFY(ome.has_value());
    QCOMPARE(ome->physicalSizeX, 0.1e-6);
    QCOMPARE(ome->physicalSizeY, 0.2e-6);
    QCOMPARE(ome->pageOrder, std::string("ZCT"));
    QVERIFY(ome->channelNames.empty());
}

void TestOmeXml::notOme()
{
    QVERIFY(!engine::parseOmeXml("ImageJ=1.53\nimages=3\n").has_value());
    QVERIFY(!engine::parseOmeXml("<OME><Image/></OME>").has_value());
    QVERIFY(!engine::parseOmeXml("<OME><Pixels SizeX='0' SizeY='4'/></OME>").has_value());
}

void TestOmeXml::units_data()
{
    QTest::addColumn<QString>("unit");
    QTest::addColumn<double>("metres");
    QTest::newRow("micron") << "micron" << 1e-6;
    QTest::newRow("µm") << QString::fromUtf8("µm") << 1e-6;
    QTest::newRow("um") << "um" << 1e-6;
    QTest::newRow("nm") << "nm" << 1e-9;
    QTest::newRow("mm") << "mm" << 1e-3;
    QTest::newRow("unknown") << "parsec" << 0.0;
}

void TestOmeXml::units()
{
    QFETCH(QString, unit);
    QFETCH(double, metres);
    QCOMPARE(engine::metresPerUnit(unit.toStdString()), metres);
}

QTEST_GUILESS_MAIN(TestOmeXml)
#include "tst_omexml.moc"
