#include "engine/net/trainingdata.h"

#include "engine/core/exception.h"
#include "engine/eval/evaluation.h"
#include "engine/forward/deadleaves.h"
#include "engine/forward/forwardmodel.h"
#include "engine/io/imageio.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace latentlens::engine::net {

KernelFamily::KernelFamily(const ZonePlateOptics& optics, const KernelOptions& kernel,
    std::vector<double> listed, double step)
    : mListed(std::move(listed))
{
    if (mListed.empty())
        throw InvalidArgument("A kernel family needs at least one defocus value.");
    if (!(step > 0))
        throw InvalidArgument("The defocus grid step must be positive.");
    std::sort(mListed.begin(), mListed.end());
    const double lo = mListed.front(), hi = mListed.back();
    const auto count = std::size_t(std::floor((hi - lo) / step + 1e-9)) + 1;
    const ComplexProbe focus = focusedProbe(optics);
    for (std::size_t i = 0; i < count; ++i) {
        const double d = lo + double(i) * step;
        mGrid.push_back(d);
        mKernels.push_back(probeKernel(propagate(focus, d), kernel));
    }
    // The listed values themselves, exactly, when they fall between grid points.
    for (double d : mListed)
        if (std::none_of(
                mGrid.begin(), mGrid.end(), [d](double g) { return std::abs(g - d) < 1e-12; })) {
            const auto at = std::lower_bound(mGrid.begin(), mGrid.end(), d);
            const auto index = std::size_t(at - mGrid.begin());
            mGrid.insert(at, d);
            mKernels.insert(
                mKernels.begin() + std::ptrdiff_t(index), probeKernel(propagate(focus, d), kernel));
        }
}

const Image& KernelFamily::at(double defocus) const
{
    const auto it = std::lower_bound(mGrid.begin(), mGrid.end(), defocus);
    std::size_t i = std::size_t(it - mGrid.begin());
    if (i == mGrid.size())
        i = mGrid.size() - 1;
    else if (i > 0 && defocus - mGrid[i - 1] < mGrid[i] - defocus)
        --i;
    return mKernels[i];
}

double KernelFamily::theta(double defocus) const
{
    const double range = maximum() - minimum();
    return range > 0 ? std::clamp((defocus - minimum()) / range, 0.0, 1.0) : 0.0;
}

TrainingData::TrainingData(
    const std::vector<std::filesystem::path>& sources, std::size_t crop, std::uint64_t seed)
    : mCrop(crop), mRandom(seed)
{
    if (crop < 8)
        throw InvalidArgument("Training crops must be at least 8 pixels a side.");
    if (sources.empty())
        throw InvalidArgument("No training data given.");
    const auto files = imageFiles(sources);
    for (const auto& file : files) {
        try {
            const Image image = readImage(file);
            if (image.width() < crop || image.height() < crop) {
                mSkipped.push_back(file.filename().string() + " (smaller than the crop)");
                continue;
            }
            Image plane = image.extractPlane(0);
            // Every image spans [0, 1], like the evaluation's truths (evaluationTruth): float
            // images in other units, and 16-bit fluorescence that uses a few percent of its
            // type's range.
            float hi = 0.0f;
            for (float v : plane.values())
                hi = std::max(hi, v);
            if (hi > 0.0f)
                for (float& v : plane.values())
                    v = std::max(v, 0.0f) / hi;
            mImages.push_back(std::move(plane));
        } catch (const Exception& e) {
            mSkipped.push_back(file.filename().string() + " (" + e.what() + ")");
        }
    }
    if (mImages.empty())
        throw IoError(sources.front(),
            "no usable training image (PNG, JPEG or TIFF at least " + std::to_string(crop)
                + " pixels a side) in the training data.");
}

std::string TrainingData::randomState() const
{
    std::ostringstream out;
    out << mRandom;
    return out.str();
}

void TrainingData::setRandomState(const std::string& state)
{
    std::istringstream in(state);
    std::mt19937_64 restored;
    in >> restored;
    if (in.fail())
        throw InvalidArgument("The checkpoint's random state is not readable.");
    mRandom = restored;
}

double TrainingData::drawDefocus(const KernelFamily& family)
{
    std::uniform_real_distribution<double> u(0.0, 1.0);
    if (u(mRandom) < 0.5) {
        std::uniform_int_distribution<std::size_t> pick(0, family.listed().size() - 1);
        return family.listed()[pick(mRandom)];
    }
    return family.minimum() + u(mRandom) * (family.maximum() - family.minimum());
}

TrainingSample TrainingData::sample(
    const KernelFamily& family, const std::vector<double>& defocus, const SampleOptions& options)
{
    // Drawn only when asked for, so that training without dead leaves draws what it always did.
    if (options.deadLeavesFraction > 0.0) {
        std::uniform_real_distribution<double> share(0.0, 1.0);
        const bool synthetic = share(mRandom) < options.deadLeavesFraction;
        const std::uint64_t seed = mRandom();
        if (synthetic) {
            DeadLeavesOptions leaves;
            leaves.width = leaves.height = mCrop;
            leaves.seed = seed;
            leaves.maxRadius = double(mCrop);
            return blurredSample(deadLeaves(leaves), family, defocus, options);
        }
    }
    std::uniform_int_distribution<std::size_t> pickImage(0, mImages.size() - 1);
    const Image& source = mImages[pickImage(mRandom)];
    std::uniform_int_distribution<std::size_t> pickX(0, source.width() - mCrop);
    std::uniform_int_distribution<std::size_t> pickY(0, source.height() - mCrop);
    const std::size_t x0 = pickX(mRandom), y0 = pickY(mRandom);
    Image clean(mCrop, mCrop);
    for (std::size_t y = 0; y < mCrop; ++y)
        for (std::size_t x = 0; x < mCrop; ++x)
            clean.at(x, y) = std::clamp(source.at(x0 + x, y0 + y), 0.0f, 1.0f);
    return blurredSample(std::move(clean), family, defocus, options);
}

TrainingSample TrainingData::blurredSample(Image clean, const KernelFamily& family,
    const std::vector<double>& defocus, const SampleOptions& options)
{
    TrainingSample s;
    s.clean = std::move(clean);
    std::uniform_real_distribution<double> u(
        std::log(options.minVariance), std::log(options.maxVariance));
    s.noiseVariance = std::exp(u(mRandom));
    // Drawn only when asked for, so that Gaussian-only training draws what it always drew.
    if (options.poissonFraction > 0.0) {
        std::uniform_real_distribution<double> share(0.0, 1.0);
        std::uniform_real_distribution<double> photons(
            std::log(options.minPhotons), std::log(options.maxPhotons));
        const bool poisson = share(mRandom) < options.poissonFraction;
        const double drawn = std::exp(photons(mRandom));
        if (poisson)
            s.photons = drawn;
    }
    for (double d : defocus) {
        Image blurred = convolve(s.clean, family.at(d), Boundary::Reflect);
        if (s.photons > 0.0)
            addPoissonGaussianNoise(blurred, s.photons, s.noiseVariance / 10.0, mRandom());
        else
            addGaussianNoise(blurred, s.noiseVariance, mRandom());
        s.blurred.push_back(std::move(blurred));
        s.defocus.push_back(d);
    }
    return s;
}

} // namespace latentlens::engine::net
