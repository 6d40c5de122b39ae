#include "app/cli/imageoutput.h"

namespace latentlens::cli {

std::set<std::string> outputOptionNames()
{
    return { "format" };
}

std::string outputOptionsHelp()
{
    return "  --format F          imagej (an ImageJ hyperstack, the default) or ome-tiff\n"
           "                      (OME-XML; the default for OUT named *.ome.tif)\n";
}

engine::TiffWriteOptions tiffWriteOptions(const Arguments& args, const std::string& output)
{
    using Format = engine::TiffWriteOptions::Format;
    engine::TiffWriteOptions options;
    options.format = engine::isOmeTiffName(output) ? Format::OmeTiff : Format::ImageJHyperstack;
    if (auto format = args.value("format")) {
        if (*format == "imagej")
            options.format = Format::ImageJHyperstack;
        else if (*format == "ome-tiff")
            options.format = Format::OmeTiff;
        else
            throw UsageError("option '--format' is 'imagej' or 'ome-tiff' (got '" + *format + "')");
    }
    if (args.flag("uint16"))
        options.sampleType = engine::TiffWriteOptions::SampleType::UInt16;
    return options;
}

} // namespace latentlens::cli
