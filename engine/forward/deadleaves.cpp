#include "engine/forward/deadleaves.h"

#include "engine/core/exception.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace latentlens::engine {

namespace {

// SplitMix64: its own generator, so that every platform draws the same image.
class Random
{
public:
    explicit Random(std::uint64_t seed) : mState(seed) { }
    double uniform() // [0, 1)
    {
        std::uint64_t z = (mState += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        z ^= z >> 31;
        return double(z >> 11) * 0x1.0p-53;
    }

private:
    std::uint64_t mState;
};

} // namespace

Image deadLeaves(const DeadLeavesOptions& o)
{
    if (o.width == 0 || o.height == 0 || o.width > 16384 || o.height > 16384)
        throw InvalidArgument("A dead-leaves image must be 1 to 16384 pixels a side.");
    if (!(o.minRadius > 0 && o.maxRadius >= o.minRadius))
        throw InvalidArgument("Dead-leaves radii must satisfy 0 < minimum <= maximum.");
    Random random(o.seed);
    Image image(o.width, o.height);
    std::vector<unsigned char> covered(o.width * o.height, 0);
    std::size_t left = covered.size();
    // Inverse of the radius distribution's CDF, density proportional to r^-3.
    const double a = 1.0 / (o.minRadius * o.minRadius), b = 1.0 / (o.maxRadius * o.maxRadius);
    float grey = 0.0f;
    for (int disc = 0; disc < 20000 && left > 0; ++disc) {
        const double r = 1.0 / std::sqrt(a - random.uniform() * (a - b));
        // Centres anywhere a disc can still touch the image.
        const double cx = -r + random.uniform() * (double(o.width) + 2 * r);
        const double cy = -r + random.uniform() * (double(o.height) + 2 * r);
        grey = float(random.uniform());
        const auto x0 = std::size_t(std::max(0.0, std::ceil(cx - r)));
        const auto y0 = std::size_t(std::max(0.0, std::ceil(cy - r)));
        const auto x1 = std::size_t(std::clamp(std::floor(cx + r), -1.0, double(o.width) - 1) + 1);
        const auto y1 = std::size_t(std::clamp(std::floor(cy + r), -1.0, double(o.height) - 1) + 1);
        for (std::size_t y = y0; y < y1; ++y)
            for (std::size_t x = x0; x < x1; ++x) {
                const double dx = double(x) - cx, dy = double(y) - cy;
                const std::size_t p = y * o.width + x;
                // Front to back: a pixel keeps the first disc that covers it.
                if (!covered[p] && dx * dx + dy * dy <= r * r) {
                    covered[p] = 1;
                    image.values()[p] = grey;
                    --left;
                }
            }
    }
    if (left > 0)
        for (std::size_t p = 0; p < covered.size(); ++p)
            if (!covered[p])
                image.values()[p] = grey;
    return image;
}

} // namespace latentlens::engine
