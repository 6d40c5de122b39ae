#pragma once

#include "engine/core/image.h"
#include "engine/probe/probe.h"

#include <cstdint>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace latentlens::engine::net {

/// The kernels of one probe family over a defocus range, precomputed on a fine grid so that
/// training can draw a kernel at any defocus in the range without simulating a probe.
class KernelFamily
{
public:
    /// Kernels of `optics` at `listed` defocus values (metres) and every `step` between the
    /// smallest and largest of them. Throws InvalidArgument for an empty list.
    KernelFamily(const ZonePlateOptics& optics, const KernelOptions& kernel,
        std::vector<double> listed, double step = 0.1e-6);

    const std::vector<double>& listed() const noexcept { return mListed; }
    double minimum() const noexcept { return mGrid.front(); }
    double maximum() const noexcept { return mGrid.back(); }
    /// The kernel at the grid point nearest `defocus` (clamped to the range).
    const Image& at(double defocus) const;
    /// Defocus normalised to [0, 1] over the family's range: the network's theta.
    double theta(double defocus) const;

private:
    std::vector<double> mListed, mGrid;
    std::vector<Image> mKernels;
};

/// How a sample is drawn (TrainingOptions has the meaning of each field).
struct SampleOptions
{
    double minVariance = 0.001, maxVariance = 0.02;
    double poissonFraction = 0.0;
    double minPhotons = 200.0, maxPhotons = 5000.0;
    double deadLeavesFraction = 0.0;
};

/// One training sample: a clean crop and the same crop blurred by several kernels.
struct TrainingSample
{
    Image clean; ///< crop x crop, values in [0, 1]
    std::vector<Image> blurred; ///< one per defocus in `defocus`, same size
    std::vector<double> defocus; ///< metres
    double noiseVariance = 0.0;
    /// Photons per unit intensity of Poisson-Gaussian samples (read-noise variance:
    /// noiseVariance / 10); 0 for Gaussian noise of noiseVariance.
    double photons = 0.0;
    /// The kernel-aware model's physics estimate of each blurred image, its wide-padding
    /// estimate and pixel noise map (empty images without them) and the noise it estimated
    /// (filled by the trainer; empty for the paper's network).
    std::vector<Image> estimates;
    std::vector<Image> wideEstimates;
    std::vector<Image> noiseMaps;
    std::vector<double> noiseSigma;
};

/// Clean images from folders and files (PNG, JPEG, TIFF; 8/16-bit or float; any size; the first
/// channel of colour or multi-channel images; each divided by its maximum), cut into random
/// crops that are blurred and made noisy on the fly with the probe family: noise variance
/// drawn log-uniformly over [minNoise, maxNoise] per sample.
class TrainingData
{
public:
    /// `sources` are folders (their images, sorted by name) and image files, in that order.
    /// Throws IoError if a source does not exist or none gives a readable image at least
    /// `crop` a side; names the files it skipped in skipped().
    TrainingData(
        const std::vector<std::filesystem::path>& sources, std::size_t crop, std::uint64_t seed);

    std::size_t imageCount() const noexcept { return mImages.size(); }
    const std::vector<std::string>& skipped() const noexcept { return mSkipped; }

    /// A sample blurred at `defocus` (metres, one image per value) with the family's kernels
    /// and reflective borders.
    /// With `options.poissonFraction` > 0, that share of samples gets Poisson-Gaussian noise;
    /// with `options.deadLeavesFraction` > 0, that share of clean crops is a dead-leaves
    /// image instead of a crop of the data (TrainingOptions).
    TrainingSample sample(const KernelFamily& family, const std::vector<double>& defocus,
        const SampleOptions& options = {});
    /// A defocus drawn half of the time from the listed values and half of the time
    /// uniformly over the family's range, so the network learns between the listed values.
    double drawDefocus(const KernelFamily& family);

    /// The random generator's state as text, and its restoration: a checkpoint keeps it so
    /// that a resumed run draws the crops, kernels and noise an uninterrupted run would.
    std::string randomState() const;
    /// Throws InvalidArgument for text that is not a state.
    void setRandomState(const std::string& state);

private:
    /// `clean` blurred at each defocus with the noise drawn as `options` says.
    TrainingSample blurredSample(Image clean, const KernelFamily& family,
        const std::vector<double>& defocus, const SampleOptions& options);

    std::vector<Image> mImages;
    std::vector<std::string> mSkipped;
    std::size_t mCrop;
    std::mt19937_64 mRandom;
};

} // namespace latentlens::engine::net
