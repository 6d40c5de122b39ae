#include "engine/core/exception.h"
#include "engine/forward/deadleaves.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <set>

using namespace latentlens;

class TestDeadLeaves : public QObject
{
    Q_OBJECT

private slots:
    void coversEveryPixelWithDiscsOfUniformGrey();
    void sameSeedSameImageOtherSeedAnother();
    void sizesFollowThePowerLaw();
    void badOptionsAreRefused();
};

void TestDeadLeaves::coversEveryPixelWithDiscsOfUniformGrey()
{
    engine::DeadLeavesOptions o;
    o.width = 96;
    o.height = 64;
    const engine::Image image = engine::deadLeaves(o);
    QCOMPARE(image.width(), std::size_t(96));
    QCOMPARE(image.height(), std::size_t(64));
    std::set<float> greys;
    for (float v : image.values()) {
        QVERIFY(v >= 0.0f && v < 1.0f);
        greys.insert(v);
    }
    // Many discs, yet flat regions: far fewer grey levels than pixels.
    QVERIFY2(greys.size() > 20, qPrintable(QString::number(greys.size())));
    QVERIFY2(greys.size() < image.size() / 8, qPrintable(QString::number(greys.size())));
    // Most neighbours share their disc: edges are sparse and sharp.
    std::size_t same = 0;
    for (std::size_t y = 0; y < 64; ++y)
        for (std::size_t x = 1; x < 96; ++x)
            same += image.at(x, y) == image.at(x - 1, y);
    QVERIFY2(same > 95 * 64 / 2, qPrintable(QString::number(same)));
}

void TestDeadLeaves::sameSeedSameImageOtherSeedAnother()
{
    engine::DeadLeavesOptions o;
    const auto a = engine::deadLeaves(o), b = engine::deadLeaves(o);
    QVERIFY(std::equal(a.values().begin(), a.values().end(), b.values().begin()));
    o.seed = 2;
    const auto c = engine::deadLeaves(o);
    QVERIFY(!std::equal(a.values().begin(), a.values().end(), c.values().begin()));
}

void TestDeadLeaves::sizesFollowThePowerLaw()
{
    // With the smallest radius as large as the largest, every disc has that radius: a
    // 64 x 64 image holds only a few of them. With radii down to one pixel, many more.
    engine::DeadLeavesOptions big;
    big.minRadius = big.maxRadius = 40.0;
    engine::DeadLeavesOptions wide;
    auto levels = [](const engine::Image& image) {
        return std::set<float>(image.values().begin(), image.values().end()).size();
    };
    const std::size_t few = levels(engine::deadLeaves(big)),
                      many = levels(engine::deadLeaves(wide));
    QVERIFY2(few <= 12, qPrintable(QString::number(few)));
    QVERIFY2(many > 4 * few, qPrintable(QString("%1 against %2").arg(many).arg(few)));
}

void TestDeadLeaves::badOptionsAreRefused()
{
    engine::DeadLeavesOptions o;
    o.width = 0;
    QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument, engine::deadLeaves(o));
    o = {};
    o.minRadius = 0.0;
    QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument, engine::deadLeaves(o));
    o = {};
    o.minRadius = 10.0;
    o.maxRadius = 5.0;
    QVERIFY_THROWS_EXCEPTION(engine::InvalidArgument, engine::deadLeaves(o));
}

QTEST_GUILESS_MAIN(TestDeadLeaves)
#include "tst_deadleaves.moc"
