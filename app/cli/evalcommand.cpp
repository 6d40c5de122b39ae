#include "app/cli/arguments.h"
#include "app/cli/command.h"
#include "app/cli/networkoptions.h"

#include "engine/deconv/hyperlaplacian.h"
#include "engine/deconv/richardsonlucy.h"
#include "engine/deconv/wiener.h"
#include "engine/eval/evaluation.h"
#include "engine/eval/metrics.h"
#include "engine/io/imageio.h"
#include "engine/net/latentmodel.h"
#include "engine/probe/defocusfit.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iomanip>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

namespace latentlens::cli {

namespace {

const std::vector<std::string> allMethods { "latent", "simpledeform", "nodeform", "wiener", "rl",
    "hl", "paper-latent", "paper-simpledeform", "paper-nodeform" };

/// The paper's network's columns, given with --paper-model: "paper-" and a network method.
bool isPaperMethod(const std::string& method)
{
    return method.rfind("paper-", 0) == 0;
}

/// Unseen defocus values by default: the midpoints between the listed values, where the
/// slider lands between trained kernels.
std::vector<double> midpoints(std::vector<double> listed)
{
    std::sort(listed.begin(), listed.end());
    std::vector<double> out;
    for (std::size_t i = 1; i < listed.size(); ++i)
        out.push_back(0.5 * (listed[i - 1] + listed[i]));
    return out;
}

struct Sum
{
    double psnr = 0.0, ssim = 0.0;
    int count = 0;
};

std::string cell(const Sum& s)
{
    std::ostringstream o;
    o << std::fixed << std::setprecision(2) << s.psnr / s.count << " / " << std::setprecision(3)
      << s.ssim / s.count;
    return o.str();
}

std::string micrometres(double d)
{
    std::ostringstream o;
    o << std::setprecision(4) << d * 1e6;
    return o.str();
}

int runEval(const std::vector<std::string>& argv, std::ostream& out)
{
    Arguments args(argv,
        { "model", "paper-model", "data", "methods", "defocus", "unseen", "kernel", "noise-var",
            "poisson", "size", "seed", "device", "ensemble-views" },
        { "json" });
    args.expectPositionals(0, "no file arguments (use --data)");
    std::vector<std::string> methods;
    for (const auto& m : allMethods)
        if (!isPaperMethod(m) || args.value("paper-model"))
            methods.push_back(m);
    if (auto list = args.value("methods")) {
        methods = splitList(*list);
        for (const auto& m : methods)
            if (std::find(allMethods.begin(), allMethods.end(), m) == allMethods.end())
                throw UsageError("option '--methods' takes latent, simpledeform, nodeform, "
                                 "wiener, rl, hl and, with --paper-model, paper-latent, "
                                 "paper-simpledeform and paper-nodeform (got '"
                    + m + "')");
        if (methods.empty())
            throw UsageError("option '--methods' needs at least one method");
    }
    const bool needsPaper = std::any_of(methods.begin(), methods.end(), isPaperMethod);
    if (needsPaper && !args.value("paper-model"))
        throw UsageError("the paper-* methods need --paper-model FILE");
    const bool needsModel = std::any_of(methods.begin(), methods.end(), isNetworkMethod);
    std::optional<engine::LatentModel> paper;
    if (needsPaper) {
        paper = engine::LatentModel::load(*args.value("paper-model"));
        if (paper->record().architecture != engine::Architecture::Paper)
            throw UsageError("option '--paper-model' needs a model of the paper's architecture");
        paper->setDevice(computeDevice(args));
    }
    std::optional<std::filesystem::path> modelPath;
    if (auto m = args.value("model"))
        modelPath = *m;
    else
        modelPath = engine::defaultModelPath();
    if (!modelPath)
        throw UsageError("no model given and no default model found: give --model FILE");
    // The model names the probe family, hence the kernels, even for the classical methods.
    auto model = engine::LatentModel::load(*modelPath);
    if (needsModel)
        model.setDevice(computeDevice(args));
    const auto& record = model.record();
    int views = ensembleViews(args);
    if (views > 1 && record.architecture != engine::Architecture::KernelAware)
        throw UsageError("option '--ensemble-views' needs a kernel-aware model");
    if (views == 0)
        views = record.ensembleViews;

    std::vector<double> listed = record.defocus, unseen = midpoints(record.defocus);
    if (auto d = args.value("defocus")) {
        listed.clear();
        for (double um : numberList(*d, "defocus"))
            listed.push_back(um * 1e-6);
    }
    if (auto d = args.value("unseen")) {
        unseen.clear();
        if (*d != "none")
            for (double um : numberList(*d, "unseen"))
                unseen.push_back(um * 1e-6);
    }
    const double noise = args.number("noise-var").value_or(0.02);
    if (!(noise >= 0 && noise < 1))
        throw UsageError("option '--noise-var' must lie in [0, 1)");
    const double photons = args.number("poisson").value_or(0.0);
    if (!(photons >= 0))
        throw UsageError("option '--poisson' must not be negative");
    const double size = args.number("size").value_or(256);
    if (size < 16 || size != std::floor(size) || size > 1e5)
        throw UsageError("option '--size' needs a whole number >= 16");
    const double seed = args.number("seed").value_or(1);
    if (seed < 0 || seed != std::floor(seed) || seed > 1e15)
        throw UsageError("option '--seed' needs a whole number >= 0");

    std::vector<std::filesystem::path> sources;
    for (const auto& s : splitList(args.required("data")))
        sources.emplace_back(s);
    const auto files = engine::imageFiles(sources);
    if (files.empty())
        throw UsageError("option '--data' gave no PNG, JPEG or TIFF image");

    struct Case
    {
        double defocus;
        bool trained;
    };
    std::vector<Case> cases;
    for (double d : listed)
        cases.push_back({ d, true });
    for (double d : unseen)
        cases.push_back({ d, false });
    std::sort(cases.begin(), cases.end(), [](auto& a, auto& b) { return a.defocus < b.defocus; });
    std::vector<engine::Image> kernels;
    for (const auto& c : cases)
        kernels.push_back(engine::modelKernel(record, c.defocus));
    // A measured kernel instead of the probe family: one case, at the defocus of the family
    // that fits it best (the networks' theta).
    if (auto file = args.value("kernel")) {
        if (args.value("defocus") || args.value("unseen"))
            throw UsageError("option '--kernel' replaces '--defocus' and '--unseen'");
        const engine::Image measured = engine::readImage(*file);
        const double top = *std::max_element(record.defocus.begin(), record.defocus.end());
        const auto fit = engine::fitDefocus(measured, record.optics, record.kernel, 1.1 * top);
        std::cerr << "latentlens-cli eval: the kernel fits the model's probe at "
                  << fit.defocus * 1e6 << " µm (residual " << fit.residual << ")\n";
        cases = { { fit.defocus, false } };
        kernels = { measured };
    }
    const bool aware = record.architecture == engine::Architecture::KernelAware;

    std::vector<std::string> columns { "blurred" };
    columns.insert(columns.end(), methods.begin(), methods.end());
    std::map<std::pair<std::size_t, std::string>, Sum> sums; // (case, method)
    nlohmann::json rows = nlohmann::json::array();
    const auto start = std::chrono::steady_clock::now();
    std::uint64_t caseSeed = std::uint64_t(seed);
    for (std::size_t i = 0; i < files.size(); ++i) {
        const auto truth = engine::evaluationTruth(engine::readImage(files[i]), std::size_t(size));
        for (std::size_t k = 0; k < cases.size(); ++k) {
            const auto blurred
                = engine::evaluationInput(truth, kernels[k], noise, caseSeed++, photons);
            auto score = [&](const std::string& method, const engine::Image& result) {
                const double p = engine::psnr(result.values(), truth.values());
                const double s
                    = engine::ssim(result.values(), truth.values(), truth.width(), truth.height());
                auto& sum = sums[{ k, method }];
                sum.psnr += p;
                sum.ssim += s;
                ++sum.count;
                rows.push_back({ { "image", files[i].string() },
                    { "defocus_um", cases[k].defocus * 1e6 }, { "trained", cases[k].trained },
                    { "method", method }, { "psnr", p }, { "ssim", s } });
            };
            score("blurred", blurred);
            std::optional<engine::EncodedImage> encoded, encodedPaper;
            for (const auto& method : methods) {
                if (isPaperMethod(method)) {
                    if (!encodedPaper)
                        encodedPaper = paper->encode(blurred);
                    score(method,
                        paper->decode(
                            *encodedPaper, cases[k].defocus, latentMethod(method.substr(6))));
                } else if (isNetworkMethod(method)) {
                    if (!encoded) // f(B) once for the three network paths
                        encoded = model.encode(blurred);
                    // A kernel-aware model deconvolves with the case's kernel itself.
                    score(method,
                        model.decode(*encoded, cases[k].defocus, latentMethod(method), {},
                            aware ? kernels[k] : engine::Image(), views));
                } else if (method == "wiener") {
                    score(method, engine::Wiener().run(blurred, kernels[k]));
                } else if (method == "rl") {
                    score(method, engine::RichardsonLucy().run(blurred, kernels[k]));
                } else {
                    score(method, engine::HyperLaplacian().run(blurred, kernels[k]));
                }
            }
        }
        const double elapsed
            = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::cerr << "latentlens-cli eval: image " << (i + 1) << "/" << files.size() << " ("
                  << files[i].filename().string() << "), " << int(elapsed) << " s\n";
    }

    if (args.flag("json")) {
        nlohmann::json summary = nlohmann::json::array();
        for (std::size_t k = 0; k < cases.size(); ++k)
            for (const auto& m : columns) {
                const auto& s = sums[{ k, m }];
                summary.push_back({ { "defocus_um", cases[k].defocus * 1e6 },
                    { "trained", cases[k].trained }, { "method", m }, { "psnr", s.psnr / s.count },
                    { "ssim", s.ssim / s.count } });
            }
        out << nlohmann::json { { "model", modelPath->string() }, { "device", model.deviceName() },
            { "ensemble_views", views }, { "noise_variance", noise },
            { "poisson_photons", photons }, { "images", files.size() }, { "size", size },
            { "summary", summary }, { "cases", rows } }
                   .dump(2)
            << "\n";
        return 0;
    }
    // A Markdown table: mean PSNR (dB) / SSIM per kernel and method.
    auto tableHeader = [&](const std::vector<std::string>& names) {
        out << "| defocus (µm) |";
        for (const auto& m : names)
            out << " " << m << " |";
        out << "\n| --- |";
        for (std::size_t c = 0; c < names.size(); ++c)
            out << " --- |";
        out << "\n";
    };
    out << "Mean PSNR (dB) / SSIM over " << files.size() << " images, noise variance " << noise;
    if (photons > 0)
        out << " plus Poisson noise at " << photons << " photons per unit intensity";
    out << ", model " << modelPath->filename().string();
    if (views > 1)
        out << " (" << views << " ensemble views)";
    if (paper)
        out << ", paper's model "
            << std::filesystem::path(*args.value("paper-model")).filename().string();
    out << "\n\n";
    tableHeader(columns);
    auto printRow = [&](const std::string& label, const std::vector<std::size_t>& which) {
        out << "| " << label << " |";
        for (const auto& m : columns) {
            Sum total;
            for (std::size_t k : which) {
                const auto& s = sums[{ k, m }];
                total.psnr += s.psnr / s.count;
                total.ssim += s.ssim / s.count;
                ++total.count;
            }
            out << " " << cell(total) << " |";
        }
        out << "\n";
    };
    std::vector<std::size_t> trained, untrained;
    for (std::size_t k = 0; k < cases.size(); ++k) {
        printRow(args.value("kernel")
                ? "measured kernel (theta " + micrometres(cases[k].defocus) + ")"
                : micrometres(cases[k].defocus) + (cases[k].trained ? "" : " (unseen)"),
            { k });
        (cases[k].trained ? trained : untrained).push_back(k);
    }
    if (trained.size() > 1)
        printRow("mean, listed", trained);
    if (untrained.size() > 1)
        printRow("mean, unseen", untrained);
    // The slider's check: PSNR at an unseen defocus against the mean of its trained
    // neighbours (the goal: within 0.5 dB).
    bool header = false;
    for (std::size_t k : untrained) {
        std::optional<std::size_t> below, above;
        for (std::size_t j : trained) {
            if (cases[j].defocus < cases[k].defocus)
                below = j;
            if (cases[j].defocus > cases[k].defocus && !above)
                above = j;
        }
        if (!below || !above)
            continue;
        if (!header) {
            out << "\nPSNR at each unseen defocus minus the mean PSNR of its trained neighbours "
                   "(dB):\n\n";
            tableHeader(methods);
            header = true;
        }
        out << "| " << micrometres(cases[k].defocus) << " (" << micrometres(cases[*below].defocus)
            << ", " << micrometres(cases[*above].defocus) << ") |";
        for (const auto& m : methods) {
            auto mean = [&](std::size_t j) { return sums[{ j, m }].psnr / sums[{ j, m }].count; };
            out << " " << std::showpos << std::fixed << std::setprecision(2)
                << mean(k) - 0.5 * (mean(*below) + mean(*above)) << std::noshowpos << " |";
        }
        out << "\n";
    }
    return 0;
}

} // namespace

Command evalCommand()
{
    return { "eval", "compare the network and the classical methods on test images",
        "usage: latentlens-cli eval [--model M] --data LIST [options]\n\n"
        "Evaluation protocol of DESIGN.md section 6: every image (first channel, centre crop)\n"
        "is blurred by the model's probe family at each defocus value with reflective\n"
        "borders, Gaussian noise is added (seeded per case), and each method deblurs it with\n"
        "its automatic defaults. Prints mean PSNR (dB, data range 1) / SSIM per kernel and\n"
        "method as a Markdown table. Use images that were never used for training.\n\n"
        "options:\n"
        "  --model FILE        the model (default: the shipped default model)\n"
        "  --paper-model FILE  also a model of the paper's architecture, reported as the\n"
        "                      columns paper-latent, paper-simpledeform, paper-nodeform\n"
        "  --data LIST         folders of test images and image files, separated by commas\n"
        "  --methods LIST      any of latent,simpledeform,nodeform,wiener,rl,hl and the\n"
        "                      paper-* columns (default all)\n"
        "  --defocus LIST      trained defocus values in µm (default: the model's list)\n"
        "  --unseen LIST       defocus values between them, or 'none' (default: midpoints)\n"
        "  --kernel FILE       one measured kernel instead of the probe family (the networks\n"
        "                      get the family's best-fitting defocus as theta)\n"
        "  --noise-var V       Gaussian noise variance (default 0.02, the paper's)\n"
        "  --poisson PHOTONS   Poisson-Gaussian noise: Poisson at PHOTONS per unit\n"
        "                      intensity plus the Gaussian of --noise-var\n"
        "  --size N            centre crop N x N (default 256, the paper's)\n"
        "  --seed S            noise seed of the first case (default 1)\n"
        "  --json              every case and the means as JSON\n"
            + std::string(ensembleViewsHelp) + deviceHelp,
        runEval };
}

} // namespace latentlens::cli
