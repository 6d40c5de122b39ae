#include "engine/io/tiffio.h"

#include "engine/core/atomicfile.h"
#include "engine/core/exception.h"
#include "engine/core/filecheck.h"
#include "engine/core/systemmemory.h"
#include "engine/core/version.h"
#include "engine/io/omexml.h"

#include <nlohmann/json.hpp>
#include <tiffio.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>

namespace latentlens::engine {

namespace {

// libtiff reports through global handlers; collect the last error of this thread so that
// the exception can say what libtiff saw.
thread_local std::string tLastTiffError;

void tiffErrorHandler(const char* module, const char* fmt, va_list args)
{
    char buffer[1024];
    std::vsnprintf(buffer, sizeof buffer, fmt, args);
    tLastTiffError = buffer;
    (void)module;
}

void tiffWarningHandler(const char*, const char*, va_list)
{ }

void installHandlers()
{
    static std::once_flag once;
    std::call_once(once, [] {
        TIFFSetErrorHandler(tiffErrorHandler);
        TIFFSetWarningHandler(tiffWarningHandler);
    });
}

std::string libtiffSays()
{
    return tLastTiffError.empty() ? std::string() : " (libtiff: " + tLastTiffError + ")";
}

struct TiffCloser
{
    void operator()(TIFF* tif) const { TIFFClose(tif); }
};
using TiffHandle = std::unique_ptr<TIFF, TiffCloser>;

enum class Kind { UInt, Int, Float };

struct PageFormat
{
    uint32_t width = 0, height = 0;
    uint16_t bits = 0, samples = 1, planar = PLANARCONFIG_CONTIG, photometric = 0;
    Kind kind = Kind::UInt;
    bool operator==(const PageFormat&) const = default;
};

std::string describe(const PageFormat& f)
{
    const char* kind = f.kind == Kind::Float ? "float" : f.kind == Kind::Int ? "int" : "uint";
    return std::to_string(f.width) + "x" + std::to_string(f.height) + " " + kind
        + std::to_string(f.bits) + " x" + std::to_string(f.samples);
}

/// The most decoded bytes the current page's data can give: uncompressed pixels must be in
/// the file, and compressed ones within 4096 times the file's size (beyond any codec's real
/// ratio on image data).
double decodedLimit(TIFF* tif, std::uintmax_t fileSize)
{
    uint16_t compression = COMPRESSION_NONE;
    TIFFGetFieldDefaulted(tif, TIFFTAG_COMPRESSION, &compression);
    return compression == COMPRESSION_NONE ? double(fileSize) : 4096.0 * double(fileSize);
}

/// Refuses a page whose declared size the file cannot hold, before anything is allocated
/// for it (decodedLimit).
void checkDeclaredSize(TIFF* tif, const PageFormat& f, const std::filesystem::path& path, int page,
    std::uintmax_t fileSize)
{
    const double decoded = double(f.width) * double(f.height) * double(f.samples)
        * std::max(1.0, double(f.bits) / 8.0);
    if (decoded > decodedLimit(tif, fileSize))
        throw IoError(path,
            "page " + std::to_string(page + 1) + " declares " + std::to_string(f.width) + " x "
                + std::to_string(f.height) + " pixels, more than the " + std::to_string(fileSize)
                + "-byte file can hold; the file is corrupt or truncated.");
}

PageFormat readFormat(TIFF* tif, const std::filesystem::path& path, int page)
{
    PageFormat f;
    uint16_t sampleFormat = SAMPLEFORMAT_UINT;
    TIFFGetField(tif, TIFFTAG_IMAGEWIDTH, &f.width);
    TIFFGetField(tif, TIFFTAG_IMAGELENGTH, &f.height);
    TIFFGetFieldDefaulted(tif, TIFFTAG_BITSPERSAMPLE, &f.bits);
    TIFFGetFieldDefaulted(tif, TIFFTAG_SAMPLESPERPIXEL, &f.samples);
    TIFFGetFieldDefaulted(tif, TIFFTAG_PLANARCONFIG, &f.planar);
    TIFFGetFieldDefaulted(tif, TIFFTAG_SAMPLEFORMAT, &sampleFormat);
    if (!TIFFGetField(tif, TIFFTAG_PHOTOMETRIC, &f.photometric))
        f.photometric = PHOTOMETRIC_MINISBLACK;
    const std::string where = "page " + std::to_string(page + 1) + ": ";
    if (f.width == 0 || f.height == 0)
        throw IoError(path, where + "the image has no pixels; the file is corrupt.");
    switch (sampleFormat) {
    case SAMPLEFORMAT_UINT:
        f.kind = Kind::UInt;
        break;
    case SAMPLEFORMAT_INT:
        f.kind = Kind::Int;
        break;
    case SAMPLEFORMAT_IEEEFP:
        f.kind = Kind::Float;
        break;
    case SAMPLEFORMAT_COMPLEXINT:
    case SAMPLEFORMAT_COMPLEXIEEEFP:
        throw IoError(path,
            where
                + "complex samples are not supported; save the intensity "
                  "or the real and imaginary parts as float32 pages.");
    default:
        throw IoError(
            path, where + "unsupported sample format " + std::to_string(sampleFormat) + ".");
    }
    const bool bitsOk = f.kind == Kind::Float ? (f.bits == 32 || f.bits == 64)
                                              : (f.bits == 8 || f.bits == 16 || f.bits == 32);
    if (!bitsOk)
        throw IoError(path,
            where + "unsupported sample format: " + std::to_string(f.bits) + "-bit "
                + (f.kind == Kind::Float ? "float" : "integer")
                + " samples. Supported: 8, 16 and 32-bit integer, 32 and "
                  "64-bit float.");
    // Palette (colour-mapped) pages, as ImageJ writes 8-bit data with a lookup table, are
    // read as their index values: the table is a display choice, the indices are the data
    // (as in ImageJ, Fiji and tifffile).
    if (f.photometric == PHOTOMETRIC_YCBCR || f.photometric == PHOTOMETRIC_SEPARATED
        || f.photometric == PHOTOMETRIC_CIELAB)
        throw IoError(path,
            where
                + "this colour space is not supported; save as greyscale "
                  "or RGB.");
    if (f.samples == 0 || f.samples > 64)
        throw IoError(path,
            where + "implausible number of samples per pixel (" + std::to_string(f.samples)
                + "); the file is corrupt.");
    return f;
}

double typeScale(const PageFormat& f)
{
    if (f.kind == Kind::Float)
        return 1.0;
    const double bits = f.kind == Kind::Int ? f.bits - 1 : f.bits;
    return std::ldexp(1.0, static_cast<int>(bits)) - 1.0;
}

template <typename T> T loadSample(const unsigned char* p)
{
    T v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

double sampleAt(const unsigned char* p, const PageFormat& f)
{
    switch (f.kind) {
    case Kind::UInt:
        return f.bits == 8 ? *p : f.bits == 16 ? loadSample<uint16_t>(p) : loadSample<uint32_t>(p);
    case Kind::Int:
        return f.bits == 8 ? static_cast<int8_t>(*p)
            : f.bits == 16 ? loadSample<int16_t>(p)
                           : loadSample<int32_t>(p);
    case Kind::Float:
        return f.bits == 32 ? loadSample<float>(p) : loadSample<double>(p);
    }
    return 0.0;
}

// Decodes one page into `planes` (one plane per sample), values divided by `scale`.
void readPage(TIFF* tif, const PageFormat& f, const std::filesystem::path& path, int page,
    std::uintmax_t fileSize, double scale, std::vector<std::vector<float>>& planes)
{
    const std::size_t bytesPerSample = f.bits / 8;
    const std::size_t width = f.width;
    const bool separate = f.planar == PLANARCONFIG_SEPARATE && f.samples > 1;
    const std::size_t samplesPerChunkPixel = separate ? 1 : f.samples;
    const bool invert = f.photometric == PHOTOMETRIC_MINISWHITE && f.kind != Kind::Float;
    const double maxValue = typeScale(f);
    planes.assign(f.samples, std::vector<float>(width * f.height));
    const std::string where = "page " + std::to_string(page + 1) + ": ";

    auto store = [&](std::size_t sample, std::size_t x, std::size_t y, const unsigned char* p) {
        double v = sampleAt(p, f);
        if (invert)
            v = maxValue - v;
        planes[sample][y * width + x] = static_cast<float>(v / scale);
    };

    if (TIFFIsTiled(tif)) {
        uint32_t tileW = 0, tileH = 0;
        TIFFGetField(tif, TIFFTAG_TILEWIDTH, &tileW);
        TIFFGetField(tif, TIFFTAG_TILELENGTH, &tileH);
        if (tileW == 0 || tileH == 0)
            throw IoError(path, where + "tiles of zero size; the file is corrupt.");
        // A tile may be larger than the page (edge tiles are padded), so its size is checked
        // on its own before its buffer is allocated, and libtiff must agree with it.
        const double tileBytes
            = double(tileW) * double(tileH) * double(samplesPerChunkPixel) * double(bytesPerSample);
        if (tileBytes > decodedLimit(tif, fileSize))
            throw IoError(path,
                where + "tiles of " + std::to_string(tileW) + " x " + std::to_string(tileH)
                    + " pixels, more than the " + std::to_string(fileSize)
                    + "-byte file can hold; the file is corrupt.");
        const tmsize_t tileSize = TIFFTileSize(tif);
        if (tileSize <= 0 || double(tileSize) < tileBytes)
            throw IoError(path, where + "the tile size is inconsistent; the file is corrupt.");
        std::vector<unsigned char> buffer(static_cast<std::size_t>(tileSize));
        for (uint16_t s = 0; s < (separate ? f.samples : 1); ++s)
            for (uint32_t ty = 0; ty < f.height; ty += tileH)
                for (uint32_t tx = 0; tx < f.width; tx += tileW) {
                    uint32_t tile = TIFFComputeTile(tif, tx, ty, 0, s);
                    if (TIFFReadEncodedTile(tif, tile, buffer.data(), buffer.size()) < 0)
                        throw IoError(path,
                            where + "cannot decode tile " + std::to_string(tile)
                                + "; the file is truncated or corrupt" + libtiffSays() + ".");
                    for (uint32_t y = ty; y < std::min(f.height, ty + tileH); ++y)
                        for (uint32_t x = tx; x < std::min(f.width, tx + tileW); ++x)
                            for (std::size_t k = 0; k < samplesPerChunkPixel; ++k) {
                                std::size_t offset = ((y - ty) * std::size_t(tileW) + (x - tx))
                                        * samplesPerChunkPixel
                                    + k;
                                store(separate ? s : k, x, y,
                                    buffer.data() + offset * bytesPerSample);
                            }
                }
        return;
    }

    uint32_t rowsPerStrip = f.height;
    TIFFGetFieldDefaulted(tif, TIFFTAG_ROWSPERSTRIP, &rowsPerStrip);
    rowsPerStrip = std::clamp<uint32_t>(rowsPerStrip, 1, f.height);
    const std::size_t rowBytes = width * samplesPerChunkPixel * bytesPerSample;
    const tmsize_t stripSize = TIFFStripSize(tif);
    if (stripSize <= 0 || static_cast<std::size_t>(stripSize) < rowBytes)
        throw IoError(path, where + "the strip size is inconsistent; the file is corrupt.");
    std::vector<unsigned char> buffer(static_cast<std::size_t>(stripSize));
    for (uint16_t s = 0; s < (separate ? f.samples : 1); ++s)
        for (uint32_t row = 0; row < f.height; row += rowsPerStrip) {
            uint32_t strip = TIFFComputeStrip(tif, row, s);
            uint32_t rows = std::min(rowsPerStrip, f.height - row);
            tmsize_t got = TIFFReadEncodedStrip(tif, strip, buffer.data(), buffer.size());
            if (got < 0 || static_cast<std::size_t>(got) < rows * rowBytes)
                throw IoError(path,
                    where + "cannot decode strip " + std::to_string(strip)
                        + "; the file is truncated or corrupt" + libtiffSays() + ".");
            for (uint32_t y = 0; y < rows; ++y)
                for (std::size_t x = 0; x < width; ++x)
                    for (std::size_t k = 0; k < samplesPerChunkPixel; ++k)
                        store(separate ? s : k, x, row + y,
                            buffer.data() + y * rowBytes
                                + (x * samplesPerChunkPixel + k) * bytesPerSample);
        }
}

// key=value lines of an ImageJ description (also our own latentlens.* keys).
std::map<std::string, std::string> parseKeyValues(const std::string& text)
{
    std::map<std::string, std::string> result;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        auto eq = line.find('=');
        if (eq == std::string::npos || eq == 0)
            continue;
        std::string value = line.substr(eq + 1);
        if (!value.empty() && value.back() == '\r')
            value.pop_back();
        result[line.substr(0, eq)] = value;
    }
    return result;
}

std::size_t toCount(const std::map<std::string, std::string>& kv, const std::string& key)
{
    auto it = kv.find(key);
    if (it == kv.end())
        return 1;
    char* end = nullptr;
    long long v = std::strtoll(it->second.c_str(), &end, 10);
    return v > 0 ? static_cast<std::size_t>(v) : 1;
}

double toDouble(const std::map<std::string, std::string>& kv, const std::string& key)
{
    auto it = kv.find(key);
    return it == kv.end() ? 0.0 : std::strtod(it->second.c_str(), nullptr);
}

std::string stringField(TIFF* tif, ttag_t tag)
{
    char* text = nullptr;
    if (TIFFGetField(tif, tag, &text) && text)
        return text;
    return {};
}

// Pixel size from X/YResolution: ImageJ writes pixels per `unit` with ResolutionUnit NONE;
// other writers use centimetres. Inches are mostly a 72-dpi default, so are ignored unless
// ImageJ states the unit.
Spacing resolutionSpacing(TIFF* tif, double unitMetres)
{
    float xres = 0, yres = 0;
    uint16_t resUnit = RESUNIT_INCH;
    if (!TIFFGetField(tif, TIFFTAG_XRESOLUTION, &xres) || !(xres > 0))
        return {};
    if (!TIFFGetField(tif, TIFFTAG_YRESOLUTION, &yres) || !(yres > 0))
        yres = xres;
    TIFFGetFieldDefaulted(tif, TIFFTAG_RESOLUTIONUNIT, &resUnit);
    double metres = 0.0;
    if (unitMetres > 0)
        metres = unitMetres;
    else if (resUnit == RESUNIT_CENTIMETER)
        metres = 1e-2;
    if (metres == 0.0)
        return {};
    return { metres / xres, metres / yres, 0.0 };
}

std::string lowerCase(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
        [](unsigned char c) { return char(std::tolower(c)); });
    return text;
}

struct PlaneLayout
{
    std::size_t depth = 1, channels = 1, frames = 1;
    std::string pageOrder = "CZT"; // fastest first; ImageJ's order
};

} // namespace

Image readTiff(const std::filesystem::path& path, std::vector<std::string>* warnings)
{
    installHandlers();
    const std::uintmax_t fileSize = requireNonEmptyFile(path);

    tLastTiffError.clear();
    TiffHandle tif(TIFFOpen(path.c_str(), "r"));
    if (!tif)
        throw IoError(path, "not a readable TIFF file" + libtiffSays() + ".");

    // First page's description holds the ImageJ or OME metadata.
    const std::string description = stringField(tif.get(), TIFFTAG_IMAGEDESCRIPTION);

    // Pass 1: the main pages' directories and formats (no pixel data yet), so that the
    // image can be allocated once and each page decoded straight into its planes; decoding
    // everything first and copying would hold the stack twice.
    std::vector<tdir_t> mainDirectories;
    PageFormat first;
    int page = 0;
    double scale = 0.0;
    Spacing spacing;
    bool firstSeen = false;
    const auto ome = parseOmeXml(description);
    auto kv = ome ? std::map<std::string, std::string>() : parseKeyValues(description);
    if (ome) {
        // Our own OME-TIFF files keep the LatentLens keys as annotations.
        for (const auto& [key, value] : ome->keyValues)
            if (key.starts_with("latentlens."))
                kv.emplace(key, value);
        if (!ome->provenance.empty())
            kv.emplace("latentlens.provenance", ome->provenance);
    }
    const bool imagej = !ome && description.starts_with("ImageJ=");
    double imagejUnit = 0.0;
    if (imagej) {
        auto unit = kv.find("unit");
        imagejUnit = unit != kv.end() ? metresPerUnit(unit->second) : 0.0;
    }
    do {
        uint32_t subfile = 0;
        TIFFGetField(tif.get(), TIFFTAG_SUBFILETYPE, &subfile);
        if (firstSeen && (subfile & FILETYPE_REDUCEDIMAGE)) {
            ++page; // a thumbnail or pyramid level, not a plane
            continue;
        }
        PageFormat format = readFormat(tif.get(), path, page);
        checkDeclaredSize(tif.get(), format, path, page, fileSize);
        if (!firstSeen) {
            first = format;
            firstSeen = true;
            scale = typeScale(first);
            if (auto it = kv.find("latentlens.scale"); it != kv.end() && first.kind == Kind::Float)
                scale = std::strtod(it->second.c_str(), nullptr);
            if (!(scale > 0) || !std::isfinite(scale))
                scale = 1.0;
            spacing = resolutionSpacing(tif.get(), imagejUnit);
        } else if (!(format == first)) {
            throw IoError(path,
                "page " + std::to_string(page + 1) + " (" + describe(format)
                    + ") differs from page 1 (" + describe(first)
                    + "); LatentLens reads stacks of equal pages only.");
        }
        mainDirectories.push_back(TIFFCurrentDirectory(tif.get()));
        ++page;
        tLastTiffError.clear();
    } while (TIFFReadDirectory(tif.get()));
    if (!tLastTiffError.empty())
        throw IoError(path,
            "page " + std::to_string(page + 1) + " cannot be read; the file is truncated or corrupt"
                + libtiffSays() + ".");
    const int mainPages = int(mainDirectories.size());

    // Decide how the pages (times samples per pixel) map to channels, z and time.
    const std::size_t samples = first.samples;
    const std::size_t total = mainDirectories.size() * samples;
    PlaneLayout layout;
    layout.depth = static_cast<std::size_t>(mainPages);
    layout.channels = samples;
    std::vector<std::string> channelNames;
    // What the description declares against what the file holds: a stack cut short (an
    // acquisition that stopped, a copy that did not finish) keeps a valid chain of pages.
    auto declaredMore = [&](std::size_t declared, const std::string& by) {
        if (warnings && declared != total)
            warnings->push_back("'" + path.string() + "': the " + by + " declares "
                + std::to_string(declared) + " planes but the file holds " + std::to_string(total)
                + "; " + std::to_string(total) + " of " + std::to_string(declared)
                + " planes were read as z slices"
                + (declared > total ? " (the file may be truncated)" : "") + ".");
    };
    if (ome && ome->sizeX == first.width && ome->sizeY == first.height
        && ome->sizeZ * ome->sizeC * ome->sizeT != total)
        declaredMore(ome->sizeZ * ome->sizeC * ome->sizeT, "OME-XML description");
    if (ome && ome->sizeX == first.width && ome->sizeY == first.height
        && ome->sizeZ * ome->sizeC * ome->sizeT == total) {
        layout = { ome->sizeZ, ome->sizeC, ome->sizeT, ome->pageOrder };
        if (samples > 1) // interleaved RGB pages: channels are the fastest
            layout.pageOrder = "C" + std::string(ome->pageOrder).erase(ome->pageOrder.find('C'), 1);
        if (ome->physicalSizeX > 0)
            spacing = { ome->physicalSizeX,
                ome->physicalSizeY > 0 ? ome->physicalSizeY : ome->physicalSizeX,
                ome->physicalSizeZ };
        channelNames = ome->channelNames;
    } else if (imagej) {
        std::size_t c = samples > 1 ? samples : toCount(kv, "channels");
        std::size_t z = toCount(kv, "slices"), t = toCount(kv, "frames");
        // Inconsistent counts leave the default: every page is a z slice.
        if (c * z * t == total)
            layout = { z, c, t, "CZT" };
        // "images" counts pages (an RGB page is one image); without it, the hyperstack's
        // own counts declare the planes.
        if (kv.count("images"))
            declaredMore(toCount(kv, "images") * samples, "ImageJ description");
        else if (kv.count("slices") || kv.count("frames") || kv.count("channels"))
            declaredMore(c * z * t, "ImageJ description");
        if (double z_spacing = toDouble(kv, "spacing"); z_spacing > 0 && imagejUnit > 0)
            spacing.z = z_spacing * imagejUnit;
    }

    if (auto it = kv.find("latentlens.spacing"); it != kv.end()) {
        double x = 0, y = 0, z = 0;
        if (std::sscanf(it->second.c_str(), "%lf,%lf,%lf", &x, &y, &z) == 3 && x > 0 && y > 0
            && z >= 0)
            spacing = { x, y, z };
    }

    // The whole stack as float32, against the machine's memory, before it is allocated.
    const double needed = double(first.width) * double(first.height) * double(total) * 4.0;
    const double memory = double(physicalMemoryBytes());
    if (memory > 0 && needed > 0.75 * memory)
        throw IoError(path,
            "reading it needs " + std::to_string(std::llround(needed / 1e9))
                + " GB of memory as float32, more than three quarters of this machine's "
                + std::to_string(std::llround(memory / 1e9)) + " GB.");
    Image image(first.width, first.height, layout.depth, layout.channels, layout.frames);
    const std::size_t dims[3] = { layout.depth, layout.channels, layout.frames };
    auto targetOf = [&](std::size_t p) {
        // Position of page-plane p along each of the three dimensions, fastest first.
        std::size_t rest = p, z = 0, c = 0, t = 0;
        for (char d : layout.pageOrder) {
            std::size_t n = d == 'Z' ? dims[0] : d == 'C' ? dims[1] : dims[2];
            std::size_t i = rest % n;
            rest /= n;
            (d == 'Z' ? z : d == 'C' ? c : t) = i;
        }
        return image.plane(image.planeIndex(c, z, t));
    };
    // Pass 2: decode page by page into the image (one page's planes in flight).
    std::vector<std::vector<float>> pagePlanes;
    for (std::size_t k = 0; k < mainDirectories.size(); ++k) {
        if (!TIFFSetDirectory(tif.get(), mainDirectories[k]))
            throw IoError(path,
                "page " + std::to_string(k + 1) + " cannot be read again" + libtiffSays() + ".");
        readPage(tif.get(), first, path, int(mainDirectories[k]), fileSize, scale, pagePlanes);
        for (std::size_t sIndex = 0; sIndex < pagePlanes.size(); ++sIndex) {
            auto target = targetOf(k * samples + sIndex);
            std::copy(pagePlanes[sIndex].begin(), pagePlanes[sIndex].end(), target.begin());
        }
    }
    image.setSpacing(spacing);
    image.setIntensityScale(scale);
    if (!channelNames.empty())
        image.setChannelNames(std::move(channelNames));
    if (auto it = kv.find("latentlens.channel_names"); it != kv.end()) {
        auto names = nlohmann::json::parse(it->second, nullptr, false);
        if (names.is_array() && names.size() == image.channels())
            image.setChannelNames(names.get<std::vector<std::string>>());
    }
    if (auto it = kv.find("latentlens.provenance"); it != kv.end())
        image.setProvenance(it->second);
    return image;
}

TiffWriteReport writeTiff(
    const Image& image, const std::filesystem::path& path, const TiffWriteOptions& options)
{
    installHandlers();
    if (image.empty())
        throw InvalidArgument("Cannot write an empty image to '" + path.string() + "'.");
    const bool u16 = options.sampleType == TiffWriteOptions::SampleType::UInt16;
    if (u16 && !image.allFinite())
        throw InvalidArgument("The image holds NaN or infinite values, which 16-bit '"
            + path.string() + "' cannot represent; write float32 instead.");

    TiffWriteReport report;
    const std::size_t bytesPerSample = u16 ? 2 : 4;
    const double bytes = double(image.size()) * double(bytesPerSample);
    report.bigTiff = options.bigTiff || bytes >= 3.5 * 1024.0 * 1024.0 * 1024.0;

    // Values leave in the scale they came in: float32 multiplies by the intensity scale and
    // records it, so reading the file gives back the same [0, 1] values.
    const double scale = u16 ? 65535.0 : image.intensityScale();
    float lo = std::numeric_limits<float>::infinity(), hi = -lo;
    for (float v : image.values())
        if (std::isfinite(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    if (!(lo <= hi))
        lo = hi = 0.0f;

    const Spacing& sp = image.spacing();
    // X/YResolution (and OME's µm) are of limited precision; keep the exact size too.
    std::string exactSpacing;
    if (sp.x > 0) {
        std::ostringstream exact;
        exact.precision(17);
        exact << sp.x << "," << (sp.y > 0 ? sp.y : sp.x) << "," << sp.z;
        exactSpacing = exact.str();
    }
    std::string provenance;
    if (!image.provenance().empty()) {
        // One line: the record must not break the ImageJ key=value layout.
        auto record = nlohmann::json::parse(image.provenance(), nullptr, false);
        provenance = record.is_discarded()
            ? nlohmann::json(image.provenance())
                  .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
            : record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    const std::string software = "LatentLens " + versionString();
    std::ostringstream scaleText;
    scaleText.precision(10);
    scaleText << scale;

    std::string description;
    if (options.format == TiffWriteOptions::Format::OmeTiff) {
        OmeXml ome;
        ome.sizeX = image.width();
        ome.sizeY = image.height();
        ome.sizeZ = image.depth();
        ome.sizeC = image.channels();
        ome.sizeT = image.frames();
        ome.pageOrder = "CZT"; // the order of Image's planes, in which the pages are written
        ome.pixelType = u16 ? "uint16" : "float";
        ome.physicalSizeX = sp.x;
        ome.physicalSizeY = sp.x > 0 ? (sp.y > 0 ? sp.y : sp.x) : 0.0;
        ome.physicalSizeZ = sp.x > 0 ? sp.z : 0.0;
        ome.channelNames = image.channelNames();
        // "cells.ome.tif" holds the image "cells".
        std::string name = path.filename().string();
        const std::string lower = lowerCase(name);
        for (std::string_view suffix : { ".ome.tiff", ".ome.tif", ".tiff", ".tif" })
            if (lower.ends_with(suffix) && lower.size() > suffix.size()) {
                name.resize(name.size() - suffix.size());
                break;
            }
        ome.imageName = name;
        ome.keyValues.emplace_back("latentlens.scale", scaleText.str());
        if (!exactSpacing.empty())
            ome.keyValues.emplace_back("latentlens.spacing", exactSpacing);
        ome.provenance = provenance;
        description = formatOmeXml(ome, software);
    } else {
        std::ostringstream desc;
        desc.precision(10);
        desc << "ImageJ=1.11a\n"
             << "images=" << image.planeCount() << "\n";
        if (image.channels() > 1)
            desc << "channels=" << image.channels() << "\n";
        if (image.depth() > 1)
            desc << "slices=" << image.depth() << "\n";
        if (image.frames() > 1)
            desc << "frames=" << image.frames() << "\n";
        if (image.channels() > 1 || image.frames() > 1)
            desc << "hyperstack=true\nmode=grayscale\n";
        if (sp.x > 0) {
            desc << "unit=micron\n";
            if (sp.z > 0)
                desc << "spacing=" << sp.z * 1e6 << "\n";
        }
        desc << "loop=false\n"
             << "min=" << (u16 ? std::clamp(lo, 0.0f, 1.0f) : lo) * scale << "\n"
             << "max=" << (u16 ? std::clamp(hi, 0.0f, 1.0f) : hi) * scale << "\n"
             << "latentlens.scale=" << scaleText.str() << "\n";
        if (!exactSpacing.empty())
            desc << "latentlens.spacing=" << exactSpacing << "\n";
        if (!image.channelNames().empty())
            desc << "latentlens.channel_names="
                 << nlohmann::json(image.channelNames())
                        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                 << "\n";
        if (!provenance.empty())
            desc << "latentlens.provenance=" << provenance << "\n";
        description = desc.str();
    }

    AtomicFile file(path);
    tLastTiffError.clear();
    TiffHandle tif(TIFFOpen(file.temporaryPath().c_str(), report.bigTiff ? "w8" : "w"));
    if (!tif)
        throw IoError(path, "cannot create the file" + libtiffSays() + ".");

    const uint32_t width = static_cast<uint32_t>(image.width());
    const uint32_t height = static_cast<uint32_t>(image.height());
    const uint32_t rowsPerStrip = static_cast<uint32_t>(
        std::max<std::size_t>(1, (64 * 1024) / (image.width() * bytesPerSample)));
    std::vector<unsigned char> row(image.width() * bytesPerSample);
    for (std::size_t p = 0; p < image.planeCount(); ++p) {
        TIFF* t = tif.get();
        TIFFSetField(t, TIFFTAG_SUBFILETYPE, image.planeCount() > 1 ? FILETYPE_PAGE : 0);
        TIFFSetField(t, TIFFTAG_IMAGEWIDTH, width);
        TIFFSetField(t, TIFFTAG_IMAGELENGTH, height);
        TIFFSetField(t, TIFFTAG_BITSPERSAMPLE, uint16_t(bytesPerSample * 8));
        TIFFSetField(t, TIFFTAG_SAMPLESPERPIXEL, uint16_t(1));
        TIFFSetField(t, TIFFTAG_SAMPLEFORMAT, u16 ? SAMPLEFORMAT_UINT : SAMPLEFORMAT_IEEEFP);
        TIFFSetField(t, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_MINISBLACK);
        TIFFSetField(t, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
        TIFFSetField(t, TIFFTAG_COMPRESSION, COMPRESSION_NONE);
        TIFFSetField(t, TIFFTAG_ROWSPERSTRIP, std::min(rowsPerStrip, height));
        TIFFSetField(t, TIFFTAG_SOFTWARE, software.c_str());
        if (p == 0)
            TIFFSetField(t, TIFFTAG_IMAGEDESCRIPTION, description.c_str());
        if (sp.x > 0) {
            TIFFSetField(t, TIFFTAG_XRESOLUTION, float(1e-6 / sp.x));
            TIFFSetField(t, TIFFTAG_YRESOLUTION, float(1e-6 / (sp.y > 0 ? sp.y : sp.x)));
            TIFFSetField(t, TIFFTAG_RESOLUTIONUNIT, RESUNIT_NONE);
        }
        if (image.planeCount() > 1)
            TIFFSetField(t, TIFFTAG_PAGENUMBER, uint16_t(std::min<std::size_t>(p, 65535)),
                uint16_t(std::min<std::size_t>(image.planeCount(), 65535)));

        auto plane = image.plane(p);
        for (uint32_t y = 0; y < height; ++y) {
            const float* src = plane.data() + std::size_t(y) * width;
            for (uint32_t x = 0; x < width; ++x) {
                if (u16) {
                    float v = src[x];
                    if (v < 0.0f || v > 1.0f)
                        ++report.clippedPixels;
                    auto q
                        = static_cast<uint16_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 65535.0));
                    std::memcpy(row.data() + 2 * x, &q, 2);
                } else {
                    float v = static_cast<float>(src[x] * scale);
                    std::memcpy(row.data() + 4 * x, &v, 4);
                }
            }
            if (TIFFWriteScanline(t, row.data(), y, 0) < 0)
                throw IoError(path, "writing failed (disk full?)" + libtiffSays() + ".");
        }
        if (!TIFFWriteDirectory(t))
            throw IoError(path, "writing failed (disk full?)" + libtiffSays() + ".");
    }
    TIFF* raw = tif.release();
    TIFFClose(raw);
    if (!tLastTiffError.empty())
        throw IoError(path, "writing failed" + libtiffSays() + ".");
    file.commit();
    return report;
}

bool isOmeTiffName(const std::filesystem::path& path)
{
    const std::string name = lowerCase(path.filename().string());
    return name.ends_with(".ome.tif") || name.ends_with(".ome.tiff");
}

} // namespace latentlens::engine
