#pragma once

#include "engine/core/image.h"
#include "engine/probe/probe.h"

#include <cstddef>
#include <string>
#include <vector>

namespace latentlens::engine {

/// The probe's caustic: the intensity |P|^2 of the zone-plate probe of `optics` at each
/// defocus in `defocusMetres` (positive downstream), the centre `crop` x `crop` pixels of each
/// field, as a stack of depth defocusMetres.size() in that order. Spacing: the probe's pixel
/// size across, the defocus step along z when the values are evenly spaced (else 0).
/// Warnings of wrap-around from the propagation are appended to `warnings` when given.
/// Throws InvalidArgument for invalid optics, no defocus values, a non-finite one, or a crop
/// of 0 or larger than the optics' grid. Each plane costs one propagation of the grid
/// (two FFTs): run it off the GUI thread.
Image causticStack(const ZonePlateOptics& optics, const std::vector<double>& defocusMetres,
    std::size_t crop, std::vector<std::string>* warnings = nullptr);

} // namespace latentlens::engine
