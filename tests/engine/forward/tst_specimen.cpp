#include "engine/core/exception.h"
#include "engine/forward/specimen.h"

#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace latentlens;

namespace {

double mean(const engine::Image& image)
{
    double sum = 0;
    for (float v : image.values())
        sum += v;
    return sum / double(image.size());
}

// Mean squared difference of horizontal neighbours: large for sharp structures.
double fineDetail(const engine::Image& image)
{
    double sum = 0;
    for (std::size_t y = 0; y < image.height(); ++y)
        for (std::size_t x = 1; x < image.width(); ++x) {
            const double d = image.at(x, y) - image.at(x - 1, y);
            sum += d * d;
        }
    return sum / double(image.size());
}

} // namespace

class TestSpecimen : public QObject
{
    Q_OBJECT

private slots:
    void sameSeedSameImage();
    void differentSeedsDiffer();
    void anySizeInUnitRange_data();
    void anySizeInUnitRange();
    void holdsSharpStructureOnABackground();
    void densityScalesWithArea();
    void eachComponentContributes();
    void badOptionsAreRefused();
};

void TestSpecimen::sameSeedSameImage()
{
    engine::SpecimenOptions options;
    options.seed = 42;
    const auto a = engine::generateSpecimen(options), b = engine::generateSpecimen(options);
    QVERIFY(std::equal(a.values().begin(), a.values().end(), b.values().begin()));
}

void TestSpecimen::differentSeedsDiffer()
{
    engine::SpecimenOptions options;
    const auto a = engine::generateSpecimen(options);
    options.seed = 2;
    const auto b = engine::generateSpecimen(options);
    std::size_t differing = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        differing += std::abs(a.data()[i] - b.data()[i]) > 0.05f;
    QVERIFY(differing > a.size() / 10);
}

void TestSpecimen::anySizeInUnitRange_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::newRow("1x1") << 1 << 1;
    QTest::newRow("17x33") << 17 << 33;
    QTest::newRow("300x200") << 300 << 200;
    QTest::newRow("1024x768") << 1024 << 768;
}

void TestSpecimen::anySizeInUnitRange()
{
    QFETCH(int, width);
    QFETCH(int, height);
    engine::SpecimenOptions options;
    options.width = std::size_t(width);
    options.height = std::size_t(height);
    const auto image = engine::generateSpecimen(options);
    QCOMPARE(image.width(), std::size_t(width));
    QCOMPARE(image.height(), std::size_t(height));
    const auto [lo, hi] = std::minmax_element(image.values().begin(), image.values().end());
    QVERIFY(*lo >= 0.0f);
    QVERIFY(*hi <= 1.0f);
    QVERIFY(image.allFinite());
}

void TestSpecimen::holdsSharpStructureOnABackground()
{
    engine::SpecimenOptions options;
    options.width = options.height = 512;
    const auto image = engine::generateSpecimen(options);
    std::vector<float> sorted(image.values().begin(), image.values().end());
    std::sort(sorted.begin(), sorted.end());
    const float median = sorted[sorted.size() / 2], p99 = sorted[sorted.size() * 99 / 100];
    // Mostly background near the requested level, with bright structure above it.
    QVERIFY2(median > 0.01f && median < 0.15f, qPrintable(QString::number(median)));
    QVERIFY2(p99 > 0.3f, qPrintable(QString::number(p99)));
    QVERIFY2(sorted.front() > 0.0f, "the background is never exactly black");
    // Filaments and vesicles are a pixel or two wide: strong neighbour-to-neighbour change.
    QVERIFY2(fineDetail(image) > 1e-3, qPrintable(QString::number(fineDetail(image))));
}

void TestSpecimen::densityScalesWithArea()
{
    engine::SpecimenOptions options;
    double small = 0, large = 0;
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
        options.seed = seed;
        options.width = options.height = 256;
        small += mean(engine::generateSpecimen(options)) / 4;
        options.width = options.height = 768;
        large += mean(engine::generateSpecimen(options)) / 4;
    }
    QVERIFY2(std::abs(large - small) < 0.3 * small,
        qPrintable(QString("%1 vs %2").arg(small).arg(large)));
}

void TestSpecimen::eachComponentContributes()
{
    engine::SpecimenOptions none;
    none.filaments = none.vesicles = none.nuclei = 0;
    const double background = mean(engine::generateSpecimen(none));
    QVERIFY(std::abs(background - none.background) < 0.3 * none.background);
    QVERIFY(fineDetail(engine::generateSpecimen(none)) < 1e-5); // smooth
    for (int component = 0; component < 3; ++component) {
        engine::SpecimenOptions one = none;
        (component == 0 ? one.filaments : component == 1 ? one.vesicles : one.nuclei) = 20;
        const double added = mean(engine::generateSpecimen(one)) - background;
        QVERIFY2(
            added > 0.002, qPrintable(QString("component %1 adds %2").arg(component).arg(added)));
    }
}

void TestSpecimen::badOptionsAreRefused()
{
    engine::SpecimenOptions options;
    options.width = 0;
    QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument, engine::generateSpecimen(options));
    options.width = 64;
    options.filaments = -1;
    QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument, engine::generateSpecimen(options));
    options.filaments = std::nan("");
    QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument, engine::generateSpecimen(options));
}

QTEST_GUILESS_MAIN(TestSpecimen)
#include "tst_specimen.moc"
