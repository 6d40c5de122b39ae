#include "app/cli/arguments.h"
#include "app/cli/command.h"
#include "app/cli/imageinput.h"
#include "app/cli/imageoutput.h"
#include "app/cli/networkoptions.h"
#include "app/cli/networkplugin.h"
#include "app/cli/probeoptions.h"

#include "engine/core/exception.h"
#include "engine/core/provenance.h"
#include "engine/deconv/hyperlaplacian.h"
#include "engine/deconv/richardsonlucy.h"
#include "engine/deconv/wiener.h"
#include "engine/eval/evaluation.h"
#include "engine/io/imageio.h"
#include "engine/probe/defocusfit.h"
#include "engine/probe/sampling.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <glob.h>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>

namespace latentlens::cli {

namespace {

std::string text(double v)
{
    std::ostringstream s;
    s.precision(6);
    s << v;
    return s.str();
}

// Everything about a call that does not depend on the input file, checked and prepared
// once: a batch refuses a bad call before it touches any file and loads the model once.
struct DeblurPlan
{
    std::string method;
    bool network = false;
    std::string modelFile;
    std::unique_ptr<NetworkDeblurrer> model; // loaded with LibTorch, only for a network
    int views = 0; // --ensemble-views; 0: the model's
    bool fromFile = false;
    engine::Image kernelFile; // --kernel, read once
    // Network methods given a kernel: the defocus it fits and whether the model uses it.
    double defocus = 0.0;
    bool aware = false;
    std::vector<std::string> warnings; // about the call, not a file
    engine::WienerOptions wiener;
    engine::RichardsonLucyOptions rl;
    engine::HyperLaplacianOptions hl;
    engine::TiffWriteOptions write;
    // Simulated kernels by the image's pixel size, with their warnings.
    std::map<double, std::pair<engine::Image, std::vector<std::string>>> kernels;
};

// What deblurring one file made.
struct DeblurSummary
{
    std::string parameterName;
    engine::DeconvolutionReport report;
    double seconds = 0.0;
    double imagePixel = 0.0, kernelPixel = 0.0;
    std::vector<std::string> warnings;
    std::size_t clippedPixels = 0;
};

const std::set<std::string>& valueOptionNames()
{
    static const std::set<std::string> names = [] {
        auto n = probeOptionNames();
        n.insert({ "method", "kernel", "nsr", "iterations", "max-iterations", "tv", "alpha",
            "lambda", "background", "preset", "model", "device", "analysis", "output",
            "ensemble-views" });
        n.merge(outputOptionNames());
        return n;
    }();
    return names;
}

DeblurPlan makePlan(const Arguments& args)
{
    DeblurPlan plan;
    plan.method = args.required("method");
    const std::string& method = plan.method;
    plan.network = isNetworkMethod(method);
    if (!plan.network && method != "wiener" && method != "rl" && method != "hl")
        throw UsageError("option '--method' is wiener, rl, hl, latent, nodeform or simpledeform "
                         "(got '"
            + method + "')");
    const auto device = computeDevice(args);
    if (plan.network) {
        if (auto m = args.value("model"))
            plan.modelFile = *m;
        else if (auto shipped = networkPlugin().defaultModelPath())
            plan.modelFile = shipped->string();
        else
            throw UsageError("method '" + method
                + "' needs a trained model and the default model was not found (it belongs in "
                  "share/latentlens/models/default.llm): give --model FILE");
    }
    plan.fromFile = args.value("kernel").has_value();
    if (plan.fromFile == args.value("defocus").has_value())
        throw UsageError("give either --kernel FILE or --defocus D");
    auto allowedFor = [&](const std::string& option, const std::string& owner) {
        if (args.value(option) && method != owner)
            throw UsageError("option '--" + option + "' belongs to --method " + owner);
    };
    allowedFor("nsr", "wiener");
    for (const char* o : { "iterations", "max-iterations", "tv", "background" })
        allowedFor(o, "rl");
    for (const char* o : { "alpha", "lambda", "preset" })
        allowedFor(o, "hl");
    if (args.flag("no-accelerate") && method != "rl")
        throw UsageError("option '--no-accelerate' belongs to --method rl");
    if ((args.value("model") || args.value("device") || args.value("ensemble-views"))
        && !plan.network)
        throw UsageError("options '--model', '--device' and '--ensemble-views' belong to the "
                         "network methods, not "
            + method);
    plan.views = ensembleViews(args);

    auto nonNegative = [&](const char* name) -> std::optional<double> {
        auto v = args.number(name);
        if (v && *v < 0)
            throw UsageError(std::string("option '--") + name + "' must not be negative");
        return v;
    };
    auto wholeCount = [&](const char* name) -> std::optional<int> {
        auto v = args.number(name);
        if (v && (*v < 1 || *v > 100000 || *v != std::floor(*v)))
            throw UsageError(std::string("option '--") + name + "' needs a whole number >= 1");
        return v ? std::optional<int>(int(*v)) : std::nullopt;
    };
    if (method == "wiener") {
        plan.wiener.nsr = nonNegative("nsr").value_or(-1.0);
        plan.wiener.taperedBoundary = !args.flag("periodic");
    } else if (method == "rl") {
        auto& o = plan.rl;
        o.iterations = wholeCount("iterations").value_or(0);
        o.maxIterations = wholeCount("max-iterations").value_or(o.maxIterations);
        o.tv = nonNegative("tv").value_or(-1.0);
        o.background = nonNegative("background").value_or(-1.0);
        o.accelerate = !args.flag("no-accelerate");
        o.borderAware = !args.flag("periodic");
    } else if (method == "hl") {
        auto& o = plan.hl;
        if (auto preset = args.value("preset")) {
            if (*preset != "paper")
                throw UsageError("option '--preset' knows only 'paper' (alpha 2/3, lambda 2000)");
            o = engine::HyperLaplacianOptions::paper();
        }
        if (auto a = args.number("alpha")) {
            if (!(*a > 0 && *a <= 2))
                throw UsageError("option '--alpha' must lie in (0, 2]");
            o.alpha = *a;
        }
        if (auto l = args.number("lambda")) {
            if (!(*l > 0))
                throw UsageError("option '--lambda' must be positive");
            o.lambda = *l;
        }
        o.taperedBoundary = !args.flag("periodic");
    }
    // --format and --uint16, checked once; an output named *.ome.tif is OME-TIFF anyway.
    plan.write = tiffWriteOptions(args, std::string());
    if (!plan.network && !plan.fromFile)
        opticsFromArguments(args); // a bad optics option is refused before any file is read

    if (plan.fromFile)
        plan.kernelFile = engine::readImage(*args.value("kernel"));
    if (plan.network) {
        plan.model = networkPlugin().load(plan.modelFile, device);
        plan.aware = plan.model->record().architecture == engine::Architecture::KernelAware;
        if (plan.fromFile) {
            // Given only a kernel: the defocus of the model's probe family that fits it best
            // is theta; a kernel-aware model also deconvolves with the kernel itself.
            const auto& r = plan.model->record();
            const double top = *std::max_element(r.defocus.begin(), r.defocus.end());
            const auto fit = engine::fitDefocus(plan.kernelFile, r.optics, r.kernel, 1.1 * top);
            plan.defocus = fit.defocus;
            plan.warnings.push_back("the kernel fits the model's probe at "
                + text(plan.defocus * 1e6) + " µm (residual " + text(fit.residual) + "); "
                + (plan.aware ? "the network deconvolves with the kernel given and uses that "
                                "defocus as theta"
                              : "deblurring at that defocus"));
            if (fit.residual > 0.3 && !plan.aware)
                plan.warnings.push_back("the kernel does not resemble the model's probe family; "
                                        "the result may be poor");
        } else {
            plan.defocus = *args.number("defocus") * 1e-6;
        }
    }
    return plan;
}

// Deblurs `input` into `output` (written atomically) as the plan says.
DeblurSummary deblurFile(
    const Arguments& args, DeblurPlan& plan, const std::string& input, const std::string& output)
{
    DeblurSummary summary;
    std::vector<std::string>& warnings = summary.warnings;
    const std::string& method = plan.method;
    // The simulated kernel is sampled at the image's own pixel size (the file's, unless
    // --image-pixel-size overrides it); never silently at the probe's.
    const engine::Image image = readInputImage(args, input, warnings);
    const double filePixel = image.spacing().x;
    engine::Image kernel;
    if (!plan.network && plan.fromFile) {
        kernel = plan.kernelFile;
    } else if (!plan.network) {
        auto cached = plan.kernels.find(filePixel);
        if (cached == plan.kernels.end()) {
            std::vector<std::string> kernelWarnings;
            auto k = simulatedKernel(args, kernelWarnings, filePixel);
            cached = plan.kernels.emplace(filePixel, std::make_pair(std::move(k), kernelWarnings))
                         .first;
        }
        kernel = cached->second.first;
        warnings.insert(warnings.end(), cached->second.second.begin(), cached->second.second.end());
    }
    if (!plan.network && !plan.fromFile) {
        const double given = args.number("image-pixel-size").value_or(0.0);
        if (given > 0 && filePixel > 0 && std::abs(given - filePixel) > 0.01 * filePixel)
            warnings.push_back("the file gives " + text(filePixel * 1e9)
                + " nm pixels; --image-pixel-size " + text(given * 1e9) + " nm is used");
        const double imagePixel = given > 0 ? given : filePixel;
        for (const auto& w : engine::samplingWarnings(engine::checkSampling(kernel,
                 opticsFromArguments(args).pixelSize, imagePixel, image.width(), image.height())))
            warnings.push_back(w);
    } else if (!plan.network) {
        // A kernel file is used pixel for pixel.
        const double kernelPixel = kernel.spacing().x;
        if (kernelPixel > 0 && filePixel > 0
            && std::abs(kernelPixel - filePixel) > 0.05 * filePixel)
            warnings.push_back("the kernel file's pixels are " + text(kernelPixel * 1e9)
                + " nm but the image's are " + text(filePixel * 1e9)
                + " nm; the kernel is used pixel for pixel, so resample it to the image's "
                  "sampling first");
        for (const auto& w : engine::samplingWarnings(
                 engine::checkSampling(kernel, 0.0, 0.0, image.width(), image.height())))
            warnings.push_back(w);
    }

    engine::Progress progress;
    if (args.flag("progress"))
        progress.onIteration = [](const engine::IterationInfo& i) {
            std::cerr << "plane " << i.plane + 1 << "/" << i.planes << ", iteration " << i.iteration
                      << "/" << i.iterations << ": " << i.value << "\n";
        };
    engine::Provenance provenance { "deblur", { input }, { { "method", method } },
        image.provenance() };
    if (plan.fromFile)
        provenance.inputs.push_back(*args.value("kernel"));
    for (const auto& name : valueOptionNames())
        if (auto v = args.value(name);
            v && name != "kernel" && name != "method" && name != "output" && name != "format")
            provenance.parameters.emplace_back(name, *v);

    const auto start = std::chrono::steady_clock::now();
    engine::Image result;
    engine::DeconvolutionReport& report = summary.report;
    if (plan.network) {
        result = plan.model->deblur(image, plan.defocus, latentMethod(method), progress,
            plan.aware && plan.fromFile ? plan.kernelFile : engine::Image(), plan.views);
        provenance.inputs.push_back(plan.modelFile);
        report.parameter.assign(image.planeCount(), plan.defocus * 1e6);
        // The network estimates nothing itself; report the same robust estimate the
        // classical methods use, so that every method's output says how noisy the input was.
        report.noiseSigma.clear();
        for (std::size_t p = 0; p < image.planeCount(); ++p)
            report.noiseSigma.push_back(
                engine::estimateNoiseSigma(image.plane(p).data(), image.width(), image.height()));
        summary.parameterName = "defocus_um";
    } else if (method == "wiener") {
        engine::Wiener wiener(plan.wiener);
        result = wiener.run(image, kernel, progress);
        report = wiener.report();
        summary.parameterName = "nsr";
    } else if (method == "rl") {
        engine::RichardsonLucy rl(plan.rl);
        result = rl.run(image, kernel, progress);
        report = rl.report();
        summary.parameterName = "iterations";
    } else {
        engine::HyperLaplacian hl(plan.hl);
        result = hl.run(image, kernel, progress);
        report = hl.report();
        summary.parameterName = "lambda";
    }
    summary.seconds
        = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    nlohmann::json chosen = report.parameter, sigma = report.noiseSigma;
    provenance.parameters.emplace_back("chosen_" + summary.parameterName, chosen.dump());
    provenance.parameters.emplace_back("noise_sigma", sigma.dump());
    result.setProvenance(provenance.toJson());
    summary.clippedPixels
        = engine::writeImage(result, output, tiffWriteOptions(args, output)).clippedPixels;
    summary.imagePixel = image.spacing().x;
    summary.kernelPixel = kernel.empty() ? 0.0 : kernel.spacing().x;
    warnings.insert(warnings.end(), plan.warnings.begin(), plan.warnings.end());
    return summary;
}

nlohmann::json summaryJson(
    const DeblurSummary& s, const std::string& output, const std::string& method)
{
    return { { "output", output }, { "method", method }, { s.parameterName, s.report.parameter },
        { "noise_sigma", s.report.noiseSigma }, { "seconds", s.seconds },
        { "image_pixel_size_m", s.imagePixel }, { "kernel_pixel_size_m", s.kernelPixel },
        { "warnings", s.warnings } };
}

// The two-positional form, IN OUT.
int runSingle(const Arguments& args, std::ostream& out)
{
    if (args.flag("overwrite"))
        throw UsageError("option '--overwrite' belongs to the form with '-o FOLDER'");
    const std::string input = args.positionals()[0], output = args.positionals()[1];
    DeblurPlan plan = makePlan(args);
    const auto s = deblurFile(args, plan, input, output);
    for (const auto& w : s.warnings)
        std::cerr << "latentlens-cli deblur: warning: " << w << "\n";
    if (s.clippedPixels > 0)
        std::cerr << "latentlens-cli deblur: warning: " << s.clippedPixels
                  << " values outside [0, 1] were clipped for 16-bit output\n";
    if (args.flag("json")) {
        out << summaryJson(s, output, plan.method).dump(2) << "\n";
    } else {
        const auto& report = s.report;
        out << "wrote " << output << " (" << plan.method << ", " << s.parameterName << " "
            << text(report.parameter.empty() ? 0.0 : report.parameter.front())
            << (report.parameter.size() > 1 ? " for the first plane" : "") << ", estimated noise "
            << text(report.noiseSigma.empty() ? 0.0 : report.noiseSigma.front()) << ", "
            << text(s.seconds) << " s)\n";
    }
    return 0;
}

bool isGlobPattern(const std::string& s)
{
    return s.find_first_of("*?[") != std::string::npos;
}

// The image files in `folder`: those engine::imageFiles picks, and HDF5 maps.
std::vector<std::filesystem::path> folderInputs(const std::filesystem::path& folder)
{
    namespace fs = std::filesystem;
    auto files = engine::imageFiles({ folder });
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(folder, error)) {
        std::string ext = entry.path().extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(),
            [](unsigned char c) { return char(std::tolower(c)); });
        if (entry.is_regular_file() && (ext == ".h5" || ext == ".hdf5"))
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    if (files.empty())
        throw engine::IoError(folder, "the folder holds no image files (TIFF, PNG, JPEG, HDF5).");
    return files;
}

// Files, folders and patterns the shell did not expand (quoted), in the order given. A named
// file is kept even if it is missing: it then fails alone, in its turn.
std::vector<std::filesystem::path> expandInputs(const std::vector<std::string>& sources)
{
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    auto add = [&](const fs::path& source) {
        std::error_code error;
        if (fs::is_directory(source, error)) {
            const auto inFolder = folderInputs(source);
            files.insert(files.end(), inFolder.begin(), inFolder.end());
        } else {
            files.push_back(source);
        }
    };
    for (const auto& source : sources) {
        std::error_code error;
        if (fs::exists(source, error) || !isGlobPattern(source)) {
            add(source);
            continue;
        }
        glob_t found {};
        const int status = glob(source.c_str(), 0, nullptr, &found);
        std::vector<fs::path> matches(found.gl_pathv, found.gl_pathv + found.gl_pathc);
        globfree(&found);
        if (status == GLOB_NOMATCH || (status == 0 && matches.empty()))
            throw engine::IoError(source, "no file matches this pattern.");
        if (status != 0)
            throw engine::IoError(source, "the pattern could not be expanded.");
        for (const auto& m : matches) // glob(3) sorts them
            add(m);
    }
    return files;
}

// The form with an output folder: every input in turn, past failures.
int runBatch(const Arguments& args, std::ostream& out)
{
    namespace fs = std::filesystem;
    const fs::path folder = *args.value("output");
    if (args.positionals().empty())
        throw UsageError("give at least one input: files, folders or quoted patterns");
    std::error_code error;
    if (fs::exists(folder, error) && !fs::is_directory(folder, error))
        throw UsageError("'-o " + folder.string()
            + "' names a file; '-o' takes a folder (for one file, give IN OUT instead)");
    // A folder called result.tif is never what was meant.
    static const std::set<std::string> imageExtensions { ".tif", ".tiff", ".png", ".jpg", ".jpeg",
        ".npy", ".npz", ".h5", ".hdf5", ".mat" };
    std::string extension = folder.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
        [](unsigned char c) { return char(std::tolower(c)); });
    if (!fs::exists(folder, error) && imageExtensions.contains(extension))
        throw UsageError("'-o " + folder.string()
            + "' looks like a file name; '-o' takes a folder (for one file, give IN OUT instead)");
    const auto inputs = expandInputs(args.positionals());
    const bool ome
        = tiffWriteOptions(args, std::string()).format == engine::TiffWriteOptions::Format::OmeTiff;
    // Outputs are the inputs' base names with .tif (.ome.tif with --format ome-tiff): two inputs of
    // one name are refused before anything runs, as is an output that would replace its own input.
    std::vector<fs::path> outputs;
    std::map<fs::path, fs::path> taken;
    for (const auto& input : inputs) {
        const fs::path output
            = folder / input.filename().replace_extension(ome ? ".ome.tif" : ".tif");
        if (auto [it, fresh] = taken.emplace(output, input); !fresh)
            throw UsageError("'" + it->second.string() + "' and '" + input.string()
                + "' would both be written to '" + output.string()
                + "'; rename one or deblur them in separate calls");
        std::error_code e1, e2;
        const auto canonicalOut = fs::weakly_canonical(output, e1),
                   canonicalIn = fs::weakly_canonical(input, e2);
        if (!e1 && !e2 && canonicalOut == canonicalIn)
            throw UsageError("'" + input.string() + "' would be overwritten by its own result; "
                + "choose another output folder");
        outputs.push_back(output);
    }
    DeblurPlan plan = makePlan(args);
    for (const auto& w : plan.warnings)
        std::cerr << "latentlens-cli deblur: warning: " << w << "\n";
    plan.warnings.clear();
    fs::create_directories(folder, error);
    if (error)
        throw engine::IoError(folder, "the output folder could not be made: " + error.message());

    const bool overwrite = args.flag("overwrite");
    std::vector<std::pair<std::string, std::string>> failed;
    std::size_t written = 0, skipped = 0;
    nlohmann::json files = nlohmann::json::array();
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const std::string input = inputs[i].string(), output = outputs[i].string();
        std::cerr << "[" << i + 1 << "/" << inputs.size() << "] " << input << " -> " << output;
        if (!overwrite && fs::exists(outputs[i], error)) {
            std::cerr << " skipped (exists)\n";
            ++skipped;
            files.push_back({ { "input", input }, { "output", output }, { "status", "skipped" } });
            continue;
        }
        std::cerr.flush();
        const auto start = std::chrono::steady_clock::now();
        try {
            const auto s = deblurFile(args, plan, input, output);
            const double seconds
                = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            std::ostringstream took;
            took << std::fixed << std::setprecision(1) << seconds;
            std::cerr << " (" << plan.method << ", " << took.str() << " s)\n";
            for (const auto& w : s.warnings)
                std::cerr << "latentlens-cli deblur: warning: " << input << ": " << w << "\n";
            if (s.clippedPixels > 0)
                std::cerr << "latentlens-cli deblur: warning: " << input << ": " << s.clippedPixels
                          << " values outside [0, 1] were clipped for 16-bit output\n";
            ++written;
            auto entry = summaryJson(s, output, plan.method);
            entry["input"] = input;
            entry["status"] = "written";
            files.push_back(entry);
        } catch (const UsageError&) {
            std::cerr << "\n";
            throw; // a mistake in the call, not in this file
        } catch (const std::exception& e) {
            // The line names the file already; an IoError about it needs only its reason.
            const auto* io = dynamic_cast<const engine::IoError*>(&e);
            const std::string reason
                = io && io->path() == inputs[i] ? io->reason() : std::string(e.what());
            std::cerr << " failed: " << reason << "\n";
            failed.emplace_back(input, reason);
            files.push_back({ { "input", input }, { "output", output }, { "status", "failed" },
                { "error", reason } });
        }
    }
    if (args.flag("json"))
        out << nlohmann::json { { "output_folder", folder.string() }, { "files", files } }.dump(2)
            << "\n";
    else
        out << "wrote " << written << " of " << inputs.size() << " files to " << folder.string()
            << " (" << skipped << " skipped, " << failed.size() << " failed)\n";
    if (failed.empty())
        return 0;
    std::cerr << "latentlens-cli deblur: " << failed.size() << " of " << inputs.size()
              << " files failed; the others' results are kept:\n";
    for (const auto& [input, reason] : failed)
        std::cerr << "  " << input << ": " << reason << "\n";
    return 1;
}

int runDeblur(const std::vector<std::string>& argv, std::ostream& out)
{
    Arguments args(argv, valueOptionNames(),
        { "json", "uint16", "periodic", "no-accelerate", "progress", "overwrite" });
    if (args.value("output"))
        return runBatch(args, out);
    args.expectPositionals(2, "an input and an output image (or inputs and -o FOLDER)");
    return runSingle(args, out);
}

} // namespace

Command deblurCommand()
{
    return { "deblur", "remove a known blur: Wiener, Richardson-Lucy or hyper-Laplacian",
        "usage: latentlens-cli deblur --method wiener|rl|hl (--kernel K.tif | --defocus D\n"
        "                             [optics options]) [method options] [--format F]\n"
        "                             [--json] IN OUT\n"
        "       latentlens-cli deblur ... [--overwrite] INPUT... -o FOLDER\n"
        "\n"
        "Deconvolves every plane of IN and writes float32 TIFF (16-bit with --uint16) with a\n"
        "provenance record. Every parameter has an automatic default from the image's\n"
        "estimated noise level; the options override it.\n\n"
        "With -o FOLDER, deblurs each INPUT into FOLDER as its base name with .tif, with the\n"
        "same options (a network model is loaded once). An INPUT is a file, a folder (its\n"
        "TIFF, PNG, JPEG and HDF5 files) or a quoted pattern such as 'raw/*.tif'. Two inputs\n"
        "of one base name, or an output that would replace its input, are refused before\n"
        "anything runs. A line per file goes to stderr; a file that fails does not stop the\n"
        "others, and the exit status is 1 if any failed (they are listed at the end).\n"
        "  -o, --output FOLDER the output folder (made if missing)\n"
        "  --overwrite         replace outputs that exist (default: skip those files)\n\n"
        "  --method M          wiener, rl (Richardson-Lucy), hl (hyper-Laplacian), or the\n"
        "                      network: latent, nodeform, simpledeform\n"
        "  --model FILE        a model made by 'latentlens-cli train' (default: the shipped\n"
        "                      model, or the file named by LATENTLENS_MODEL)\n"
        "  --device D          network methods: auto (a CUDA GPU when there is one), cpu or\n"
        "                      cuda\n"
            + std::string(ensembleViewsHelp)
            + "  --kernel FILE       the blur kernel as an image (normalised here)\n"
              "  --periodic          treat the image as periodic instead of handling its border\n"
              "  --progress          print each iteration to stderr\n"
              "  --uint16            write 16-bit output\n"
            + outputOptionsHelp()
            + "  --json              print a JSON summary (with the image's and the kernel's\n"
              "                      pixel sizes)\n"
              "Wiener:\n"
              "  --nsr X             regularisation weight (default: chosen by UPRE per plane)\n"
              "Richardson-Lucy:\n"
              "  --iterations N      fixed count (default: automatic, discrepancy principle)\n"
              "  --max-iterations N  cap of the automatic count (default 150)\n"
              "  --tv X              total-variation weight (default: from the noise; 0 = none)\n"
              "  --background B      known background (default: 3 x the noise level)\n"
              "  --no-accelerate     plain RL instead of Biggs-Andrews acceleration\n"
              "Hyper-Laplacian:\n"
              "  --alpha A           exponent of the gradient prior (default 2/3)\n"
              "  --lambda L          data weight (default: from the noise)\n"
              "  --preset paper      Krishnan and Fergus's setting: alpha 2/3, lambda 2000\n\n"
            + analysisOptionHelp() + probeOptionsHelp(),
        runDeblur };
}

} // namespace latentlens::cli
