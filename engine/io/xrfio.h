#pragma once

#include "engine/core/image.h"

#include <filesystem>
#include <string>

namespace latentlens::engine {

/// Reads X-ray fluorescence element maps from HDF5 as a stack of named channels (one plane
/// per element, channelNames() the element lines):
/// - PyXRF: xrfmap/detsum/xrf_fit (elements, ny, nx) with xrfmap/detsum/xrf_fit_name;
/// - XRF-Maps: /MAPS/XRF_Analyzed/<analysis>/Counts_Per_Sec (elements, ny, nx) with
///   Channel_Names; `analysis` picks one ("Fitted", "NNLS", "ROI"); empty takes Fitted,
///   then NNLS, then ROI, then the first there is.
/// Values stay in the file's units (counts or counts per second, intensityScale 1).
/// Non-finite values (division by a zero scaler) become 0; their count is recorded in the
/// provenance. Throws IoError if the file is neither layout (naming what it looked for),
/// or the names do not match the number of maps.
Image readXrfMaps(const std::filesystem::path& path, const std::string& analysis = {});

} // namespace latentlens::engine
