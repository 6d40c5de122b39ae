#include "engine/richardsonlucy.h"

#include "engine/deconvdomain.h"

#include <algorithm>
#include <cmath>

namespace latentlens::engine {

namespace {

// Automatic TV weight: none for clean data, growing with the noise up to Dey et al.'s
// strongest useful setting.
double automaticTv(double sigma)
{
    return std::clamp(0.02 * (sigma - 0.005), 0.0, 0.004);
}

// div(grad x / |grad x|) with forward differences for the gradient and backward for the
// divergence, as Dey et al.; eps keeps flat regions finite.
void tvDivergence(const fft::FloatBuffer& x, std::size_t w, std::size_t h, fft::FloatBuffer& out)
{
    constexpr float eps = 1e-3f;
    fft::FloatBuffer gx(w * h), gy(w * h);
    for (std::size_t y = 0; y < h; ++y)
        for (std::size_t i = 0; i < w; ++i) {
            const std::size_t p = y * w + i;
            const float dx = (i + 1 < w ? x[p + 1] : x[p]) - x[p];
            const float dy = (y + 1 < h ? x[p + w] : x[p]) - x[p];
            const float norm = std::sqrt(dx * dx + dy * dy + eps * eps);
            gx[p] = dx / norm;
            gy[p] = dy / norm;
        }
    out.resize(w * h);
    for (std::size_t y = 0; y < h; ++y)
        for (std::size_t i = 0; i < w; ++i) {
            const std::size_t p = y * w + i;
            out[p] = (gx[p] - (i > 0 ? gx[p - 1] : 0.0f)) + (gy[p] - (y > 0 ? gy[p - w] : 0.0f));
        }
}

} // namespace

Image RichardsonLucy::run(const Image& blurred, const Image& kernel, const Progress& progress)
{
    const Image k = detail::normalisedKernel(kernel, blurred);
    if (mOptions.iterations < 0 || mOptions.maxIterations < 1)
        throw InvalidArgument("The number of Richardson–Lucy iterations must be positive.");
    const bool border = mOptions.borderAware;
    // Bertero–Boccacci: the object domain must hold the image plus the kernel's reach, so
    // that no observed pixel sees a wrapped-around object pixel.
    const detail::Domain domain(blurred.width(), blurred.height(), k, border ? k.width() / 2 : 0,
        border ? k.height() / 2 : 0, !border);
    const std::size_t w = domain.width(), h = domain.height(), n = domain.size();
    const std::size_t iw = blurred.width(), ih = blurred.height();
    const std::size_t ox = domain.offsetX, oy = domain.offsetY;
    const float scale = 1.0f / float(n);
    fft::SpectrumBuffer spectrum(domain.spectrumSize());
    auto convolve = [&](const fft::FloatBuffer& in, fft::FloatBuffer& out, bool adjoint) {
        domain.transform.forward(in.data(), spectrum.data());
        for (std::size_t i = 0; i < spectrum.size(); ++i) {
            const auto kv = domain.kernelSpectrum[i];
            spectrum[i] *= (adjoint ? std::conj(kv) : kv) * scale;
        }
        domain.transform.inverse(spectrum.data(), out.data());
    };

    // Normalisation W = K^T (observation mask): 1 everywhere for a periodic image.
    fft::FloatBuffer inverseWeight(n, 1.0f);
    if (border) {
        fft::FloatBuffer mask(n, 0.0f);
        for (std::size_t y = 0; y < ih; ++y)
            std::fill_n(mask.begin() + std::ptrdiff_t((y + oy) * w + ox), iw, 1.0f);
        convolve(mask, inverseWeight, true);
        for (float& v : inverseWeight)
            v = v > 1e-3f ? 1.0f / v : 0.0f; // pixels no observation sees stay 0
    }

    mReport = {};
    Image out = blurred;
    fft::FloatBuffer data(n, 0.0f), x(n), estimate(n), ratio(n, 0.0f), corrected(n);
    fft::FloatBuffer previous, gradient, previousGradient, divergence;
    if (mOptions.accelerate) {
        previous.resize(n);
        gradient.resize(n);
        previousGradient.assign(n, 0.0f);
    }
    const bool autoStop = mOptions.iterations == 0;
    const int planned = autoStop ? mOptions.maxIterations : mOptions.iterations;
    for (std::size_t p = 0; p < blurred.planeCount(); ++p) {
        progress.throwIfCancelled();
        const float* plane = blurred.plane(p).data();
        const double sigma = estimateNoiseSigma(plane, iw, ih);
        const double tv = mOptions.tv >= 0 ? mOptions.tv : automaticTv(sigma);
        const float background
            = float(mOptions.background >= 0 ? mOptions.background : 3.0 * sigma);
        double mean = 0.0;
        for (std::size_t y = 0; y < ih; ++y)
            for (std::size_t i = 0; i < iw; ++i) {
                const float v = std::max(plane[y * iw + i] + background, 0.0f);
                data[(y + oy) * w + i + ox] = v;
                mean += plane[y * iw + i];
            }
        mean /= double(iw * ih);
        const float start
            = float(mOptions.initialValue >= 0 ? mOptions.initialValue : std::max(mean, 1e-6));
        for (std::size_t i = 0; i < n; ++i)
            x[i] = inverseWeight[i] > 0 ? start : 0.0f;
        double alpha = 0.0;
        std::vector<double> history;
        int iteration = 0, discrepancyAt = 0;
        const double lengthen = std::clamp(
            1.0 + 0.4 * std::log(0.14 / std::max(sigma, 1e-6)) / std::log(0.14 / 0.0316), 1.0, 1.5);
        for (iteration = 1; iteration <= planned; ++iteration) {
            progress.throwIfCancelled();
            // Biggs–Andrews: predict along the last step, then take an RL step from there.
            fft::FloatBuffer& base = (mOptions.accelerate && alpha > 0) ? previous : x;
            if (mOptions.accelerate) {
                if (alpha > 0) {
                    // `previous` holds x_{k-1}; turn it into the prediction.
                    const float a = float(alpha);
                    for (std::size_t i = 0; i < n; ++i)
                        previous[i] = std::max(x[i] + a * (x[i] - previous[i]), 0.0f);
                }
            }
            convolve(base, estimate, false);
            double divergenceSum = 0.0, residual = 0.0;
            for (std::size_t y = 0; y < ih; ++y) {
                const std::size_t row = (y + oy) * w + ox;
                for (std::size_t i = 0; i < iw; ++i) {
                    const float model = std::max(estimate[row + i], 0.0f) + background;
                    const float d = data[row + i];
                    const float r = model > 1e-12f ? d / model : 0.0f;
                    ratio[row + i] = r;
                    if (d > 0 && r > 0)
                        divergenceSum += double(d) * std::log(double(r));
                    divergenceSum += double(model) - double(d);
                    const float e = d - model;
                    residual += double(e) * double(e);
                }
            }
            convolve(ratio, corrected, true);
            if (tv > 0)
                tvDivergence(base, w, h, divergence);
            for (std::size_t i = 0; i < n; ++i) {
                float v = base[i] * std::max(corrected[i], 0.0f) * inverseWeight[i];
                if (tv > 0)
                    v /= std::max(1.0f - float(tv) * divergence[i], 0.5f);
                corrected[i] = v;
            }
            if (mOptions.accelerate) {
                double num = 0.0, den = 0.0;
                for (std::size_t i = 0; i < n; ++i) {
                    const float g = corrected[i] - base[i];
                    num += double(g) * double(previousGradient[i]);
                    den += double(previousGradient[i]) * double(previousGradient[i]);
                    gradient[i] = g;
                }
                alpha = (iteration >= 2 && den > 0) ? std::clamp(num / den, 0.0, 0.95) : 0.0;
                std::swap(gradient, previousGradient);
                std::swap(previous, x); // previous <- x_k
            }
            std::swap(x, corrected); // x <- x_{k+1}
            const double perPixel = divergenceSum / double(iw * ih);
            history.push_back(perPixel);
            if (progress.onIteration)
                progress.onIteration({ p, blurred.planeCount(), iteration, planned, perPixel });
            // The discrepancy principle stops early on clean data: tuned on specimens and
            // natural images (docs/baselines.md), the best count is about 1.4 times the
            // discrepancy iteration at noise sigma 0.03 and equal to it at sigma 0.14.
            if (autoStop && discrepancyAt == 0 && residual / double(iw * ih) <= sigma * sigma)
                discrepancyAt = iteration;
            if (autoStop && discrepancyAt > 0
                && iteration >= int(std::ceil(lengthen * discrepancyAt)))
                break;
        }
        detail::crop(x, domain, out.plane(p).data());
        mReport.noiseSigma.push_back(sigma);
        mReport.parameter.push_back(std::min(iteration, planned));
        mReport.history.push_back(std::move(history));
    }
    return out;
}

} // namespace latentlens::engine
