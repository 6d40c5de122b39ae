#pragma once

#include "engine/core/image.h"

#include <cstddef>
#include <cstdint>

namespace latentlens::engine {

/// What a synthetic fluorescence specimen holds. Counts are per 256 x 256 pixels and scale
/// with the image's area, so any size looks alike.
struct SpecimenOptions
{
    std::size_t width = 256;
    std::size_t height = 256;
    std::uint64_t seed = 1;
    double filaments = 14.0; ///< curved fibres (actin, microtubules), 1-2 px wide
    double vesicles = 45.0; ///< small spots and rings, 1-4 px
    double nuclei = 1.5; ///< large textured ellipses with nucleoli
    double background = 0.04; ///< level of the smooth, uneven background
};

/// A synthetic fluorescence image in [0, 1]: uneven background, nuclei with texture and
/// nucleoli, curved filaments and vesicles. The same options give the same image on every
/// platform (the generator uses its own random numbers, not the standard library's
/// distributions). Throws InvalidArgument for a zero or too large (> 16384) size or
/// negative densities.
Image generateSpecimen(const SpecimenOptions& options);

} // namespace latentlens::engine
