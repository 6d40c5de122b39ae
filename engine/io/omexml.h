#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace latentlens::engine {

/// The part of an OME-XML header that decides how TIFF pages map to planes, and the
/// annotations LatentLens keeps with its own files.
struct OmeXml
{
    std::size_t sizeX = 0, sizeY = 0, sizeZ = 1, sizeC = 1, sizeT = 1;
    /// Order of the non-XY dimensions in the page sequence, fastest first, e.g. "ZCT".
    std::string pageOrder = "ZCT";
    /// OME's pixel type ("float", "uint16", ...); empty when absent.
    std::string pixelType;
    /// Physical voxel size in metres; 0 when absent.
    double physicalSizeX = 0.0, physicalSizeY = 0.0, physicalSizeZ = 0.0;
    /// One name per channel, or none.
    std::vector<std::string> channelNames;
    /// The <Image Name>; empty when absent.
    std::string imageName;
    /// Key-value pairs of the image's <MapAnnotation>s, in document order.
    std::vector<std::pair<std::string, std::string>> keyValues;
    /// The text of the <CommentAnnotation> in omeProvenanceNamespace; empty when none.
    std::string provenance;
};

/// Namespace of the CommentAnnotation that holds LatentLens's provenance record.
inline constexpr std::string_view omeProvenanceNamespace = "latentlens/provenance";
/// Namespace of the MapAnnotation that holds LatentLens's own keys (intensity scale, ...).
inline constexpr std::string_view omeKeyValueNamespace = "latentlens/keys";

/// Parses the first image's <Pixels> element of an OME-XML document, and its MapAnnotation
/// pairs and provenance comment. Returns nothing when the text is not OME-XML or has no
/// usable <Pixels> element.
std::optional<OmeXml> parseOmeXml(std::string_view xml);

/// An OME-XML document (2016-06 schema) for one image stored as one TIFF page per plane in
/// `pageOrder`: <Pixels> with sizes, type and physical sizes in µm, one <Channel> per
/// channel, <TiffData> for every plane from the first page on, and the key-value pairs and
/// provenance as structured annotations referenced from the image. All text is escaped.
/// `creator` goes into the root's Creator attribute.
/// Throws InvalidArgument if a size is 0, `pageOrder` is not an order of Z, C and T,
/// `pixelType` is empty, or there are channel names but not one per channel.
std::string formatOmeXml(const OmeXml& ome, std::string_view creator = {});

/// `text` with &, <, >, " and ' replaced by XML entities.
std::string xmlEscaped(std::string_view text);

/// Metres per unit of a length unit as OME and ImageJ spell it ("µm", "um", "micron",
/// "nm", "mm", "cm", "m", "Å"); 0 for an unknown unit.
double metresPerUnit(std::string_view unit);

} // namespace latentlens::engine
