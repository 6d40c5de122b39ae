#include "engine/probe/probeimport.h"

#include "engine/core/exception.h"
#include "engine/core/filecheck.h"
#include "engine/core/isolatedread.h"
#include "engine/io/hdf5reader.h"
#include "engine/io/imageio.h"
#include "engine/io/matfile.h"
#include "engine/io/npyio.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>

namespace latentlens::engine {

namespace {

std::string typeName(const NdArray& a)
{
    const std::string& d = a.dtype;
    if (d.size() < 3)
        return d;
    const char kind = d[1];
    const int bytes = std::atoi(d.c_str() + 2);
    switch (kind) {
    case 'c':
        return "complex" + std::to_string(bytes * 8);
    case 'f':
        return "float" + std::to_string(bytes * 8);
    case 'i':
        return "int" + std::to_string(bytes * 8);
    case 'u':
        return "uint" + std::to_string(bytes * 8);
    default:
        return d;
    }
}

std::string number(double v)
{
    std::ostringstream text;
    text.precision(4);
    text << v;
    return text.str();
}

// Index of the plane with the highest value: the in-focus slice of a PSF z-stack.
std::size_t brightestPlane(const Image& image)
{
    std::size_t best = 0;
    float bestValue = -std::numeric_limits<float>::infinity();
    for (std::size_t p = 0; p < image.planeCount(); ++p)
        for (float v : image.plane(p))
            if (v > bestValue) {
                bestValue = v;
                best = p;
            }
    return best;
}

// Measured PSFs carry rounding noise around zero after background subtraction; that is
// clipped. A real negative lobe means the file is not an intensity.
void requireIntensity(const std::filesystem::path& path, Image& intensity)
{
    float peak = 0.0f, lowest = 0.0f;
    for (float v : intensity.values()) {
        if (!std::isfinite(v))
            throw IoError(path, "the probe holds NaN or infinite values.");
        peak = std::max(peak, v);
        lowest = std::min(lowest, v);
    }
    if (!(peak > 0))
        throw IoError(path, "the probe's intensity is zero everywhere; it cannot make a kernel.");
    if (lowest < -1e-6f * peak)
        throw IoError(path,
            "the PSF has negative values (down to " + number(lowest) + ", peak " + number(peak)
                + "); an intensity cannot be negative. Subtract the background and clip at "
                  "zero, or import the complex probe instead.");
    for (float& v : intensity.values())
        v = std::max(v, 0.0f);
}

ImportedProbe fromArray(
    const std::filesystem::path& path, const NdArray& a, bool matlabAxes, const std::string& source)
{
    ImportedProbe probe;
    probe.source = source;
    probe.stored = typeName(a) + " " + a.shapeText();
    const std::size_t rank = a.shape.size();
    if (rank < 2)
        throw IoError(path,
            source + " is a " + std::to_string(rank) + "-D array " + a.shapeText()
                + "; a probe is a 2-D array (ny, nx) or a 3-D array (modes, ny, nx).");
    if (rank > 3)
        throw IoError(path,
            source + " is a " + std::to_string(rank) + "-D array " + a.shapeText()
                + "; LatentLens reads probes of shape (ny, nx) or (modes, ny, nx). Save one "
                  "set of modes.");
    if (a.elementCount() == 0)
        throw IoError(path, source + " is empty " + a.shapeText() + ".");
    for (const auto& v : a.values)
        if (!std::isfinite(v.real()) || !std::isfinite(v.imag()))
            throw IoError(path, source + " holds NaN or infinite values.");
    const std::size_t planes = rank == 3 ? a.shape[0] : 1;
    // MATLAB stores (ny, nx, modes) column-major, which HDF5 and MatFile show as
    // (modes, nx, ny): the modes are MATLAB's third dimension, as PtychoShelves saves them.
    const std::size_t fastest = a.shape[rank - 1], slowest = a.shape[rank - 2];
    const std::size_t width = matlabAxes ? slowest : fastest;
    const std::size_t height = matlabAxes ? fastest : slowest;
    auto valueAt = [&](std::size_t p, std::size_t x, std::size_t y) {
        const std::size_t base = p * width * height;
        return matlabAxes ? a.values[base + x * height + y] : a.values[base + y * width + x];
    };
    if (matlabAxes)
        probe.notes.push_back("MATLAB file: the axes were reversed to (ny, nx) order.");

    if (a.isComplex) {
        probe.isComplex = true;
        probe.complex.width = width;
        probe.complex.height = height;
        for (std::size_t p = 0; p < planes; ++p) {
            std::vector<std::complex<double>> mode(width * height);
            for (std::size_t y = 0; y < height; ++y)
                for (std::size_t x = 0; x < width; ++x)
                    mode[y * width + x] = valueAt(p, x, y);
            probe.complex.modes.push_back(std::move(mode));
        }
        probe.intensity = probe.complex.intensity();
        if (!(probe.complex.energy() > 0))
            throw IoError(path, source + " is zero everywhere; it cannot make a kernel.");
        return probe;
    }
    Image stack(width, height, planes);
    for (std::size_t p = 0; p < planes; ++p)
        for (std::size_t y = 0; y < height; ++y)
            for (std::size_t x = 0; x < width; ++x)
                stack.at(x, y, p) = float(valueAt(p, x, y).real());
    if (planes > 1) {
        const std::size_t best = brightestPlane(stack);
        probe.notes.push_back("A real 3-D array is read as an intensity z-stack; its brightest "
                              "plane, "
            + std::to_string(best) + " of " + std::to_string(planes) + " (from 0), is the PSF.");
        probe.intensity = stack.extractPlane(best);
    } else {
        probe.intensity = std::move(stack);
    }
    requireIntensity(path, probe.intensity);
    return probe;
}

ImportedProbe fromImage(const std::filesystem::path& path, const ProbeImportOptions& options)
{
    Image image = readImage(path);
    const auto& names = image.channelNames();
    auto lower = [](std::string s) {
        std::transform(
            s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
        return s;
    };
    const bool named = names.size() >= 2 && lower(names[0]).starts_with("re")
        && lower(names[1]).starts_with("im");
    const bool negative
        = std::any_of(image.values().begin(), image.values().end(), [](float v) { return v < 0; });
    const std::size_t planes = image.planeCount();
    const bool complexPages
        = options.complexPages || (planes % 2 == 0 && (named || (negative && planes >= 2)));
    ImportedProbe probe;
    if (complexPages) {
        if (planes % 2 != 0)
            throw IoError(path,
                "the TIFF has " + std::to_string(planes)
                    + " pages; real and imaginary pages come in pairs.");
        if (!options.complexPages && !named)
            probe.notes.push_back("The TIFF has negative values, so its pages are read as "
                                  "(real, imaginary) pairs.");
        probe.isComplex = true;
        probe.source = "pages 1-" + std::to_string(planes) + " as (real, imaginary) pairs";
        probe.stored = "float32 TIFF, " + std::to_string(planes) + " pages of "
            + std::to_string(image.width()) + "x" + std::to_string(image.height());
        probe.complex.width = image.width();
        probe.complex.height = image.height();
        for (std::size_t p = 0; p + 1 < planes; p += 2) {
            std::vector<std::complex<double>> mode(image.planeSize());
            const auto re = image.plane(p), im = image.plane(p + 1);
            for (std::size_t i = 0; i < mode.size(); ++i) {
                if (!std::isfinite(re[i]) || !std::isfinite(im[i]))
                    throw IoError(path, "the probe holds NaN or infinite values.");
                mode[i] = { re[i] * image.intensityScale(), im[i] * image.intensityScale() };
            }
            probe.complex.modes.push_back(std::move(mode));
        }
        probe.intensity = probe.complex.intensity();
        if (!(probe.complex.energy() > 0))
            throw IoError(path, "the probe is zero everywhere; it cannot make a kernel.");
    } else {
        probe.stored = std::to_string(planes) + " plane(s) of " + std::to_string(image.width())
            + "x" + std::to_string(image.height());
        std::size_t plane = 0;
        if (planes > 1) {
            plane = brightestPlane(image);
            probe.notes.push_back("The file holds " + std::to_string(planes)
                + " planes; the brightest, plane " + std::to_string(plane)
                + " (from 0), is the PSF.");
        }
        probe.source = "intensity, plane " + std::to_string(plane);
        probe.intensity = image.extractPlane(plane);
        requireIntensity(path, probe.intensity);
    }
    probe.complex.pixelSize = image.spacing().x;
    return probe;
}

// A pixel size read from `where`: one value, or (dy, dx) which must be equal.
void applyPixelSize(const std::filesystem::path& path, const std::vector<double>& values,
    const std::string& where, ImportedProbe& probe)
{
    if (values.empty())
        return;
    const double dy = values.front(), dx = values.back();
    if (std::abs(dx - dy) > 1e-3 * std::abs(dx))
        throw IoError(path,
            "the probe's pixels are not square (" + number(dy) + " x " + number(dx)
                + " m); LatentLens needs square probe pixels.");
    probe.complex.pixelSize = dx;
    probe.notes.push_back("Pixel size " + number(dx) + " m from " + where + ".");
}

// A photon energy read from `where`, in keV or, when above 1000, in eV.
void applyEnergy(double energy, const std::string& where, ImportedProbe& probe)
{
    if (!(energy > 0) || !std::isfinite(energy))
        return;
    double keV = energy;
    if (keV > 1000.0) {
        keV /= 1000.0; // a value in eV
        probe.notes.push_back(
            "The energy " + number(energy) + " in the file is read as eV (too large for keV).");
    }
    probe.complex.wavelength = photonWavelength(keV);
    probe.notes.push_back("Photon energy " + number(keV) + " keV from " + where + ".");
}

// Pixel size (metres) and energy (keV) stored next to a dataset: PtyPy keeps _psize and
// _energy in the storage's group.
void readHdf5Optics(const Hdf5Reader& file, const std::string& dataset, ImportedProbe& probe)
{
    const auto slash = dataset.find_last_of('/');
    const std::string group = slash == std::string::npos ? "" : dataset.substr(0, slash);
    for (const char* name : { "_psize", "psize", "pixel_size" })
        if (file.isDataset(group + "/" + name)) {
            const NdArray psize = file.readArray(group + "/" + name);
            if (!psize.isComplex) {
                std::vector<double> values;
                for (const auto& v : psize.values)
                    values.push_back(v.real());
                applyPixelSize(file.path(), values, group + "/" + name, probe);
            }
            break;
        }
    for (const char* name : { "_energy", "energy" })
        if (auto energy = file.readScalar(group + "/" + name); energy && *energy > 0) {
            applyEnergy(*energy, group + "/" + name, probe);
            break;
        }
}

ImportedProbe fromHdf5(const std::filesystem::path& path, const ProbeImportOptions& options)
{
    Hdf5Reader file(path);
    std::string dataset = options.dataset;
    std::vector<std::string> notes;
    if (dataset.empty()) {
        if (file.isGroup("/content/probe")) {
            std::vector<std::string> storages;
            for (const auto& id : file.members("/content/probe"))
                if (file.isDataset("/content/probe/" + id + "/data"))
                    storages.push_back(id);
            if (!storages.empty()) {
                dataset = "/content/probe/" + storages.front() + "/data";
                if (storages.size() > 1)
                    notes.push_back("The file holds " + std::to_string(storages.size())
                        + " probes; the first, " + storages.front()
                        + ", is used (choose another with the dataset path).");
            }
        }
        if (dataset.empty() && file.isDataset("/probe"))
            dataset = "/probe";
        if (dataset.empty()) {
            std::string have;
            for (const auto& m : file.members("/"))
                have += (have.empty() ? "" : ", ") + m;
            throw IoError(path,
                "no probe found: neither PtyPy's /content/probe/<id>/data nor a dataset /probe. "
                "Give the dataset path (--dataset). The file's top level holds: "
                    + (have.empty() ? std::string("nothing") : have) + ".");
        }
    }
    ImportedProbe probe = fromArray(path, file.readArray(dataset), file.isMatlab(),
        dataset.starts_with('/') ? dataset : "/" + dataset);
    probe.notes.insert(probe.notes.begin(), notes.begin(), notes.end());
    readHdf5Optics(file, probe.source, probe);
    return probe;
}

ImportedProbe fromNpz(const std::filesystem::path& path, const ProbeImportOptions& options)
{
    std::string name = options.dataset;
    if (name.empty()) {
        const auto names = listNpz(path);
        for (const char* candidate : { "probeGuess", "probe" })
            if (std::find(names.begin(), names.end(), candidate) != names.end()) {
                name = candidate;
                break;
            }
        if (name.empty() && names.size() == 1)
            name = names.front();
        if (name.empty()) {
            std::string have;
            for (const auto& n : names)
                have += (have.empty() ? "" : ", ") + n;
            throw IoError(path,
                "the archive holds several arrays (" + have
                    + ") and none is named probeGuess or probe; give the array's name "
                      "(--dataset).");
        }
    }
    return fromArray(path, readNpz(path, name), false, name);
}

// A MAT-file's variables as "probe [64 64 3] complex single, dx [1 1] double".
std::string matVariablesText(const MatFile& file)
{
    std::string text;
    for (const auto& v : file.variables())
        text += (text.empty() ? "" : ", ") + v.name + " " + v.sizeText() + " "
            + (v.isComplex ? "complex " : "") + v.className;
    return text.empty() ? "no variables" : text;
}

// The probe's variable: `probe`, `probeGuess`, a 1x1 struct's field `probe`, else the only
// numeric variable with more than one element.
std::string pickMatVariable(const MatFile& file)
{
    for (const char* name : { "probe", "probeGuess" })
        if (file.find(name))
            return name;
    for (const auto& v : file.variables())
        if (v.name.ends_with(".probe") && v.isNumeric())
            return v.name;
    std::vector<std::string> arrays;
    for (const auto& v : file.variables())
        if (v.isNumeric() && v.elementCount() > 1)
            arrays.push_back(v.name);
    if (arrays.size() == 1)
        return arrays.front();
    throw IoError(file.path(),
        "no probe found: the MAT-file has no variable named probe or probeGuess"
            + std::string(arrays.empty() ? " and no numeric array" : " and several arrays")
            + ". Give the variable's name (--dataset). The file holds: " + matVariablesText(file)
            + ".");
}

// Pixel size (metres) and energy (keV) in scalar variables beside the probe, named as in
// HDF5 files, or PtychoShelves' p.dx_spec and p.energy.
void readMatOptics(const MatFile& file, ImportedProbe& probe)
{
    auto smallNumbers = [&](const std::string& name) -> std::optional<std::vector<double>> {
        const MatVariable* v = file.find(name);
        if (!v || !v->isNumeric() || v->isComplex || v->elementCount() == 0
            || v->elementCount() > 3)
            return std::nullopt;
        std::vector<double> values;
        for (const auto& x : file.readArray(name).values)
            values.push_back(x.real());
        return values;
    };
    for (const char* name : { "_psize", "psize", "pixel_size", "dx", "p.dx_spec" })
        if (auto values = smallNumbers(name)) {
            applyPixelSize(file.path(), *values, name, probe);
            break;
        }
    for (const char* name : { "_energy", "energy", "p.energy" })
        if (auto values = smallNumbers(name); values && values->front() > 0) {
            applyEnergy(values->front(), name, probe);
            break;
        }
}

ImportedProbe fromMat(const std::filesystem::path& path, const ProbeImportOptions& options)
{
    MatFile file(path);
    std::string name = options.dataset;
    if (name.empty())
        name = pickMatVariable(file);
    const MatVariable* variable = file.find(name);
    if (!variable)
        throw IoError(path,
            "the MAT-file has no variable '" + name + "'. It holds: " + matVariablesText(file)
                + ".");
    ImportedProbe probe = fromArray(path, file.readArray(name), true, name);
    probe.stored = "MATLAB " + file.version() + " " + (variable->isComplex ? "complex " : "")
        + variable->className + " " + variable->sizeText();
    readMatOptics(file, probe);
    return probe;
}

enum class Kind { Npy, Npz, Hdf5, Mat, Image, Unknown };

Kind sniff(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::array<char, 6> head {};
    in.read(head.data(), head.size());
    const std::string s(head.data(), std::size_t(in.gcount()));
    if (s == "\x93NUMPY")
        return Kind::Npy;
    if (s.starts_with("PK\x03\x04") || s.starts_with("PK\x05\x06"))
        return Kind::Npz;
    if (MatFile::hasHeader(path)) // before HDF5: a MATLAB 7.3 file is HDF5 too
        return Kind::Mat;
    if (Hdf5Reader::isHdf5(path))
        return Kind::Hdf5;
    if (s.starts_with("II") || s.starts_with("MM") || s.starts_with("\x89PNG")
        || s.starts_with("\xFF\xD8\xFF"))
        return Kind::Image;
    // A version 4 MAT-file has no header: libmatio decides whether it is one.
    auto extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
        [](unsigned char c) { return std::tolower(c); });
    return extension == ".mat" ? Kind::Mat : Kind::Unknown;
}

// A probe file read by HDF5 or libmatio, in this process.
ImportedProbe fromHdf5OrMat(const std::filesystem::path& path, const ProbeImportOptions& options)
{
    const Kind kind = sniff(path);
    if (kind == Kind::Mat)
        return fromMat(path, options);
    if (kind == Kind::Hdf5)
        return fromHdf5(path, options);
    throw IoError(path, "neither an HDF5 file nor a MAT-file.");
}

// What the helper hands back for a probe: the fields of ImportedProbe in the header, the
// complex modes (complex128) or the PSF plane (float32) as the payload. The intensity of a
// complex probe is computed again from its modes, as fromArray computes it.
Handover probeHandover(const ImportedProbe& probe)
{
    nlohmann::json header { { "complex", probe.isComplex }, { "source", probe.source },
        { "stored", probe.stored }, { "notes", probe.notes },
        { "pixel_size", probe.complex.pixelSize }, { "wavelength", probe.complex.wavelength } };
    Handover handover;
    auto append = [&](const void* data, std::size_t bytes) {
        const auto* first = static_cast<const std::byte*>(data);
        handover.payload.insert(handover.payload.end(), first, first + bytes);
    };
    if (probe.isComplex) {
        header["width"] = probe.complex.width;
        header["height"] = probe.complex.height;
        header["modes"] = probe.complex.modes.size();
        for (const auto& mode : probe.complex.modes)
            append(mode.data(), mode.size() * sizeof(std::complex<double>));
    } else {
        header["width"] = probe.intensity.width();
        header["height"] = probe.intensity.height();
        header["modes"] = 0;
        append(probe.intensity.data(), probe.intensity.size() * sizeof(float));
    }
    // Names and notes come from the file and need not be UTF-8.
    handover.header = header.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return handover;
}

ImportedProbe probeFromHandover(const Handover& handover, const std::filesystem::path& path)
{
    const IoError broken(path,
        "the helper that reads such files first handed back a probe that does not add up, so "
        "the file was not opened.");
    ImportedProbe probe;
    std::size_t width = 0, height = 0, modes = 0;
    try {
        const auto header = nlohmann::json::parse(handover.header);
        probe.isComplex = header.at("complex").get<bool>();
        probe.source = header.at("source").get<std::string>();
        probe.stored = header.at("stored").get<std::string>();
        probe.notes = header.at("notes").get<std::vector<std::string>>();
        probe.complex.pixelSize = header.at("pixel_size").get<double>();
        probe.complex.wavelength = header.at("wavelength").get<double>();
        width = header.at("width").get<std::size_t>();
        height = header.at("height").get<std::size_t>();
        modes = header.at("modes").get<std::size_t>();
    } catch (const nlohmann::json::exception&) {
        throw broken;
    }
    const std::size_t planes = probe.isComplex ? modes : 1;
    const std::size_t element = probe.isComplex ? sizeof(std::complex<double>) : sizeof(float);
    if (!payloadHolds(handover, element, { width, height, planes }))
        throw broken;
    if (probe.isComplex) {
        probe.complex.width = width;
        probe.complex.height = height;
        for (std::size_t m = 0; m < modes; ++m) {
            std::vector<std::complex<double>> mode(width * height);
            std::memcpy(mode.data(), handover.payload.data() + m * width * height * element,
                width * height * element);
            probe.complex.modes.push_back(std::move(mode));
        }
        probe.intensity = probe.complex.intensity();
    } else {
        probe.intensity = Image(width, height);
        std::memcpy(probe.intensity.data(), handover.payload.data(), handover.payload.size());
    }
    return probe;
}

} // namespace

ImportedProbe importProbe(const std::filesystem::path& path, const ProbeImportOptions& options)
{
    if (!(options.pixelSize >= 0) || !std::isfinite(options.pixelSize))
        throw InvalidArgument("The probe's pixel size must be a positive number of metres.");
    if (!(options.energyKeV >= 0) || !std::isfinite(options.energyKeV))
        throw InvalidArgument("The photon energy must be a positive number of keV.");
    requireNonEmptyFile(path);
    ImportedProbe probe;
    switch (sniff(path)) {
    case Kind::Npy:
        probe = fromArray(path, readNpy(path), false, path.filename().string());
        break;
    case Kind::Npz:
        probe = fromNpz(path, options);
        break;
    // HDF5 (MATLAB 7.3 is HDF5 too) crashes on some corrupt files and corrupts memory on
    // others: with a helper set, it reads the file and hands back the probe.
    case Kind::Hdf5:
    case Kind::Mat:
        if (const auto handedBack = readInHelper(path, "probe", { "--dataset", options.dataset }))
            probe = probeFromHandover(readHandover(handedBack->file(), path), path);
        else
            probe = fromHdf5OrMat(path, options);
        break;
    case Kind::Image:
        probe = fromImage(path, options);
        break;
    case Kind::Unknown:
        throw IoError(path,
            "not a probe file LatentLens reads (.npy, .npz, TIFF, PNG, JPEG, MATLAB .mat, or "
            "HDF5 such as PtyPy .ptyr).");
    }
    if (options.pixelSize > 0)
        probe.complex.pixelSize = options.pixelSize;
    if (options.energyKeV > 0)
        probe.complex.wavelength = photonWavelength(options.energyKeV);
    if (!(probe.complex.pixelSize > 0))
        probe.notes.push_back("The probe's pixel size is unknown: its kernel keeps the probe's "
                              "sampling (one probe pixel per image pixel).");
    if (probe.isComplex && !(probe.complex.wavelength > 0))
        probe.notes.push_back("The photon energy is unknown: the probe cannot be propagated to "
                              "another defocus until it is given.");
    probe.intensity.setSpacing({ probe.complex.pixelSize, probe.complex.pixelSize, 0.0 });
    return probe;
}

Image importedKernel(const ImportedProbe& probe, double defocus, const KernelOptions& options,
    std::vector<std::string>* warnings)
{
    if (!std::isfinite(defocus))
        throw InvalidArgument("The defocus must be a finite number.");
    KernelOptions centred = options;
    centred.centre = KernelOptions::Centre::Centroid;
    if (!probe.isComplex) {
        if (defocus != 0.0)
            throw InvalidArgument("An intensity PSF has no phase, so it cannot be propagated to "
                                  "another defocus. Use it at its own focus, or import the "
                                  "complex probe from the ptychographic reconstruction.");
        centred.supportFraction = 0.0; // a measured PSF is used as it is
        return intensityKernel(probe.intensity, centred);
    }
    if (defocus == 0.0)
        return probeKernel(probe.complex, centred);
    if (!(probe.complex.pixelSize > 0) || !(probe.complex.wavelength > 0))
        throw InvalidArgument("To propagate the imported probe to a defocus, give its pixel "
                              "size and photon energy; the file does not record "
            + std::string(!(probe.complex.pixelSize > 0) ? "the pixel size" : "the energy") + ".");
    return probeKernel(propagate(probe.complex, defocus, warnings), centred);
}

void handOverProbe(const std::filesystem::path& path, const std::string& dataset,
    const std::filesystem::path& into)
{
    requireNonEmptyFile(path);
    ProbeImportOptions options;
    options.dataset = dataset;
    writeHandover(into, probeHandover(fromHdf5OrMat(path, options)));
}

} // namespace latentlens::engine
