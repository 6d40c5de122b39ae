#include "engine/io/omexml.h"

#include "engine/core/exception.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <sstream>

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

void appendUtf8(std::string& out, std::uint32_t code)
{
    if (code < 0x80) {
        out += char(code);
    } else if (code < 0x800) {
        out += char(0xC0 | (code >> 6));
        out += char(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += char(0xE0 | (code >> 12));
        out += char(0x80 | ((code >> 6) & 0x3F));
        out += char(0x80 | (code & 0x3F));
    } else if (code < 0x110000) {
        out += char(0xF0 | (code >> 18));
        out += char(0x80 | ((code >> 12) & 0x3F));
        out += char(0x80 | ((code >> 6) & 0x3F));
        out += char(0x80 | (code & 0x3F));
    }
}

// Text with the five named entities and numeric character references resolved; anything
// else that starts with '&' is kept as it stands.
std::string xmlUnescaped(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '&') {
            out += text[i];
            continue;
        }
        const std::size_t semi = text.find(';', i);
        if (semi == std::string_view::npos || semi - i > 10) {
            out += text[i];
            continue;
        }
        const std::string_view entity = text.substr(i + 1, semi - i - 1);
        if (entity == "amp")
            out += '&';
        else if (entity == "lt")
            out += '<';
        else if (entity == "gt")
            out += '>';
        else if (entity == "quot")
            out += '"';
        else if (entity == "apos")
            out += '\'';
        else if (entity.size() > 1 && entity[0] == '#') {
            const bool hex = entity[1] == 'x' || entity[1] == 'X';
            const std::string_view digits = entity.substr(hex ? 2 : 1);
            std::uint32_t code = 0;
            auto [ptr, ec] = std::from_chars(
                digits.data(), digits.data() + digits.size(), code, hex ? 16 : 10);
            if (ec != std::errc() || ptr != digits.data() + digits.size()) {
                out += text[i];
                continue;
            }
            appendUtf8(out, code);
        } else {
            out += text[i];
            continue;
        }
        i = semi;
    }
    return out;
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
                    return xmlUnescaped(attributes.substr(q + 1, end - q - 1));
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

// The text after the start tag at `tag` (whose attribute text is `attributes`) up to the
// next tag, unescaped; empty for an element written as <name/>.
std::string elementText(std::string_view xml, std::size_t tag, std::string_view attributes)
{
    if (attributes.ends_with('/'))
        return {};
    const std::size_t start = xml.find('>', tag);
    if (start == std::string_view::npos)
        return {};
    const std::size_t end = xml.find('<', start + 1);
    return xmlUnescaped(
        xml.substr(start + 1, (end == std::string_view::npos ? xml.size() : end) - start - 1));
}

// The end of the element that starts at `tag`: the position of its closing tag, or of the
// end of the text when there is none.
std::size_t elementEnd(std::string_view xml, std::size_t tag, std::string_view name)
{
    const std::size_t close = xml.find(std::string(name) + ">", tag + 1);
    return close == std::string_view::npos ? xml.size() : close;
}

// Twelve significant digits: 0.1 µm rather than 0.09999999999999999 for 1e-7 m. Files of
// ours keep the exact size in metres as a key-value annotation too.
std::string number(double value)
{
    char buffer[32];
    auto [ptr, ec]
        = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 12);
    return ec == std::errc() ? std::string(buffer, ptr) : std::string("0");
}

} // namespace

std::string xmlEscaped(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (char ch : text) {
        switch (ch) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&apos;";
            break;
        // Kept as references so that attribute-value normalisation does not turn them
        // into spaces.
        case '\t':
            out += "&#9;";
            break;
        case '\n':
            out += "&#10;";
            break;
        case '\r':
            out += "&#13;";
            break;
        default:
            // Other control characters are not allowed anywhere in XML 1.0.
            if (static_cast<unsigned char>(ch) >= 0x20)
                out += ch;
        }
    }
    return out;
}

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
    OmeXml ome;
    if (findElement(xml, "Image", 0, attrs) != std::string_view::npos)
        ome.imageName = attribute(attrs, "Name").value_or("");
    std::size_t pixels = findElement(xml, "Pixels", 0, attrs);
    if (pixels == std::string_view::npos)
        return std::nullopt;
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
    ome.pixelType = attribute(attrs, "Type").value_or("");
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

    std::string_view found;
    for (std::size_t map = findElement(xml, "MapAnnotation", 0, found);
         map != std::string_view::npos; map = findElement(xml, "MapAnnotation", map + 1, found)) {
        const std::size_t mapEnd = elementEnd(xml, map, "MapAnnotation");
        for (std::size_t m = findElement(xml, "M", map, found);
             m != std::string_view::npos && m < mapEnd; m = findElement(xml, "M", m + 1, found))
            ome.keyValues.emplace_back(
                attribute(found, "K").value_or(""), elementText(xml, m, found));
    }
    for (std::size_t comment = findElement(xml, "CommentAnnotation", 0, found);
         comment != std::string_view::npos;
         comment = findElement(xml, "CommentAnnotation", comment + 1, found)) {
        if (attribute(found, "Namespace") != omeProvenanceNamespace)
            continue;
        const std::size_t commentEnd = elementEnd(xml, comment, "CommentAnnotation");
        if (std::size_t value = findElement(xml, "Value", comment, found);
            value != std::string_view::npos && value < commentEnd)
            ome.provenance = elementText(xml, value, found);
        break;
    }
    return ome;
}

std::string formatOmeXml(const OmeXml& ome, std::string_view creator)
{
    std::string order = ome.pageOrder;
    std::sort(order.begin(), order.end());
    if (order != "CTZ")
        throw InvalidArgument(
            "OME-XML needs an order of Z, C and T for the pages, not '" + ome.pageOrder + "'.");
    if (ome.sizeX == 0 || ome.sizeY == 0 || ome.sizeZ == 0 || ome.sizeC == 0 || ome.sizeT == 0)
        throw InvalidArgument("OME-XML cannot describe an image with no pixels.");
    if (ome.pixelType.empty())
        throw InvalidArgument("OME-XML needs the pixel type of the image.");
    if (!ome.channelNames.empty() && ome.channelNames.size() != ome.sizeC)
        throw InvalidArgument(
            "OME-XML needs one name per channel: " + std::to_string(ome.channelNames.size())
            + " names for " + std::to_string(ome.sizeC) + " channels.");

    const std::string micron = "\u00B5m";
    std::ostringstream x;
    x << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<OME xmlns=\"http://www.openmicroscopy.org/Schemas/OME/2016-06\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://www.openmicroscopy.org/Schemas/OME/2016-06 "
         "http://www.openmicroscopy.org/Schemas/OME/2016-06/ome.xsd\"";
    if (!creator.empty())
        x << " Creator=\"" << xmlEscaped(creator) << "\"";
    x << ">\n<Image ID=\"Image:0\"";
    if (!ome.imageName.empty())
        x << " Name=\"" << xmlEscaped(ome.imageName) << "\"";
    x << ">\n<Pixels ID=\"Pixels:0\" DimensionOrder=\"XY" << ome.pageOrder << "\" Type=\""
      << xmlEscaped(ome.pixelType) << "\" SizeX=\"" << ome.sizeX << "\" SizeY=\"" << ome.sizeY
      << "\" SizeZ=\"" << ome.sizeZ << "\" SizeC=\"" << ome.sizeC << "\" SizeT=\"" << ome.sizeT
      << "\"";
    auto physical = [&](const char* axis, double metres) {
        if (metres > 0)
            x << " PhysicalSize" << axis << "=\"" << number(metres * 1e6) << "\" PhysicalSize"
              << axis << "Unit=\"" << micron << "\"";
    };
    physical("X", ome.physicalSizeX);
    physical("Y", ome.physicalSizeY > 0 ? ome.physicalSizeY : ome.physicalSizeX);
    physical("Z", ome.physicalSizeZ);
    x << ">\n";
    for (std::size_t c = 0; c < ome.sizeC; ++c) {
        x << "<Channel ID=\"Channel:0:" << c << "\" SamplesPerPixel=\"1\"";
        if (!ome.channelNames.empty())
            x << " Name=\"" << xmlEscaped(ome.channelNames[c]) << "\"";
        x << "/>\n";
    }
    x << "<TiffData IFD=\"0\" PlaneCount=\"" << ome.sizeZ * ome.sizeC * ome.sizeT << "\"/>\n"
      << "</Pixels>\n";
    int annotations = 0;
    const int mapId = ome.keyValues.empty() ? -1 : annotations++;
    const int commentId = ome.provenance.empty() ? -1 : annotations++;
    for (int id = 0; id < annotations; ++id)
        x << "<AnnotationRef ID=\"Annotation:" << id << "\"/>\n";
    x << "</Image>\n";
    if (annotations > 0) {
        x << "<StructuredAnnotations>\n";
        if (mapId >= 0) {
            x << "<MapAnnotation ID=\"Annotation:" << mapId << "\" Namespace=\""
              << omeKeyValueNamespace << "\"><Value>";
            for (const auto& [key, value] : ome.keyValues)
                x << "<M K=\"" << xmlEscaped(key) << "\">" << xmlEscaped(value) << "</M>";
            x << "</Value></MapAnnotation>\n";
        }
        if (commentId >= 0)
            x << "<CommentAnnotation ID=\"Annotation:" << commentId << "\" Namespace=\""
              << omeProvenanceNamespace << "\"><Value>" << xmlEscaped(ome.provenance)
              << "</Value></CommentAnnotation>\n";
        x << "</StructuredAnnotations>\n";
    }
    x << "</OME>\n";
    return x.str();
}

} // namespace latentlens::engine
