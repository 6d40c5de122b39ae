#include "engine/io/omexml.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>

namespace latentlens::engine {

namespace {

// Finds the opening tag `<name ...>` (also with a namespace prefix such as `ome:`) at or
// after `from` and returns its attribute text, or npos.
std::size_t findElement(
    std::string_view xml, std::string_view name, std::size_t from, std::string_view& attributes)
{
    for (std::size_t pos = xml.find('<', from); pos != std::string_view::npos;
         pos = xml.find('<', pos + 1)) {
        std::size_t nameStart = pos + 1;
        std::size_t nameEnd = nameStart;
        while (nameEnd < xml.size() && !std::isspace(static_cast<unsigned char>(xml[nameEnd]))
            && xml[nameEnd] != '>' && xml[nameEnd] != '/')
            ++nameEnd;
        std::string_view tag = xml.substr(nameStart, nameEnd - nameStart);
        if (auto colon = tag.find(':'); colon != std::string_view::npos)
            tag = tag.substr(colon + 1);
        if (tag != name)
            continue;
        std::size_t close = xml.find('>', nameEnd);
        if (close == std::string_view::npos)
            return std::string_view::npos;
        attributes = xml.substr(nameEnd, close - nameEnd);
        return pos;
    }
    return std::string_view::npos;
}

std::optional<std::string> attribute(std::string_view attributes, std::string_view name)
{
    std::size_t pos = 0;
    while ((pos = attributes.find(name, pos)) != std::string_view::npos) {
        bool startOk = pos == 0 || std::isspace(static_cast<unsigned char>(attributes[pos - 1]));
        std::size_t eq = pos + name.size();
        while (eq < attributes.size() && std::isspace(static_cast<unsigned char>(attributes[eq])))
            ++eq;
        if (startOk && eq < attributes.size() && attributes[eq] == '=') {
            std::size_t q = eq + 1;
            while (q < attributes.size() && std::isspace(static_cast<unsigned char>(attributes[q])))
                ++q;
            if (q < attributes.size() && (attributes[q] == '"' || attributes[q] == '\'')) {
                std::size_t end = attributes.find(attributes[q], q + 1);
                if (end != std::string_view::npos)
                    return std::string(attributes.substr(q + 1, end - q - 1));
            }
        }
        pos += name.size();
    }
    return std::nullopt;
}

std::size_t sizeAttribute(std::string_view attributes, std::string_view name)
{
    auto text = attribute(attributes, name);
    if (!text)
        return 0;
    std::size_t value = 0;
    auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    return ec == std::errc() ? value : 0;
}

double lengthAttribute(std::string_view attributes, std::string_view name)
{
    auto text = attribute(attributes, name);
    if (!text)
        return 0.0;
    double value = std::strtod(text->c_str(), nullptr);
    auto unit = attribute(attributes, std::string(name) + "Unit");
    double scale = metresPerUnit(unit ? *unit : "µm"); // OME's default unit is the micron
    return value > 0.0 && scale > 0.0 ? value * scale : 0.0;
}

} // namespace

double metresPerUnit(std::string_view unit)
{
    if (unit == "µm" || unit == "\u03bcm" || unit == "um" || unit == "micron" || unit == "microns"
        || unit == "\\u00B5m")
        return 1e-6;
    if (unit == "nm")
        return 1e-9;
    if (unit == "mm")
        return 1e-3;
    if (unit == "cm")
        return 1e-2;
    if (unit == "m")
        return 1.0;
    if (unit == "Å" || unit == "A" || unit == "angstrom")
        return 1e-10;
    if (unit == "pm")
        return 1e-12;
    return 0.0;
}

std::optional<OmeXml> parseOmeXml(std::string_view xml)
{
    std::string_view attrs;
    if (findElement(xml, "OME", 0, attrs) == std::string_view::npos)
        return std::nullopt;
    std::size_t pixels = findElement(xml, "Pixels", 0, attrs);
    if (pixels == std::string_view::npos)
        return std::nullopt;
    OmeXml ome;
    ome.sizeX = sizeAttribute(attrs, "SizeX");
    ome.sizeY = sizeAttribute(attrs, "SizeY");
    ome.sizeZ = std::max<std::size_t>(1, sizeAttribute(attrs, "SizeZ"));
    ome.sizeC = std::max<std::size_t>(1, sizeAttribute(attrs, "SizeC"));
    ome.sizeT = std::max<std::size_t>(1, sizeAttribute(attrs, "SizeT"));
    if (ome.sizeX == 0 || ome.sizeY == 0)
        return std::nullopt;
    if (auto order = attribute(attrs, "DimensionOrder");
        order && order->size() == 5 && order->starts_with("XY"))
        ome.pageOrder = order->substr(2);
    ome.physicalSizeX = lengthAttribute(attrs, "PhysicalSizeX");
    ome.physicalSizeY = lengthAttribute(attrs, "PhysicalSizeY");
    ome.physicalSizeZ = lengthAttribute(attrs, "PhysicalSizeZ");

    // Channel names, in order, until the end of this <Pixels> element.
    std::size_t end = xml.find("Pixels>", pixels + 1);
    std::size_t pos = pixels + 1;
    std::string_view channel;
    while ((pos = findElement(xml, "Channel", pos, channel)) != std::string_view::npos
        && (end == std::string_view::npos || pos < end)) {
        ome.channelNames.push_back(attribute(channel, "Name").value_or(""));
        ++pos;
    }
    if (ome.channelNames.size() != ome.sizeC
        || std::all_of(ome.channelNames.begin(), ome.channelNames.end(),
            [](const std::string& n) { return n.empty(); }))
        ome.channelNames.clear();
    return ome;
}

} // namespace latentlens::engine
