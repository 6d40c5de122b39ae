// Writes the seed corpora of the fuzz targets (tools/fuzz_seeds.sh): small, valid files of
// every layout each reader knows, made by the engine's own writers (TIFF, model files) and by
// the tests' independent writers (raw TIFF, NumPy, HDF5, MAT-files). PNG and JPEG seeds come
// from Pillow in the script, as tst_rasterio makes its files.
//
// Usage: latentlens-fuzz-seeds FOLDER   (writes FOLDER/<target>/*)

#include "engine/core/exception.h"
#include "engine/core/image.h"
#include "engine/io/omexml.h"
#include "engine/io/tiffio.h"
#include "engine/net/latentmodel.h"
#include "tests/engine/support/matwriter.h"
#include "tests/engine/support/rawtiffwriter.h"
#include "tests/engine/support/testwriters.h"

#include <complex>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

using namespace latentlens;
namespace fs = std::filesystem;

namespace {

engine::Image pattern(std::size_t w, std::size_t h, std::size_t depth = 1, std::size_t channels = 1)
{
    engine::Image image(w, h, depth, channels);
    for (std::size_t p = 0; p < image.planeCount(); ++p)
        for (std::size_t y = 0; y < h; ++y)
            for (std::size_t x = 0; x < w; ++x)
                image.at(x, y, p) = float((x * 7 + y * 13 + p * 29) % 64) / 64.0f;
    image.setSpacing({ 0.1e-6, 0.1e-6, 0.5e-6 });
    return image;
}

void writeTiffSeeds(const fs::path& dir)
{
    engine::writeTiff(pattern(8, 6), dir / "plane.tif");
    engine::writeTiff(pattern(6, 5, 3), dir / "stack_imagej.tif");
    auto channels = pattern(5, 4, 2, 2);
    channels.setChannelNames({ "Fe_K", "Zn_K" });
    channels.setProvenance(R"({"made_by":"fuzz seeds"})");
    engine::TiffWriteOptions ome;
    ome.format = engine::TiffWriteOptions::Format::OmeTiff;
    engine::writeTiff(channels, dir / "channels.ome.tif", ome);
    engine::TiffWriteOptions u16;
    u16.sampleType = engine::TiffWriteOptions::SampleType::UInt16;
    engine::writeTiff(pattern(7, 3, 2), dir / "uint16.tif", u16);
    engine::writeTiff(pattern(6, 5, 3), dir / "cut_short.tif");
    testwriters::declareSixOfThreePlanes((dir / "cut_short.tif").string());

    // Files "from another program": big-endian, signed, with a description of its own.
    testing::RawTiffOptions raw;
    raw.bigEndian = true;
    raw.description = "ImageJ=1.54f\nimages=2\nslices=2\nunit=micron\nspacing=0.5\n";
    raw.xResolution[0] = 10;
    raw.resolutionUnit = 3;
    const std::vector<std::int16_t> values { -3, 2, 400, -32768, 5, 6 };
    testing::writeRawTiff((dir / "int16_be.tif").string(),
        { testing::makePage<std::int16_t>(3, 2, values, 2),
            testing::makePage<std::int16_t>(3, 2, values, 2) },
        raw);
}

void writeNumpySeeds(const fs::path& npyDir, const fs::path& npzDir)
{
    using testwriters::npy;
    using testwriters::raw;
    const auto f8 = npy("<f8", { 2, 3 }, raw(std::vector<double> { 1, 2, 3, 4, 5, 6 }));
    const auto c8 = npy("<c8", { 2, 2 },
        raw(std::vector<std::complex<float>> { { 1, 2 }, { 3, 4 }, { 5, 6 }, { 7, 8 } }));
    const auto u2 = npy(">u2", { 2, 2, 2 }, raw(std::vector<std::uint16_t>(8, 0x0102)), true);
    const auto i1 = npy("|i1", { 4 }, raw(std::vector<std::int8_t> { -1, 0, 1, 2 }), false, 2);
    testwriters::writeFile((npyDir / "f8.npy").string(), f8);
    testwriters::writeFile((npyDir / "c8.npy").string(), c8);
    testwriters::writeFile((npyDir / "u2_fortran_be.npy").string(), u2);
    testwriters::writeFile((npyDir / "i1_v2.npy").string(), i1);
    testwriters::writeNpz(
        (npzDir / "stored.npz").string(), { { "probe", c8 }, { "x", f8 } }, false);
    testwriters::writeNpz((npzDir / "deflated.npz").string(), { { "a.npy", u2 } }, true);
}

void writeHdf5Seeds(const fs::path& hdf5Dir, const fs::path& xrfDir)
{
    {
        testwriters::Hdf5Out out((hdf5Dir / "ptypy.ptyr").string());
        out.complexes("/content/probe/S00G00/data", { 1, 3, 3 },
            std::vector<std::complex<double>>(9, { 1.0, -0.5 }));
        out.doubles("/content/probe/S00G00/_psize", { 2 }, { 5e-8, 5e-8 });
        out.floats("/content/obj/S00G00/data", { 2, 2 }, { 1, 2, 3, 4 });
        out.strings("/content/pars/engine", { "DM" }, false);
    }
    {
        testwriters::Hdf5Out out((hdf5Dir / "matlab73.mat").string(), 512);
        out.complexes(
            "/probe", { 2, 2 }, std::vector<std::complex<double>>(4, { 0.5, 0.5 }), "real", "imag");
    }
    {
        testwriters::Hdf5Out out((xrfDir / "pyxrf.h5").string());
        out.doubles("/xrfmap/detsum/xrf_fit", { 2, 3, 4 }, std::vector<double>(24, 1.5));
        out.strings("/xrfmap/detsum/xrf_fit_name", { "Fe_K", "Zn_K" }, true);
        std::vector<double> pos;
        for (int axis = 0; axis < 2; ++axis)
            for (int y = 0; y < 3; ++y)
                for (int x = 0; x < 4; ++x)
                    pos.push_back(0.001 * (axis == 0 ? x : y));
        out.doubles("/xrfmap/positions/pos", { 2, 3, 4 }, pos);
    }
    {
        testwriters::Hdf5Out out((xrfDir / "xrfmaps.h5").string());
        for (const std::string analysis : { "Fitted", "ROI" }) {
            const std::string group = "/MAPS/XRF_Analyzed/" + analysis;
            out.doubles(group + "/Counts_Per_Sec", { 2, 3, 4 }, std::vector<double>(24, 2.0));
            out.strings(group + "/Channel_Names", { "Ca_K", "K_K" }, false);
        }
        out.doubles("/MAPS/Scan/x_axis", { 4 }, { 0, 0.5, 1, 1.5 });
        out.doubles("/MAPS/Scan/y_axis", { 3 }, { 0, 0.5, 1 });
    }
}

void writeMatSeeds(const fs::path& dir)
{
    const std::vector<std::complex<double>> probe { { 1, 0 }, { 0, 1 }, { -1, 0 }, { 0, -1 },
        { 0.5, 0.5 }, { 2, 0 } };
    {
        testwriters::MatOut out((dir / "v4.mat").string(), "4");
        out.doubles("dx", { 1, 1 }, { 5e-8 });
        out.complexes("probe", { 2, 3 }, probe);
    }
    {
        testwriters::MatOut out((dir / "v5.mat").string(), "5");
        out.doubles("dx", { 1, 1 }, { 5e-8 });
        out.complexes("probe", { 2, 3 }, probe, true);
        out.structWithComplexField("p", "probes", { 3, 2 }, probe);
    }
    {
        testwriters::MatOut out((dir / "v5_compressed.mat").string(), "5", true);
        out.complexes("probe", { 3, 2 }, probe);
        out.structWithComplexField("p", "probes", { 2, 3 }, probe);
    }
    {
        testwriters::MatOut out((dir / "v73.mat").string(), "7.3");
        out.complexes("probe", { 2, 3 }, probe);
    }
}

void writeOmeSeeds(const fs::path& dir)
{
    engine::OmeXml ome;
    ome.sizeX = 5;
    ome.sizeY = 4;
    ome.sizeZ = 2;
    ome.sizeC = 2;
    ome.pageOrder = "CZT";
    ome.pixelType = "float";
    ome.physicalSizeX = ome.physicalSizeY = 1e-7;
    ome.physicalSizeZ = 5e-7;
    ome.channelNames = { "Fe <K>", "Zn & K" };
    ome.imageName = "seed";
    ome.keyValues = { { "intensity_scale", "1" } };
    ome.provenance = R"({"made_by":"fuzz seeds"})";
    std::ofstream(dir / "latentlens.xml") << engine::formatOmeXml(ome, "LatentLens fuzz seeds");
    // A Bio-Formats style document: another namespace prefix, a TiffData per plane, µm units.
    std::ofstream(dir / "bioformats.xml")
        << R"(<?xml version="1.0" encoding="UTF-8"?>)"
           R"(<ome:OME xmlns:ome="http://www.openmicroscopy.org/Schemas/OME/2016-06">)"
           R"(<ome:Image ID="Image:0" Name="b"><ome:Pixels ID="Pixels:0" DimensionOrder="XYZCT" )"
           R"(Type="uint16" SizeX="3" SizeY="2" SizeZ="2" SizeC="1" SizeT="1" )"
           R"(PhysicalSizeX="0.2" PhysicalSizeXUnit="&#181;m" PhysicalSizeY="200" )"
           R"(PhysicalSizeYUnit="nm"><ome:Channel ID="Channel:0:0" Name="DAPI"/>)"
           R"(<ome:TiffData IFD="0" PlaneCount="2"/></ome:Pixels></ome:Image></ome:OME>)";
}

void writeModelSeeds(const fs::path& modelDir, const fs::path& recordDir)
{
    // The smallest networks of both architectures, so that mutations reach the record and the
    // tensors rather than drown in weights.
    for (const auto architecture :
        { engine::Architecture::Paper, engine::Architecture::KernelAware }) {
        auto record = engine::ModelRecord::small(architecture);
        record.width = 4;
        record.latentChannels = 4;
        record.banks = 1;
        record.mlpHidden = 2;
        const std::string name
            = architecture == engine::Architecture::Paper ? "paper" : "kernel_aware";
        engine::LatentModel(record, 1).save(modelDir / (name + ".llm"));
        std::ofstream(recordDir / (name + ".json")) << record.toJson();
    }
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::cerr << "usage: latentlens-fuzz-seeds FOLDER\n";
        return 2;
    }
    const fs::path root = argv[1];
    const auto dir = [&](const char* target) {
        fs::create_directories(root / target);
        return root / target;
    };
    try {
        writeTiffSeeds(dir("tiff"));
        writeNumpySeeds(dir("npy"), dir("npz"));
        writeHdf5Seeds(dir("hdf5"), dir("xrf"));
        writeMatSeeds(dir("mat"));
        writeOmeSeeds(dir("omexml"));
        writeModelSeeds(dir("model"), dir("modelrecord"));
    } catch (const std::exception& e) {
        std::cerr << "latentlens-fuzz-seeds: " << e.what() << "\n";
        return 1;
    }
    std::cout << "seeds written under " << root.string() << "\n";
    return 0;
}
