#pragma once

// Image-baseline checks for the 3-D views (f3d's habit): a render is compared with a stored
// PNG by SSIM on grey values; when it fails, the render is saved as <name>.actual.png in the
// test's working folder (the build tree) and the message says where.
// LATENTLENS_UPDATE_BASELINES=1 writes the renders as the new baselines instead.

#include <QDir>
#include <QImage>
#include <QString>
#include <QSurfaceFormat>

#include <algorithm>
#include <cmath>
#include <vector>

namespace latentlens::testing {

struct GreyImage
{
    int width = 0;
    int height = 0;
    std::vector<double> values; // 0..255
};

inline GreyImage toGrey(const QImage& image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    GreyImage grey { rgb.width(), rgb.height(), {} };
    grey.values.resize(std::size_t(rgb.width()) * std::size_t(rgb.height()));
    for (int y = 0; y < rgb.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x)
            grey.values[std::size_t(y) * std::size_t(rgb.width()) + std::size_t(x)]
                = qGray(line[x]);
    }
    return grey;
}

// Separable Gaussian blur (sigma 1.5, 11 taps), edges clamped.
inline std::vector<double> gaussianBlur(const std::vector<double>& in, int w, int h)
{
    constexpr int radius = 5;
    double taps[2 * radius + 1];
    double sum = 0.0;
    for (int i = -radius; i <= radius; ++i)
        sum += taps[i + radius] = std::exp(-0.5 * i * i / (1.5 * 1.5));
    for (double& t : taps)
        t /= sum;
    std::vector<double> tmp(in.size()), out(in.size());
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            double v = 0.0;
            for (int i = -radius; i <= radius; ++i)
                v += taps[i + radius] * in[std::size_t(y * w + std::clamp(x + i, 0, w - 1))];
            tmp[std::size_t(y * w + x)] = v;
        }
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            double v = 0.0;
            for (int i = -radius; i <= radius; ++i)
                v += taps[i + radius] * tmp[std::size_t(std::clamp(y + i, 0, h - 1) * w + x)];
            out[std::size_t(y * w + x)] = v;
        }
    return out;
}

// Mean SSIM (Wang et al. 2004, Gaussian window) of two grey pictures of the same size;
// -1 when the sizes differ.
inline double ssim(const QImage& a, const QImage& b)
{
    if (a.size() != b.size() || a.isNull())
        return -1.0;
    const GreyImage x = toGrey(a), y = toGrey(b);
    const int w = x.width, h = x.height;
    std::vector<double> xx(x.values.size()), yy(xx.size()), xy(xx.size());
    for (std::size_t i = 0; i < xx.size(); ++i) {
        xx[i] = x.values[i] * x.values[i];
        yy[i] = y.values[i] * y.values[i];
        xy[i] = x.values[i] * y.values[i];
    }
    const auto mx = gaussianBlur(x.values, w, h), my = gaussianBlur(y.values, w, h);
    const auto sxx = gaussianBlur(xx, w, h), syy = gaussianBlur(yy, w, h),
               sxy = gaussianBlur(xy, w, h);
    const double c1 = std::pow(0.01 * 255, 2), c2 = std::pow(0.03 * 255, 2);
    double total = 0.0;
    for (std::size_t i = 0; i < mx.size(); ++i) {
        const double vx = sxx[i] - mx[i] * mx[i], vy = syy[i] - my[i] * my[i],
                     cxy = sxy[i] - mx[i] * my[i];
        total += ((2 * mx[i] * my[i] + c1) * (2 * cxy + c2))
            / ((mx[i] * mx[i] + my[i] * my[i] + c1) * (vx + vy + c2));
    }
    return total / double(mx.size());
}

inline double greyStdDev(const QImage& image)
{
    const GreyImage g = toGrey(image);
    double mean = 0.0;
    for (double v : g.values)
        mean += v;
    mean /= double(g.values.size());
    double var = 0.0;
    for (double v : g.values)
        var += (v - mean) * (v - mean);
    return std::sqrt(var / double(g.values.size()));
}

inline double meanAbsoluteDifference(const QImage& a, const QImage& b)
{
    const GreyImage x = toGrey(a), y = toGrey(b);
    if (x.values.size() != y.values.size() || x.values.empty())
        return -1.0;
    double sum = 0.0;
    for (std::size_t i = 0; i < x.values.size(); ++i)
        sum += std::abs(x.values[i] - y.values[i]);
    return sum / double(x.values.size());
}

struct BaselineResult
{
    bool ok = false;
    QString message;
};

// Compares `render` with tests/widgets/baselines/<name>.png.
inline BaselineResult compareWithBaseline(
    const QImage& render, const QString& name, double threshold = 0.95)
{
    const QString baseline
        = QStringLiteral(LATENTLENS_SOURCE_DIR) + "/tests/widgets/baselines/" + name + ".png";
    if (qEnvironmentVariableIntValue("LATENTLENS_UPDATE_BASELINES")) {
        const bool saved = render.save(baseline);
        return { saved, saved ? "baseline written: " + baseline : "cannot write " + baseline };
    }
    const QImage expected(baseline);
    const double score = ssim(render, expected);
    if (score >= threshold)
        return { true, QString("SSIM %1").arg(score) };
    const QString actual = QDir::current().absoluteFilePath(name + ".actual.png");
    render.save(actual);
    return { false,
        QString("%1: SSIM %2 < %3 (baseline %4 %5); the render is saved as %6 "
                "(LATENTLENS_UPDATE_BASELINES=1 rewrites the baseline)")
            .arg(name)
            .arg(score)
            .arg(threshold)
            .arg(baseline, expected.isNull() ? "missing" : "present", actual) };
}

} // namespace latentlens::testing

// main() for suites that render with OpenGL: the platform is the X server of xvfb-run (the
// offscreen platform gives no OpenGL); without a display the suite falls back to offscreen,
// where the views show their message and the render checks skip.
#define LATENTLENS_GL_TEST_MAIN(TestClass)                                                         \
    int main(int argc, char** argv)                                                                \
    {                                                                                              \
        if (qEnvironmentVariableIsEmpty("DISPLAY"))                                                \
            qputenv("QT_QPA_PLATFORM", "offscreen");                                               \
        QSurfaceFormat::setDefaultFormat(latentlens::widgets::VtkOpenGLView::defaultFormat());     \
        QApplication app(argc, argv);                                                              \
        TestClass test;                                                                            \
        return QTest::qExec(&test, argc, argv);                                                    \
    }
