#include "engine/deconv/hyperlaplacian.h"

#include "engine/deconv/deconvdomain.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace latentlens::engine {

namespace {

constexpr double kPi = std::numbers::pi;

double cost(double w, double v, double beta, double alpha)
{
    return std::pow(std::abs(w), alpha) + 0.5 * beta * (w - v) * (w - v);
}

// The better of w = 0 and an interior candidate (already known to satisfy 0 < w <= v).
double better(double candidate, double v, double beta, double alpha)
{
    return cost(candidate, v, beta, alpha) < 0.5 * beta * v * v ? candidate : 0.0;
}

// Largest real root of the depressed cubic t^3 + p t + q = 0, or NaN if it has none > 0
// when `positiveOnly`.
double largestCubicRoot(double p, double q)
{
    const double discriminant = (q / 2) * (q / 2) + (p / 3) * (p / 3) * (p / 3);
    if (discriminant > 0) {
        const double s = std::sqrt(discriminant);
        return std::cbrt(-q / 2 + s) + std::cbrt(-q / 2 - s);
    }
    // Three real roots (p < 0): the trigonometric form; k = 0 is the largest.
    const double r = 2.0 * std::sqrt(-p / 3.0);
    const double c = std::clamp(3.0 * q / (p * r), -1.0, 1.0);
    return r * std::cos(std::acos(c) / 3.0);
}

// Enough that the table's interpolation changes the result by far less than the noise
// (tst_hyperlaplacian compares it with the exact w-step).
constexpr std::size_t kShrinkTableSamples = 4096;

// The w-step: w = shrink(D x) for the forward differences of x, circular, in x and y.
void shrinkStep(
    const float* x, std::size_t w, std::size_t h, const ShrinkTable& table, float* w1, float* w2)
{
    for (std::size_t y = 0; y < h; ++y) {
        const float* row = x + y * w;
        const float* below = x + ((y + 1) % h) * w;
        float* out1 = w1 + y * w;
        float* out2 = w2 + y * w;
        for (std::size_t i = 0; i + 1 < w; ++i) {
            out1[i] = table.lookup(row[i + 1] - row[i]);
            out2[i] = table.lookup(below[i] - row[i]);
        }
        out1[w - 1] = table.lookup(row[0] - row[w - 1]);
        out2[w - 1] = table.lookup(below[w - 1] - row[w - 1]);
    }
}

double shrinkPixel(double v, double beta, double alpha)
{
    if (std::abs(alpha - 0.5) < 1e-12)
        return shrinkHalf(v, beta);
    if (std::abs(alpha - 2.0 / 3.0) < 1e-12)
        return shrinkTwoThirds(v, beta);
    return shrinkExact(v, beta, alpha);
}

void exactShrinkStep(
    const float* x, std::size_t w, std::size_t h, double beta, double alpha, float* w1, float* w2)
{
    for (std::size_t y = 0; y < h; ++y) {
        const std::size_t row = y * w, below = ((y + 1) % h) * w;
        for (std::size_t i = 0; i < w; ++i) {
            w1[row + i] = float(shrinkPixel(x[row + (i + 1) % w] - x[row + i], beta, alpha));
            w2[row + i] = float(shrinkPixel(x[below + i] - x[row + i], beta, alpha));
        }
    }
}

} // namespace

double shrinkExact(double v, double beta, double alpha)
{
    if (v < 0)
        return -shrinkExact(-v, beta, alpha);
    if (v == 0)
        return 0.0;
    auto slope = [&](double w) { return alpha * std::pow(w, alpha - 1.0) + beta * (w - v); };
    double lo = 0.0;
    if (alpha < 1.0) {
        // f is concave below the inflection point and convex above it; an interior minimum
        // lies in the convex part, where the slope rises through zero.
        lo = std::pow(alpha * (1.0 - alpha) / beta, 1.0 / (2.0 - alpha));
        if (lo >= v || slope(lo) >= 0)
            return 0.0;
    } else if (alpha == 1.0) {
        return std::max(v - 1.0 / beta, 0.0); // soft threshold
    } else if (slope(1e-300) >= 0) {
        return 0.0;
    }
    double hi = v; // slope(v) = alpha v^(alpha - 1) > 0
    for (int i = 0; i < 200 && hi - lo > 1e-15 * v; ++i) {
        const double mid = 0.5 * (lo + hi);
        (slope(mid) < 0 ? lo : hi) = mid;
    }
    return alpha < 1.0 ? better(0.5 * (lo + hi), v, beta, alpha) : 0.5 * (lo + hi);
}

double shrinkHalf(double v, double beta)
{
    if (v < 0)
        return -shrinkHalf(-v, beta);
    // With s = sqrt(w): 1 / (2 s) + beta (s^2 - v) = 0, i.e. s^3 - v s + 1 / (2 beta) = 0.
    const double p = -v, q = 1.0 / (2.0 * beta);
    if (4.0 * p * p * p + 27.0 * q * q >= 0)
        return 0.0; // one real root, negative: no interior minimum
    const double s = largestCubicRoot(p, q);
    const double w = s * s;
    return (w > 0 && w <= v) ? better(w, v, beta, 0.5) : 0.0;
}

double shrinkTwoThirds(double v, double beta)
{
    if (v < 0)
        return -shrinkTwoThirds(-v, beta);
    if (v == 0)
        return 0.0;
    // With s = w^(1/3): (2/3) / s + beta (s^3 - v) = 0, i.e. s^4 - v s + 2 / (3 beta) = 0.
    // Ferrari: (s^2 + m)^2 = (r s - p / (2 r))^2 with r = sqrt(2 m), m the positive root
    // of the resolvent m^3 - q m - p^2 / 8 = 0.
    const double p = -v, q = 2.0 / (3.0 * beta);
    const double m = largestCubicRoot(-q, -p * p / 8.0);
    if (!(m > 0))
        return 0.0;
    const double r = std::sqrt(2.0 * m);
    double best = -1.0;
    for (const double sign : { 1.0, -1.0 }) {
        // s^2 - sign r s + m + sign p / (2 r) = 0
        const double b = -sign * r, c = m + sign * p / (2.0 * r);
        const double disc = b * b - 4.0 * c;
        if (disc < 0)
            continue;
        best = std::max(best, (-b + std::sqrt(disc)) / 2.0);
    }
    if (!(best > 0))
        return 0.0;
    const double w = best * best * best;
    return w <= v ? better(w, v, beta, 2.0 / 3.0) : 0.0;
}

ShrinkTable::ShrinkTable(double beta, double alpha, double range, std::size_t samples)
    : mBeta(beta), mAlpha(alpha)
{
    samples = std::max<std::size_t>(samples, 2);
    // The minimiser is 0 up to a threshold and nonzero above it (alpha <= 1; 0 for
    // alpha > 1): find it by bisection, so that the table interpolates only where w(v) is
    // smooth.
    double lo = 0.0, hi = range;
    if (shrinkPixel(range, beta, alpha) == 0.0) {
        lo = range;
    } else {
        for (int i = 0; i < 80 && hi - lo > 1e-12 * range; ++i) {
            const double mid = 0.5 * (lo + hi);
            (shrinkPixel(mid, beta, alpha) == 0.0 ? lo : hi) = mid;
        }
    }
    const double start = std::min(hi, range);
    const double step = (range - start) / double(samples - 1);
    mThreshold = float(start);
    mRange = float(range);
    mInverseStep = step > 0 ? float(1.0 / step) : 0.0f;
    mLast = samples - 2;
    mValues.resize(samples);
    for (std::size_t i = 0; i < samples; ++i)
        mValues[i] = float(shrinkPixel(start + double(i) * step, beta, alpha));
}

double ShrinkTable::solve(double v) const
{
    return shrinkPixel(v, mBeta, mAlpha);
}

Image HyperLaplacian::run(const Image& blurred, const Image& kernel, const Progress& progress)
{
    const Image k = detail::normalisedKernel(kernel, blurred);
    const double alpha = mOptions.alpha;
    if (!(alpha > 0 && alpha <= 2))
        throw InvalidArgument("The hyper-Laplacian exponent alpha must lie in (0, 2].");
    if (!(mOptions.betaStart > 0) || !(mOptions.betaRate > 1) || mOptions.innerIterations < 1)
        throw InvalidArgument("The continuation needs beta > 0, a rate above 1 and at least "
                              "one inner iteration.");
    const bool tapered = mOptions.taperedBoundary;
    const auto shared = detail::cachedDomain(
        blurred.width(), blurred.height(), k, k.width(), k.height(), !tapered);
    const detail::Domain& domain = *shared;
    const std::size_t w = domain.width(), h = domain.height(), n = domain.size();
    const std::size_t cw = w / 2 + 1, bins = domain.spectrumSize();
    const float scale = 1.0f / float(n);

    // Forward differences (D x)(i) = x(i + 1) - x(i), circular: F(u) = e^{2 pi i u / w} - 1.
    fft::SpectrumBuffer fx(bins), fy(bins);
    fft::FloatBuffer k2(bins), f2(bins);
    for (std::size_t y = 0; y < h; ++y)
        for (std::size_t x = 0; x < cw; ++x) {
            const std::size_t i = y * cw + x;
            fx[i] = std::complex<float>(std::polar(1.0, 2 * kPi * double(x) / double(w)) - 1.0);
            fy[i] = std::complex<float>(std::polar(1.0, 2 * kPi * double(y) / double(h)) - 1.0);
            k2[i] = std::norm(domain.kernelSpectrum[i]);
            f2[i] = std::norm(fx[i]) + std::norm(fy[i]);
        }
    std::vector<double> betas;
    for (double beta = mOptions.betaStart; beta < mOptions.betaMax; beta *= mOptions.betaRate)
        betas.push_back(beta);
    // The w-step reads a table per beta over the differences this image can have (with
    // room for ringing); the rare difference beyond it is solved exactly.
    float lowest = 0.0f, highest = 0.0f;
    if (blurred.size() > 0) {
        const auto [mn, mx] = std::minmax_element(blurred.data(), blurred.data() + blurred.size());
        lowest = *mn;
        highest = *mx;
    }
    double range = std::max(2.0 * (double(highest) - double(lowest)), 1e-3);
    if (!std::isfinite(range))
        range = 1.0; // every difference then goes to the solver, as it must
    const bool exact = mOptions.exactShrinkage;
    std::vector<ShrinkTable> tables;
    if (!exact)
        for (double beta : betas)
            tables.emplace_back(beta, alpha, range, kShrinkTableSamples);

    mReport = {};
    Image out = blurred;
    fft::FloatBuffer& x = detail::floatScratch(0, n);
    fft::FloatBuffer& w1 = detail::floatScratch(1, n);
    fft::FloatBuffer& w2 = detail::floatScratch(2, n);
    fft::SpectrumBuffer& numerator = detail::spectrumScratch(0, bins);
    fft::SpectrumBuffer& s1 = detail::spectrumScratch(1, bins);
    fft::SpectrumBuffer& s2 = detail::spectrumScratch(2, bins);
    const int steps = int(betas.size()) * mOptions.innerIterations;
    for (std::size_t p = 0; p < blurred.planeCount(); ++p) {
        progress.throwIfCancelled();
        const float* plane = blurred.plane(p).data();
        const double sigma = estimateNoiseSigma(plane, blurred.width(), blurred.height());
        // Tuned on the synthetic specimens and natural images blurred by the default
        // probes (docs/baselines.md): the best lambda falls as sigma^-1.5, not sigma^-2.
        const double lambda = mOptions.lambda >= 0
            ? mOptions.lambda
            : std::min(2.0 / std::pow(std::max(sigma, 1e-6), 1.5), 2e5);
        if (tapered)
            detail::padTapered(plane, domain, x);
        else
            std::copy(plane, plane + blurred.planeSize(), x.begin());
        domain.transform.forward(x.data(), numerator.data());
        for (std::size_t i = 0; i < bins; ++i)
            numerator[i] *= std::conj(domain.kernelSpectrum[i]);
        int step = 0;
        for (std::size_t b = 0; b < betas.size(); ++b) {
            const double beta = betas[b];
            for (int inner = 0; inner < mOptions.innerIterations; ++inner) {
                progress.throwIfCancelled();
                if (exact)
                    exactShrinkStep(x.data(), w, h, beta, alpha, w1.data(), w2.data());
                else
                    shrinkStep(x.data(), w, h, tables[b], w1.data(), w2.data());
                domain.transform.forward(w1.data(), s1.data());
                domain.transform.forward(w2.data(), s2.data());
                const float ratio = float(beta / lambda);
                for (std::size_t i = 0; i < bins; ++i) {
                    const auto value = numerator[i]
                        + ratio * (std::conj(fx[i]) * s1[i] + std::conj(fy[i]) * s2[i]);
                    s1[i] = value / (k2[i] + ratio * f2[i]) * scale;
                }
                domain.transform.inverse(s1.data(), x.data());
                ++step;
                if (progress.onIteration)
                    progress.onIteration({ p, blurred.planeCount(), step, steps, beta });
            }
        }
        detail::crop(x, domain, out.plane(p).data());
        mReport.noiseSigma.push_back(sigma);
        mReport.parameter.push_back(lambda);
    }
    return out;
}

} // namespace latentlens::engine
