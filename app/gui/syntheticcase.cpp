#include "app/gui/syntheticcase.h"

#include "app/gui/comparisonrunner.h"

#include "engine/eval/evaluation.h"
#include "engine/forward/specimen.h"

#include <algorithm>

namespace latentlens::app {

SyntheticCase SyntheticCase::demo()
{
    constexpr double defocus = 7e-6, noiseVariance = 0.001;
    constexpr std::uint64_t seed = 7;
    SyntheticCase demo;
    demo.defocus = defocus;
    engine::SpecimenOptions specimen;
    specimen.seed = seed;
    demo.truth = engine::generateSpecimen(specimen);
    const engine::Image kernel = ComparisonRunner::kernelOf(demo.probe, defocus, 0.0);
    demo.blurred = engine::evaluationInput(demo.truth, kernel, noiseVariance, seed);
    demo.blurred.setSpacing(kernel.spacing());
    demo.blurred.setChannelNames(
        { tr("specimen blurred by the default probe at %1 \u00b5m, noise variance %2")
                .arg(defocus * 1e6)
                .arg(noiseVariance)
                .toStdString() });
    demo.truth.setSpacing(kernel.spacing());
    return demo;
}

SyntheticCase SyntheticCase::fromPlane(const engine::Image& image, int plane,
    const engine::Image& kernel, double defocusUm, double noiseVariance)
{
    SyntheticCase c;
    c.defocus = defocusUm * 1e-6;
    c.truth = image.extractPlane(std::size_t(plane));
    const auto [low, high] = std::minmax_element(c.truth.values().begin(), c.truth.values().end());
    const float lo = *low, range = std::max(*high - *low, 1e-12f);
    for (float& v : c.truth.values())
        v = (v - lo) / range;
    c.blurred = engine::evaluationInput(c.truth, kernel, noiseVariance, 1);
    c.blurred.setSpacing(image.spacing());
    c.blurred.setChannelNames({ tr("plane %1 blurred at %2 \u00b5m, noise variance %3")
                                    .arg(plane + 1)
                                    .arg(defocusUm)
                                    .arg(noiseVariance)
                                    .toStdString() });
    c.truth.setSpacing(image.spacing());
    return c;
}

} // namespace latentlens::app
