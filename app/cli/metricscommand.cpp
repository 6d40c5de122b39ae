#include "app/cli/arguments.h"
#include "app/cli/command.h"
#include "app/cli/imageinput.h"

#include "engine/eval/metrics.h"
#include "engine/io/imageio.h"

#include <cmath>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

namespace latentlens::cli {

namespace {

nlohmann::json finiteOrNull(double v)
{
    return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
}

int runMetrics(const std::vector<std::string>& argv, std::ostream& out)
{
    Arguments args(argv, { "reference", "data-range", "analysis" }, { "json" });
    args.expectPositionals(1, "the image to score");
    const std::string reference = args.required("reference");
    const double range = args.number("data-range").value_or(1.0);
    if (!(range > 0))
        throw UsageError("option '--data-range' must be positive");

    // --analysis picks the maps under test; the reference is read as it is.
    std::vector<std::string> warnings;
    const engine::Image test = readInputImage(args, args.positionals()[0], warnings);
    const engine::Image truth = engine::readImage(reference);
    for (const auto& w : warnings)
        std::cerr << "latentlens-cli metrics: warning: " << w << "\n";
    const auto planes = engine::compareImages(test, truth, range);

    double meanPsnr = 0.0, meanSsim = 0.0;
    for (const auto& p : planes) {
        meanPsnr += p.psnr;
        meanSsim += p.ssim;
    }
    meanPsnr /= double(planes.size());
    meanSsim /= double(planes.size());

    if (args.flag("json")) {
        nlohmann::json result;
        result["image"] = args.positionals()[0];
        result["reference"] = reference;
        result["data_range"] = range;
        result["psnr"] = finiteOrNull(meanPsnr);
        result["ssim"] = meanSsim;
        result["identical"] = std::isinf(meanPsnr) && meanPsnr > 0;
        nlohmann::json list = nlohmann::json::array();
        for (const auto& p : planes)
            list.push_back({ { "psnr", finiteOrNull(p.psnr) }, { "ssim", p.ssim } });
        result["planes"] = list;
        out << result.dump(2) << "\n";
        return 0;
    }
    out << std::fixed;
    if (planes.size() > 1)
        for (std::size_t i = 0; i < planes.size(); ++i)
            out << "plane " << i + 1 << "  PSNR " << std::setprecision(4) << planes[i].psnr
                << " dB  SSIM " << std::setprecision(6) << planes[i].ssim << "\n";
    out << "PSNR " << std::setprecision(4) << meanPsnr << " dB\n"
        << "SSIM " << std::setprecision(6) << meanSsim << "\n";
    return 0;
}

} // namespace

Command metricsCommand()
{
    return { "metrics", "PSNR and SSIM of an image against a reference",
        "usage: latentlens-cli metrics --reference GT [--data-range R] [--json] IMAGE\n"
        "\n"
        "Prints the PSNR (dB) and SSIM of IMAGE against the ground truth GT, plane by\n"
        "plane for stacks, with their means. Both files are read as LatentLens reads\n"
        "every image: integers divided by their type's maximum, so the data range is 1.\n"
        "SSIM is scikit-image's structural_similarity with gaussian_weights=True,\n"
        "sigma=1.5, use_sample_covariance=False.\n"
        "\n"
        "  --reference GT    ground-truth image (TIFF, PNG or JPEG) of the same shape\n"
        "  --data-range R    the range of the values (default 1)\n"
        "  --analysis NAME   the analysis of IMAGE when it is an XRF-Maps file\n"
        "  --json            print a JSON object instead of text\n",
        runMetrics };
}

} // namespace latentlens::cli
