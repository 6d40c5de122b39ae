#pragma once

#include "engine/core/image.h"

#include <cstddef>
#include <cstdint>

namespace latentlens::engine {

/// The dead-leaves model: opaque discs of uniform random grey levels dropped on each other,
/// with radii of density proportional to r^-3 between `minRadius` and `maxRadius` pixels.
/// Its images are scale-invariant with edges and flat regions like natural images' (Lee,
/// Mumford and Huang 2001), and networks trained on them carry over to natural photographs
/// (Achddou et al. 2021): a source of natural-like training crops with no licence attached.
struct DeadLeavesOptions
{
    std::size_t width = 64;
    std::size_t height = 64;
    std::uint64_t seed = 1;
    double minRadius = 1.0;
    double maxRadius = 64.0;
};

/// A dead-leaves image in [0, 1], drawn front to back until every pixel is covered (at most
/// 20000 discs; pixels still uncovered then take the last disc's grey). The same options give
/// the same image on every platform. Throws InvalidArgument for a zero or too large (> 16384)
/// size or radii that are not 0 < minRadius <= maxRadius.
Image deadLeaves(const DeadLeavesOptions& options);

} // namespace latentlens::engine
