#include "engine/deconv/wiener.h"

#include "engine/core/goldensection.h"
#include "engine/deconv/deconvdomain.h"

#include <algorithm>
#include <cmath>

namespace latentlens::engine {

double chooseWienerLambda(const std::complex<float>* y, const std::complex<float>* k,
    const float* laplacian, std::size_t width, std::size_t height, double sigma)
{
    const std::size_t cw = width / 2 + 1;
    const double n = double(width) * double(height);
    // A subsample of the bins is enough for a smooth criterion and keeps this far cheaper
    // than the FFTs: at most about 16k bins, every `step`-th row and column.
    const std::size_t step = std::max<std::size_t>(
        1, std::size_t(std::ceil(std::sqrt(double(cw * height) / 16384.0))));
    struct Bin
    {
        double k2, l2, y2, multiplicity;
    };
    std::vector<Bin> bins;
    for (std::size_t row = 0; row < height; row += step)
        for (std::size_t col = 0; col < cw; col += step) {
            const std::size_t i = row * cw + col;
            // Columns other than 0 and width/2 stand for two bins of the full spectrum.
            const double m = (col == 0 || (width % 2 == 0 && col == width / 2)) ? 1.0 : 2.0;
            bins.push_back({ std::norm(std::complex<double>(k[i])), double(laplacian[i]),
                std::norm(std::complex<double>(y[i])) / n, m });
        }
    const double s2 = sigma * sigma;
    auto risk = [&](double logLambda) {
        const double lambda = std::pow(10.0, logLambda);
        double r = 0.0;
        for (const auto& b : bins) {
            const double a = b.k2 / (b.k2 + lambda * b.l2 + 1e-30);
            r += b.multiplicity * ((1 - a) * (1 - a) * b.y2 + 2.0 * s2 * a);
        }
        return r;
    };
    // Coarse scan, then golden section around the best.
    double best = -9.0, bestRisk = risk(best);
    for (double e = -9.0; e <= 2.0; e += 0.5)
        if (const double r = risk(e); r < bestRisk) {
            best = e;
            bestRisk = r;
        }
    return std::pow(10.0, detail::goldenSectionMinimum(risk, best - 0.5, best + 0.5, 1e-4));
}

Image Wiener::run(const Image& blurred, const Image& kernel, const Progress& progress)
{
    const Image k = detail::normalisedKernel(kernel, blurred);
    if (!WienerOptions::paddingIsValid(mOptions.padding))
        throw InvalidArgument("The Wiener padding must be above 0 and at most "
            + std::to_string(WienerOptions::maxPadding) + " kernel sizes.");
    const bool tapered = mOptions.taperedBoundary;
    const auto shared = detail::cachedDomain(blurred.width(), blurred.height(), k,
        std::size_t(std::lround(mOptions.padding * double(k.width()))),
        std::size_t(std::lround(mOptions.padding * double(k.height()))), !tapered);
    const detail::Domain& domain = *shared;
    const fft::FloatBuffer& laplacian = domain.laplacianPower();
    mReport = {};
    Image out = blurred;
    fft::FloatBuffer& padded = detail::floatScratch(0, domain.size());
    fft::SpectrumBuffer& spectrum = detail::spectrumScratch(0, domain.spectrumSize());
    const float scale = 1.0f / float(domain.size());
    for (std::size_t p = 0; p < blurred.planeCount(); ++p) {
        progress.throwIfCancelled();
        const float* plane = blurred.plane(p).data();
        const double sigma = estimateNoiseSigma(plane, blurred.width(), blurred.height());
        if (tapered) {
            detail::padTapered(plane, domain, padded);
        } else {
            std::copy(plane, plane + blurred.planeSize(), padded.begin());
        }
        domain.transform.forward(padded.data(), spectrum.data());
        const double lambda = mOptions.nsr >= 0
            ? mOptions.nsr
            : chooseWienerLambda(spectrum.data(), domain.kernelSpectrum.data(), laplacian.data(),
                domain.width(), domain.height(), sigma);
        {
            // X = Y conj(K) / (|K|^2 + lambda |L|^2) on interleaved floats, so that it
            // vectorises; where the denominator is 0 (lambda = 0 at a zero of the kernel's
            // spectrum) nothing can be recovered and the bin is set to 0.
            float* sp = reinterpret_cast<float*>(spectrum.data());
            const float* kp = reinterpret_cast<const float*>(domain.kernelSpectrum.data());
            const float* lp = laplacian.data();
            const float l = float(lambda);
            const std::size_t count = spectrum.size();
#pragma omp simd
            for (std::size_t i = 0; i < count; ++i) {
                const float a = sp[2 * i], b = sp[2 * i + 1], c = kp[2 * i], d = kp[2 * i + 1];
                const float denominator = c * c + d * d + l * lp[i];
                const float inverse = denominator > 0 ? 1.0f / denominator : 0.0f;
                sp[2 * i] = (a * c + b * d) * inverse;
                sp[2 * i + 1] = (b * c - a * d) * inverse;
            }
        }
        domain.transform.inverse(spectrum.data(), padded.data());
        detail::crop(padded, domain, out.plane(p).data(), scale);
        mReport.noiseSigma.push_back(sigma);
        mReport.parameter.push_back(lambda);
        if (progress.onIteration)
            progress.onIteration({ p, blurred.planeCount(), 1, 1, 0.0 });
    }
    return out;
}

} // namespace latentlens::engine
