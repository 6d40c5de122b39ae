#include "engine/core/exception.h"
#include "engine/io/omexml.h"

#include <QtTest>

#include <cmath>

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
    void escapesText();
    void resolvesCharacterReferences();
    void writtenXmlParsesBack();
    void writtenXmlDescribesEveryPlane();
    void writerRefusesWhatItCannotDescribe_data();
    void writerRefusesWhatItCannotDescribe();
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

void TestOmeXml::escapesText()
{
    QCOMPARE(engine::xmlEscaped("a<b>&\"c'\n"), std::string("a&lt;b&gt;&amp;&quot;c&apos;&#10;"));
    QCOMPARE(engine::xmlEscaped("bell\x07 µm"), std::string("bell µm"));
}

void TestOmeXml::resolvesCharacterReferences()
{
    const auto ome = engine::parseOmeXml(
        "<OME><Image Name='a &amp; b'><Pixels SizeX='2' SizeY='2' SizeC='2'>"
        "<Channel Name='&#181;m &#x3bc; &lt;x&gt;'/><Channel Name='&quot;q&apos; &bogus;'/>"
        "</Pixels></Image></OME>");
    QVERIFY(ome.has_value());
    QCOMPARE(ome->imageName, std::string("a & b"));
    QCOMPARE(
        ome->channelNames, (std::vector<std::string> { "\u00B5m \u03BC <x>", "\"q' &bogus;" }));
}

void TestOmeXml::writtenXmlParsesBack()
{
    engine::OmeXml in;
    in.sizeX = 37;
    in.sizeY = 21;
    in.sizeZ = 3;
    in.sizeC = 2;
    in.sizeT = 4;
    in.pageOrder = "CZT";
    in.pixelType = "float";
    in.physicalSizeX = 65e-9;
    in.physicalSizeY = 70e-9;
    in.physicalSizeZ = 0.3e-6;
    in.channelNames = { "Fe K<sub>α</sub> & \"Zn\"", "line\nbreak 'x'" };
    in.imageName = "cells <1>";
    in.keyValues = { { "latentlens.scale", "255" }, { "a&b", "<c>" } };
    in.provenance = R"({"program":"LatentLens","parameters":{"note":"a < b & c > d"}})";

    const std::string xml = engine::formatOmeXml(in, "LatentLens 1.0 <dev>");
    QVERIFY(xml.starts_with("<?xml"));
    QVERIFY(xml.find("DimensionOrder=\"XYCZT\"") != std::string::npos);
    QVERIFY(xml.find("PhysicalSizeXUnit=\"\u00B5m\"") != std::string::npos);
    QVERIFY(xml.find("Creator=\"LatentLens 1.0 &lt;dev&gt;\"") != std::string::npos);
    QVERIFY(xml.find("<AnnotationRef ID=\"Annotation:1\"/>") != std::string::npos);

    const auto out = engine::parseOmeXml(xml);
    QVERIFY(out.has_value());
    QCOMPARE(out->sizeX, in.sizeX);
    QCOMPARE(out->sizeY, in.sizeY);
    QCOMPARE(out->sizeZ, in.sizeZ);
    QCOMPARE(out->sizeC, in.sizeC);
    QCOMPARE(out->sizeT, in.sizeT);
    QCOMPARE(out->pageOrder, in.pageOrder);
    QCOMPARE(out->pixelType, in.pixelType);
    // µm in the file: equal to the nanometre, not necessarily to the last bit.
    QVERIFY(std::abs(out->physicalSizeX - in.physicalSizeX) < 1e-18);
    QVERIFY(std::abs(out->physicalSizeY - in.physicalSizeY) < 1e-18);
    QVERIFY(std::abs(out->physicalSizeZ - in.physicalSizeZ) < 1e-18);
    QCOMPARE(out->channelNames, in.channelNames);
    QCOMPARE(out->imageName, in.imageName);
    QCOMPARE(out->keyValues, in.keyValues);
    QCOMPARE(out->provenance, in.provenance);
}

void TestOmeXml::writtenXmlDescribesEveryPlane()
{
    engine::OmeXml in;
    in.sizeX = in.sizeY = 8;
    in.sizeZ = 5;
    in.sizeT = 3;
    in.pixelType = "uint16";
    const std::string xml = engine::formatOmeXml(in);
    QVERIFY(xml.find("<TiffData IFD=\"0\" PlaneCount=\"15\"/>") != std::string::npos);
    QVERIFY(xml.find("<Channel ID=\"Channel:0:0\" SamplesPerPixel=\"1\"/>") != std::string::npos);
    // Nothing unknown is stated: no physical size, no annotations.
    QVERIFY(xml.find("PhysicalSize") == std::string::npos);
    QVERIFY(xml.find("Annotation") == std::string::npos);
    const auto out = engine::parseOmeXml(xml);
    QVERIFY(out.has_value());
    QCOMPARE(out->physicalSizeX, 0.0);
    QVERIFY(out->keyValues.empty());
    QVERIFY(out->provenance.empty());
}

void TestOmeXml::writerRefusesWhatItCannotDescribe_data()
{
    QTest::addColumn<QString>("order");
    QTest::addColumn<int>("sizeC");
    QTest::addColumn<int>("names");
    QTest::addColumn<QString>("type");
    QTest::newRow("order without T") << "CZZ" << 2 << 0 << "float";
    QTest::newRow("order too long") << "CZTT" << 2 << 0 << "float";
    QTest::newRow("no channels") << "CZT" << 0 << 0 << "float";
    QTest::newRow("names for some channels") << "CZT" << 3 << 2 << "float";
    QTest::newRow("no pixel type") << "CZT" << 2 << 0 << "";
}

void TestOmeXml::writerRefusesWhatItCannotDescribe()
{
    QFETCH(QString, order);
    QFETCH(int, sizeC);
    QFETCH(int, names);
    QFETCH(QString, type);
    engine::OmeXml in;
    in.sizeX = in.sizeY = 4;
    in.sizeC = std::size_t(sizeC);
    in.pageOrder = order.toStdString();
    in.pixelType = type.toStdString();
    in.channelNames.assign(std::size_t(names), "ch");
    QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument, engine::formatOmeXml(in));
}

QTEST_GUILESS_MAIN(TestOmeXml)
#include "tst_omexml.moc"
