#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace latentlens::engine {

/// The part of an OME-XML header that decides how TIFF pages map to planes.
struct OmeXml
{
    std::size_t sizeX = 0, sizeY = 0, sizeZ = 1, sizeC = 1, sizeT = 1;
    /// Order of the non-XY dimensions in the page sequence, fastest first, e.g. "ZCT".
    std::string pageOrder = "ZCT";
    /// Physical voxel size in metres; 0 when absent.
    double physicalSizeX = 0.0, physicalSizeY = 0.0, physicalSizeZ = 0.0;
    std::vector<std::string> channelNames;
};

/// Parses the first image's <Pixels> element of an OME-XML document. Returns nothing when
/// the text is not OME-XML or has no usable <Pixels> element.
std::optional<OmeXml> parseOmeXml(std::string_view xml);

/// Metres per unit of a length unit as OME and ImageJ spell it ("µm", "um", "micron",
/// "nm", "mm", "cm", "m", "Å"); 0 for an unknown unit.
double metresPerUnit(std::string_view unit);

} // namespace latentlens::engine
