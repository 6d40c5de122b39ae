#include "engine/forward/specimen.h"

#include "engine/core/exception.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace latentlens::engine {

namespace {

constexpr double kPi = std::numbers::pi;

// splitmix64: small, fast and the same everywhere, unlike std::*_distribution.
class Random
{
public:
    explicit Random(std::uint64_t seed) : mState(seed) { }
    std::uint64_t next()
    {
        std::uint64_t z = (mState += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
    double uniform(double a, double b) { return a + (b - a) * uniform(); }
    double normal()
    {
        const double u = std::max(uniform(), 1e-300), v = uniform();
        return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * kPi * v);
    }
    // How many of an object whose expected count is `mean`: floor(mean + u).
    std::size_t count(double mean) { return std::size_t(std::floor(mean + uniform())); }

private:
    std::uint64_t mState;
};

// A smooth random texture: a sum of plane waves with wavelengths in [shortest, longest].
class Texture
{
public:
    Texture(Random& random, int waves, double shortest, double longest)
    {
        for (int i = 0; i < waves; ++i) {
            const double angle = random.uniform(0, kPi),
                         k = 2 * kPi / random.uniform(shortest, longest);
            mWaves.push_back(
                { k * std::cos(angle), k * std::sin(angle), random.uniform(0, 2 * kPi) });
        }
    }
    // Roughly in [-1, 1].
    double operator()(double x, double y) const
    {
        double v = 0.0;
        for (const auto& w : mWaves)
            v += std::cos(w.kx * x + w.ky * y + w.phase);
        return v / std::sqrt(double(mWaves.size()) * 0.5) / 2.0;
    }

private:
    struct Wave
    {
        double kx, ky, phase;
    };
    std::vector<Wave> mWaves;
};

// Value noise: random values on a square lattice, blended with a smoothstep. Unlike a few
// plane waves it has no visible period, so it reads as chromatin texture.
class ValueNoise
{
public:
    ValueNoise(std::uint64_t seed, double spacing) : mSeed(seed), mSpacing(spacing) { }
    // In [-1, 1].
    double operator()(double x, double y) const
    {
        const double fx = x / mSpacing, fy = y / mSpacing;
        const double ix = std::floor(fx), iy = std::floor(fy);
        const double tx = smooth(fx - ix), ty = smooth(fy - iy);
        const auto i = std::int64_t(ix), j = std::int64_t(iy);
        const double top = lattice(i, j) * (1 - tx) + lattice(i + 1, j) * tx;
        const double bottom = lattice(i, j + 1) * (1 - tx) + lattice(i + 1, j + 1) * tx;
        return top * (1 - ty) + bottom * ty;
    }

private:
    static double smooth(double t) { return t * t * (3 - 2 * t); }
    double lattice(std::int64_t i, std::int64_t j) const
    {
        Random hash(mSeed ^ (std::uint64_t(i) * 0x9E3779B97F4A7C15ull)
            ^ (std::uint64_t(j) * 0xC2B2AE3D27D4EB4Full));
        return 2.0 * hash.uniform() - 1.0;
    }
    std::uint64_t mSeed;
    double mSpacing;
};

// Adds amplitude * exp(-r^2 / 2 sigma^2) around (cx, cy).
void splat(Image& image, double cx, double cy, double sigma, double amplitude)
{
    const double reach = 3.5 * sigma;
    const auto x0 = std::max<std::ptrdiff_t>(0, std::ptrdiff_t(std::floor(cx - reach)));
    const auto y0 = std::max<std::ptrdiff_t>(0, std::ptrdiff_t(std::floor(cy - reach)));
    const auto x1 = std::min<std::ptrdiff_t>(
        std::ptrdiff_t(image.width()) - 1, std::ptrdiff_t(std::ceil(cx + reach)));
    const auto y1 = std::min<std::ptrdiff_t>(
        std::ptrdiff_t(image.height()) - 1, std::ptrdiff_t(std::ceil(cy + reach)));
    const double inv = 1.0 / (2.0 * sigma * sigma);
    for (auto y = y0; y <= y1; ++y)
        for (auto x = x0; x <= x1; ++x) {
            const double dx = double(x) - cx, dy = double(y) - cy;
            image.at(std::size_t(x), std::size_t(y))
                += float(amplitude * std::exp(-(dx * dx + dy * dy) * inv));
        }
}

void addBackground(Image& image, Random& random, double level)
{
    const Texture slow(random, 6, 0.6 * double(std::max(image.width(), image.height())),
        1.5 * double(std::max(image.width(), image.height())));
    for (std::size_t y = 0; y < image.height(); ++y)
        for (std::size_t x = 0; x < image.width(); ++x)
            image.at(x, y) += float(level * (1.0 + 0.6 * slow(double(x), double(y))));
}

void addNucleus(Image& image, Random& random)
{
    const double cx = random.uniform(0, double(image.width()));
    const double cy = random.uniform(0, double(image.height()));
    const double a = random.uniform(16, 34), b = a * random.uniform(0.6, 0.95);
    const double angle = random.uniform(0, kPi), c = std::cos(angle), s = std::sin(angle);
    const double level = random.uniform(0.25, 0.45), edge = random.uniform(1.0, 2.0);
    const ValueNoise coarse(random.next(), random.uniform(4.0, 6.0));
    const ValueNoise fine(random.next(), random.uniform(1.8, 2.6));
    const double reach = a + 4 * edge;
    const auto x0 = std::size_t(std::max(0.0, cx - reach)),
               y0 = std::size_t(std::max(0.0, cy - reach));
    const auto x1 = std::min(image.width(), std::size_t(std::max(0.0, cx + reach + 1)));
    const auto y1 = std::min(image.height(), std::size_t(std::max(0.0, cy + reach + 1)));
    for (std::size_t y = y0; y < y1; ++y)
        for (std::size_t x = x0; x < x1; ++x) {
            const double dx = double(x) - cx, dy = double(y) - cy;
            const double u = (c * dx + s * dy) / a, v = (-s * dx + c * dy) / b;
            // Signed distance to the boundary, approximately in pixels.
            const double distance = (std::sqrt(u * u + v * v) - 1.0) * std::min(a, b);
            const double inside = 1.0 / (1.0 + std::exp(distance / (0.5 * edge)));
            const double texture
                = 0.6 * coarse(double(x), double(y)) + 0.4 * fine(double(x), double(y));
            image.at(x, y) += float(inside * level * (1.0 + 0.4 * texture));
        }
    const std::size_t nucleoli = 1 + random.count(1.5);
    for (std::size_t i = 0; i < nucleoli; ++i) {
        const double r = 0.6 * std::sqrt(random.uniform()), t = random.uniform(0, 2 * kPi);
        const double u = r * std::cos(t) * a, v = r * std::sin(t) * b;
        splat(image, cx + c * u - s * v, cy + s * u + c * v, random.uniform(2.0, 4.0),
            random.uniform(0.15, 0.3));
    }
}

void addFilament(Image& image, Random& random)
{
    double x = random.uniform(-20, double(image.width()) + 20);
    double y = random.uniform(-20, double(image.height()) + 20);
    double heading = random.uniform(0, 2 * kPi), turn = 0.0;
    const double length = random.uniform(60, 320), sigma = random.uniform(0.7, 1.3);
    const double amplitude = random.uniform(0.3, 0.8), step = 0.5;
    // Peak of a line of Gaussians spaced `step` apart: amplitude * step / (sqrt(2 pi) sigma)
    // per splat gives a line whose cross-section peaks at `amplitude`.
    const double perSplat = amplitude * step / (std::sqrt(2 * kPi) * sigma);
    for (double travelled = 0; travelled < length; travelled += step) {
        turn = 0.97 * turn + 0.004 * random.normal(); // slowly varying curvature
        heading += turn;
        x += step * std::cos(heading);
        y += step * std::sin(heading);
        splat(image, x, y, sigma, perSplat);
    }
}

void addVesicle(Image& image, Random& random)
{
    const double cx = random.uniform(0, double(image.width()));
    const double cy = random.uniform(0, double(image.height()));
    const double amplitude = random.uniform(0.25, 0.9);
    if (random.uniform() < 0.7) {
        splat(image, cx, cy, random.uniform(0.8, 2.0), amplitude);
        return;
    }
    // A ring: the membrane of a larger vesicle.
    const double radius = random.uniform(2.5, 5.0), sigma = random.uniform(0.6, 1.0);
    const int points = int(std::ceil(2 * kPi * radius / 0.5));
    const double perSplat = amplitude * (2 * kPi * radius / points) / (std::sqrt(2 * kPi) * sigma);
    for (int i = 0; i < points; ++i) {
        const double t = 2 * kPi * i / points;
        splat(image, cx + radius * std::cos(t), cy + radius * std::sin(t), sigma, perSplat);
    }
}

} // namespace

Image generateSpecimen(const SpecimenOptions& options)
{
    if (options.width == 0 || options.height == 0 || options.width > 16384
        || options.height > 16384)
        throw InvalidArgument("A specimen must be between 1 and 16384 pixels a side.");
    for (double v : { options.filaments, options.vesicles, options.nuclei, options.background })
        if (!(v >= 0) || !std::isfinite(v))
            throw InvalidArgument(
                "Specimen densities and the background must be zero or positive.");
    Image image(options.width, options.height);
    Random random(options.seed);
    const double area = double(options.width) * double(options.height) / (256.0 * 256.0);
    addBackground(image, random, options.background);
    for (std::size_t i = random.count(options.nuclei * area); i > 0; --i)
        addNucleus(image, random);
    for (std::size_t i = random.count(options.filaments * area); i > 0; --i)
        addFilament(image, random);
    for (std::size_t i = random.count(options.vesicles * area); i > 0; --i)
        addVesicle(image, random);
    // Crossing structures add up; a soft knee keeps them below 1 without flat clipping.
    for (float& v : image.values()) {
        const double t = std::max(0.0f, v);
        v = float(t < 0.8 ? t : 0.8 + 0.2 * std::tanh((t - 0.8) / 0.2));
    }
    return image;
}

} // namespace latentlens::engine
