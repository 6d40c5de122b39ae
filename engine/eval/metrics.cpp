#include "engine/eval/metrics.h"

#include "engine/core/exception.h"
#include "engine/core/filecheck.h"

#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace latentlens::engine {

namespace {

void checkPair(std::span<const float> test, std::span<const float> reference, double dataRange)
{
    if (test.size() != reference.size())
        throw InvalidArgument("The images differ in size (" + std::to_string(test.size()) + " and "
            + std::to_string(reference.size()) + " values).");
    if (test.empty())
        throw InvalidArgument("Cannot compare empty images.");
    if (!(dataRange > 0.0) || !std::isfinite(dataRange))
        throw InvalidArgument("The data range must be a positive number.");
    for (std::size_t i = 0; i < test.size(); ++i)
        if (!std::isfinite(test[i]) || !std::isfinite(reference[i]))
            throw InvalidArgument("The images hold NaN or infinite values; metrics are undefined.");
}

// Separable Gaussian filter (sigma 1.5, radius int(3.5 * 1.5 + 0.5) = 5) as
// scipy.ndimage.gaussian_filter computes it.
std::vector<double> gaussianFilter(const std::vector<double>& in, std::size_t width,
    std::size_t height, const std::vector<double>& weights)
{
    const std::ptrdiff_t radius = static_cast<std::ptrdiff_t>(weights.size() / 2);
    const auto w = static_cast<std::ptrdiff_t>(width), h = static_cast<std::ptrdiff_t>(height);
    std::vector<double> tmp(in.size()), out(in.size());
    for (std::ptrdiff_t y = 0; y < h; ++y)
        for (std::ptrdiff_t x = 0; x < w; ++x) {
            double s = 0.0;
            for (std::ptrdiff_t k = -radius; k <= radius; ++k)
                s += weights[k + radius] * in[y * w + reflectIndex(x + k, w)];
            tmp[y * w + x] = s;
        }
    for (std::ptrdiff_t y = 0; y < h; ++y)
        for (std::ptrdiff_t x = 0; x < w; ++x) {
            double s = 0.0;
            for (std::ptrdiff_t k = -radius; k <= radius; ++k)
                s += weights[k + radius] * tmp[reflectIndex(y + k, h) * w + x];
            out[y * w + x] = s;
        }
    return out;
}

} // namespace

double psnr(std::span<const float> test, std::span<const float> reference, double dataRange)
{
    checkPair(test, reference, dataRange);
    double sum = 0.0;
    for (std::size_t i = 0; i < test.size(); ++i) {
        const double d = double(test[i]) - double(reference[i]);
        sum += d * d;
    }
    const double mse = sum / double(test.size());
    if (mse == 0.0)
        return std::numeric_limits<double>::infinity();
    return 10.0 * std::log10(dataRange * dataRange / mse);
}

double ssim(std::span<const float> test, std::span<const float> reference, std::size_t width,
    std::size_t height, double dataRange)
{
    checkPair(test, reference, dataRange);
    constexpr double sigma = 1.5;
    constexpr std::size_t radius = 5; // int(truncate 3.5 * sigma + 0.5)
    constexpr std::size_t window = 2 * radius + 1;
    if (width * height != test.size())
        throw InvalidArgument("The plane size does not match the number of values.");
    if (width < window || height < window)
        throw InvalidArgument("SSIM needs planes of at least 11x11 pixels (got "
            + std::to_string(width) + "x" + std::to_string(height) + ").");

    std::vector<double> weights(window);
    double total = 0.0;
    for (std::size_t i = 0; i < window; ++i) {
        const double x = double(i) - double(radius);
        weights[i] = std::exp(-0.5 * x * x / (sigma * sigma));
        total += weights[i];
    }
    for (double& wgt : weights)
        wgt /= total;

    const std::size_t n = test.size();
    std::vector<double> a(n), b(n), aa(n), bb(n), ab(n);
    for (std::size_t i = 0; i < n; ++i) {
        a[i] = test[i];
        b[i] = reference[i];
        aa[i] = a[i] * a[i];
        bb[i] = b[i] * b[i];
        ab[i] = a[i] * b[i];
    }
    const auto ua = gaussianFilter(a, width, height, weights);
    const auto ub = gaussianFilter(b, width, height, weights);
    const auto uaa = gaussianFilter(aa, width, height, weights);
    const auto ubb = gaussianFilter(bb, width, height, weights);
    const auto uab = gaussianFilter(ab, width, height, weights);

    const double c1 = (0.01 * dataRange) * (0.01 * dataRange);
    const double c2 = (0.03 * dataRange) * (0.03 * dataRange);
    double sum = 0.0;
    std::size_t count = 0;
    for (std::size_t y = radius; y < height - radius; ++y)
        for (std::size_t x = radius; x < width - radius; ++x) {
            const std::size_t i = y * width + x;
            const double va = uaa[i] - ua[i] * ua[i];
            const double vb = ubb[i] - ub[i] * ub[i];
            const double cov = uab[i] - ua[i] * ub[i];
            sum += ((2.0 * ua[i] * ub[i] + c1) * (2.0 * cov + c2))
                / ((ua[i] * ua[i] + ub[i] * ub[i] + c1) * (va + vb + c2));
            ++count;
        }
    return sum / double(count);
}

std::vector<PlaneMetrics> compareImages(const Image& test, const Image& reference, double dataRange)
{
    if (!test.sameShape(reference))
        throw InvalidArgument("The image (" + std::to_string(test.width()) + "x"
            + std::to_string(test.height()) + ", " + std::to_string(test.planeCount())
            + " planes) and the reference (" + std::to_string(reference.width()) + "x"
            + std::to_string(reference.height()) + ", " + std::to_string(reference.planeCount())
            + " planes) differ in shape.");
    std::vector<PlaneMetrics> result;
    for (std::size_t p = 0; p < test.planeCount(); ++p)
        result.push_back({ psnr(test.plane(p), reference.plane(p), dataRange),
            ssim(test.plane(p), reference.plane(p), test.width(), test.height(), dataRange) });
    return result;
}

} // namespace latentlens::engine
