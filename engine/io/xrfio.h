#pragma once

#include "engine/core/image.h"

#include <filesystem>
#include <string>
#include <vector>

namespace latentlens::engine {

/// Reads X-ray fluorescence element maps from HDF5 as a stack of named channels (one plane
/// per element, channelNames() the element lines):
/// - PyXRF: xrfmap/detsum/xrf_fit (elements, ny, nx) with xrfmap/detsum/xrf_fit_name;
/// - XRF-Maps: /MAPS/XRF_Analyzed/<analysis>/Counts_Per_Sec (elements, ny, nx) with
///   Channel_Names; `analysis` picks one ("Fitted", "NNLS", "ROI"); empty takes
///   preferredXrfAnalysis of xrfAnalyses. PyXRF files hold one fit and ignore `analysis`.
/// The pixel size comes from the scan positions: XRF-Maps' /MAPS/Scan/x_axis and y_axis
/// (µm, one per column and row), PyXRF's xrfmap/positions/pos ((2, ny, nx) in mm, x then
/// y). The step is the mean absolute difference of neighbouring positions. Appends a
/// warning to `warnings` (when given) and leaves the pixel size unknown (0) if an axis is
/// missing, has the wrong length, is not uniform (a step more than 5% from the mean) or if
/// the x and y steps differ by more than 5%; the warnings are also kept in the provenance.
/// Values stay in the file's units (counts or counts per second, intensityScale 1).
/// Non-finite values (division by a zero scaler) become 0; their count is recorded in the
/// provenance. Throws IoError if the file is neither layout (naming what it looked for), has
/// no analysis `analysis`, or the names do not match the number of maps.
Image readXrfMaps(const std::filesystem::path& path, const std::string& analysis = {},
    std::vector<std::string>* warnings = nullptr);

/// The analyses of an XRF-Maps file (the groups of /MAPS/XRF_Analyzed that hold
/// Counts_Per_Sec), sorted by name; empty for a PyXRF file and for a file that is not HDF5.
/// Throws IoError if an HDF5 file cannot be opened.
std::vector<std::string> xrfAnalyses(const std::filesystem::path& path);

/// For the helper process (`latentlens-cli check-file xrf` and `xrf-analyses`,
/// engine/core/isolatedread.h): read the maps of `analysis`, or the list of analyses, of the
/// HDF5 file at `path` in this process and write them into `into` for readXrfMaps and
/// xrfAnalyses to take back. Throw as those do.
void handOverXrfMaps(const std::filesystem::path& path, const std::string& analysis,
    const std::filesystem::path& into);
void handOverXrfAnalyses(const std::filesystem::path& path, const std::filesystem::path& into);

/// The analysis readXrfMaps takes when none is named: Fitted, else NNLS, else ROI, else the
/// first of `analyses`; empty when `analyses` is.
std::string preferredXrfAnalysis(const std::vector<std::string>& analyses);

} // namespace latentlens::engine
