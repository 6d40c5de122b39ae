#pragma once

#include "app/gui/probepanel.h"

#include "engine/core/image.h"

#include <QCoreApplication>

namespace latentlens::app {

/// A blurred image whose ground truth is known: the studio's built-in demo, or a plane of
/// the user's image blurred by the current kernel (File ▸ Blur This Image as Ground Truth).
struct SyntheticCase
{
    Q_DECLARE_TR_FUNCTIONS(SyntheticCase)

public:
    engine::Image blurred;
    engine::Image truth;
    ProbeSettings probe; ///< the probe that blurred it (the demo's: the default probe)
    double defocus = 0.0; ///< metres

    /// The demo: a seeded synthetic specimen blurred by the default probe at 7 µm with
    /// Gaussian noise of variance 0.001. Throws engine::Exception if it cannot be computed.
    static SyntheticCase demo();
    /// Plane `plane` of `image`, scaled to [0, 1], as the truth; blurred by `kernel` (made at
    /// `defocusUm`) with Gaussian noise of `noiseVariance`. Throws engine::Exception.
    static SyntheticCase fromPlane(const engine::Image& image, int plane,
        const engine::Image& kernel, double defocusUm, double noiseVariance);
};

} // namespace latentlens::app
