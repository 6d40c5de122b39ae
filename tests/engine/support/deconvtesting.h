#pragma once

// Helpers shared by the deconvolution tests: test images, kernels, and running
// scikit-image on the same inputs.

#include "engine/core/image.h"
#include "engine/io/tiffio.h"

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <cmath>
#include <numbers>

namespace latentlens::testing {

/// Normalised Gaussian kernel of `size` x `size` (centre size/2).
inline engine::Image gaussianKernel(std::size_t size, double sigma)
{
    engine::Image k(size, size);
    double sum = 0.0;
    for (std::size_t y = 0; y < size; ++y)
        for (std::size_t x = 0; x < size; ++x) {
            const double dx = double(x) - double(size / 2), dy = double(y) - double(size / 2);
            k.at(x, y) = float(std::exp(-(dx * dx + dy * dy) / (2 * sigma * sigma)));
            sum += k.at(x, y);
        }
    for (float& v : k.values())
        v = float(v / sum);
    return k;
}

/// A band-limited periodic image: a few low-frequency cosines on the w x h torus.
inline engine::Image bandLimited(std::size_t w, std::size_t h)
{
    engine::Image image(w, h);
    const double pi = std::numbers::pi;
    for (std::size_t y = 0; y < h; ++y)
        for (std::size_t x = 0; x < w; ++x)
            image.at(x, y) = float(0.5 + 0.2 * std::cos(2 * pi * 3 * double(x) / double(w))
                + 0.15 * std::sin(2 * pi * (2 * double(x) / double(w) + 5 * double(y) / double(h)))
                + 0.1 * std::cos(2 * pi * 7 * double(y) / double(h)));
    return image;
}

/// A smooth ramp that is far from periodic: wrapping it around jumps by 0.8.
inline engine::Image ramp(std::size_t w, std::size_t h)
{
    engine::Image image(w, h);
    for (std::size_t y = 0; y < h; ++y)
        for (std::size_t x = 0; x < w; ++x)
            image.at(x, y) = float(0.1 + 0.5 * double(x) / double(w) + 0.3 * double(y) / double(h));
    return image;
}

inline double maxAbsDifference(
    const engine::Image& a, const engine::Image& b, std::size_t border = 0)
{
    double worst = 0.0;
    for (std::size_t p = 0; p < a.planeCount(); ++p)
        for (std::size_t y = border; y + border < a.height(); ++y)
            for (std::size_t x = border; x + border < a.width(); ++x)
                worst = std::max(worst, double(std::abs(a.at(x, y, p) - b.at(x, y, p))));
    return worst;
}

/// Mean absolute error in the `band` pixels along the border.
inline double borderError(const engine::Image& a, const engine::Image& b, std::size_t band)
{
    double sum = 0.0;
    std::size_t n = 0;
    for (std::size_t y = 0; y < a.height(); ++y)
        for (std::size_t x = 0; x < a.width(); ++x)
            if (x < band || y < band || x + band >= a.width() || y + band >= a.height()) {
                sum += std::abs(a.at(x, y) - b.at(x, y));
                ++n;
            }
    return sum / double(n);
}

inline bool haveSkimage()
{
    QProcess probe;
    probe.start("/usr/bin/python3", { "-c", "import skimage, tifffile" });
    return probe.waitForFinished(60000) && probe.exitCode() == 0;
}

/// Runs a Python snippet with arguments; returns whether it succeeded, output in `out`.
inline bool python(const QString& script, const QStringList& args, QString* out)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start("/usr/bin/python3", QStringList { "-c", script } + args);
    const bool ok = p.waitForFinished(120000) && p.exitCode() == 0;
    *out = QString::fromUtf8(p.readAll());
    return ok;
}

/// Runs the scikit-image expression `call` of `i` (the image) and `k` (the kernel), both
/// float64, e.g. "restoration.wiener(i, k, 0.05, clip=False)", and returns its result.
/// Returns an empty image and the Python output in `log` if it fails.
inline engine::Image scikitImage(
    const QString& call, const engine::Image& image, const engine::Image& kernel, QString* log)
{
    QTemporaryDir dir;
    const QString in = dir.filePath("in.tif"), k = dir.filePath("k.tif"),
                  out = dir.filePath("out.tif");
    engine::writeTiff(image, in.toStdString());
    engine::writeTiff(kernel, k.toStdString());
    if (!python("import sys, numpy as np, tifffile\n"
                "from skimage import restoration\n"
                "i = tifffile.imread(sys.argv[1]).astype(np.float64)\n"
                "k = tifffile.imread(sys.argv[2]).astype(np.float64)\n"
                "r = "
                + call
                + "\n"
                  "tifffile.imwrite(sys.argv[3], r.astype(np.float32))\n",
            { in, k, out }, log))
        return {};
    return engine::readTiff(out.toStdString());
}

} // namespace latentlens::testing
