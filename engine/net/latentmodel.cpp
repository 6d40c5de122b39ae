#include "engine/net/latentmodel.h"

#include "engine/core/atomicfile.h"
#include "engine/core/exception.h"
#include "engine/core/filecheck.h"
#include "engine/core/isolatedread.h"
#include "engine/net/modelimpl.h"
#include "engine/net/physicsinput.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <malloc.h>
#include <mutex>
#include <thread>
#include <torch/version.h>

namespace latentlens::engine {

net::LatentNetOptions LatentModel::Impl::options() const
{
    return net::LatentNetOptions()
        .width(record.width)
        .latentChannels(record.latentChannels)
        .banks(record.banks)
        .mlpHidden(record.mlpHidden)
        .normalisation(record.softmax ? net::Normalisation::Softmax : net::Normalisation::L2)
        .inputChannels(kernelAware() ? int(net::inputChannels(record).size()) : 1)
        .thetaSize(kernelAware() ? 2 : 1)
        .skips(kernelAware())
        .zeroLast(kernelAware());
}

double LatentModel::Impl::theta(double defocus) const
{
    const auto [lo, hi] = std::minmax_element(record.defocus.begin(), record.defocus.end());
    return *hi > *lo ? (defocus - *lo) / (*hi - *lo) : 0.0;
}

// Run-time settings for LibTorch on the CPU, once per process:
// - Debian's LibTorch starts with one intra-op thread: use every core unless the user
//   chose with OMP_NUM_THREADS.
// - glibc serves large blocks (activations of megabytes) with fresh mmap()s and returns
//   them at free(), so every layer's output was page-faulted and zeroed anew: that kernel
//   time made a 512^2 deblur 6.7x slower (docs/benchmarks.md). Large blocks now come from
//   the heap, which keeps up to 1 GiB of freed memory for the next layer.
// - Threads other than the main one get their own glibc arenas, whose heaps are at most
//   64 MiB and are trimmed eagerly: the studio's worker thread decoded a 512^2 image 5x
//   slower than the main thread. One arena for the process gives every thread the main
//   heap; it must be set before the other threads allocate, hence the public function.
void tuneRuntime()
{
    static std::once_flag once;
    std::call_once(once, [] {
        const char* env = std::getenv("OMP_NUM_THREADS");
        const unsigned cores = std::thread::hardware_concurrency();
        if ((!env || !*env) && cores > 1 && torch::get_num_threads() < int(cores))
            torch::set_num_threads(int(cores));
        if (mallopt(M_MMAP_THRESHOLD, 1 << 30) == 0) // above glibc's limit: its maximum
            mallopt(M_MMAP_THRESHOLD, 32 << 20);
        mallopt(M_TRIM_THRESHOLD, 1 << 30);
        mallopt(M_ARENA_MAX, 1);
    });
}

LatentModel::LatentModel(const ModelRecord& record, std::uint64_t seed)
    : mImpl(std::make_unique<Impl>())
{
    tuneRuntime();
    mImpl->record = record;
    torch::manual_seed(seed);
    const auto o = mImpl->options();
    mImpl->encoder = net::Encoder(o);
    mImpl->decoder = net::Decoder(o);
    mImpl->deformer = net::Deformer(o);
    mImpl->simple = net::SimpleDeform(o);
}

LatentModel::~LatentModel() = default;
LatentModel::LatentModel(LatentModel&&) noexcept = default;
LatentModel& LatentModel::operator=(LatentModel&&) noexcept = default;

const ModelRecord& LatentModel::record() const noexcept
{
    return mImpl->record;
}

std::string torchVersion()
{
    return TORCH_VERSION;
}

bool cudaAvailable()
{
    return torch::cuda::is_available();
}

torch::Device LatentModel::Impl::resolve(ComputeDevice requested)
{
    const bool cuda = torch::cuda::is_available();
    if (requested == ComputeDevice::Cuda && !cuda)
        throw InvalidArgument("CUDA was asked for, but LibTorch sees no CUDA device here (no GPU, "
                              "no driver, or a LibTorch built for the CPU only, like Debian's).");
    if (requested == ComputeDevice::Cpu || !cuda)
        return torch::kCPU;
    return torch::Device(torch::kCUDA, 0);
}

void LatentModel::setDevice(ComputeDevice device)
{
    const torch::Device target = Impl::resolve(device);
    for (auto [name, module] : mImpl->modules())
        module->to(target);
    mImpl->device = target;
}

std::string LatentModel::deviceName() const
{
    return mImpl->device.str();
}

std::vector<std::pair<const char*, torch::nn::Module*>> LatentModel::Impl::modules() const
{
    // ptr() hands out the modules themselves (ModuleHolder::get() is const here).
    return { { "encoder", encoder.ptr().get() }, { "decoder", decoder.ptr().get() },
        { "deformer", deformer.ptr().get() }, { "simple", simple.ptr().get() } };
}

void LatentModel::Impl::writeTo(torch::serialize::OutputArchive& archive) const
{
    archive.write("record", c10::IValue(record.toJson()));
    for (auto [name, module] : modules()) {
        torch::serialize::OutputArchive part;
        module->save(part);
        archive.write(name, part);
    }
}

void LatentModel::Impl::saveAtomically(
    torch::serialize::OutputArchive& archive, const std::filesystem::path& path)
{
    AtomicFile file(path);
    try {
        archive.save_to(file.temporaryPath().string());
    } catch (const c10::Error& e) {
        throw IoError(
            path, std::string("the file could not be written: ") + e.what_without_backtrace());
    }
    file.commit();
}

void LatentModel::save(const std::filesystem::path& path) const
{
    torch::serialize::OutputArchive archive;
    mImpl->writeTo(archive);
    Impl::saveAtomically(archive, path);
}

namespace {

// The model installed with the program (or in the source tree of a build that is not
// installed), found from the running program: as trusted as the program itself.
std::optional<std::filesystem::path> shippedModelPath()
{
    namespace fs = std::filesystem;
    std::error_code error;
    std::vector<fs::path> candidates;
    const fs::path exe = fs::read_symlink("/proc/self/exe", error);
    if (!error)
        candidates.push_back(
            exe.parent_path().parent_path() / "share/latentlens/models/default.llm");
#ifdef LATENTLENS_SOURCE_RESOURCES
    candidates.push_back(fs::path(LATENTLENS_SOURCE_RESOURCES) / "models/default.llm");
#endif
    for (const auto& c : candidates)
        if (fs::is_regular_file(c, error))
            return c;
    return std::nullopt;
}

} // namespace

LatentModel LatentModel::load(const std::filesystem::path& path)
{
    requireNonEmptyFile(path);
    std::error_code same;
    const auto shipped = shippedModelPath();
    if (shipped && std::filesystem::equivalent(*shipped, path, same))
        return loadArchive(path, path);
    // LibTorch's archive and TorchScript readers crash on some corrupt files, and on others
    // corrupt memory without crashing (fuzz_model): the helper loads the file and saves the
    // model again, and LibTorch here reads only that copy.
    if (const auto copy = readInHelper(path, "model"))
        return loadArchive(copy->file(), path);
    return loadArchive(path, path);
}

LatentModel LatentModel::loadArchive(
    const std::filesystem::path& file, const std::filesystem::path& named)
{
    const std::uintmax_t fileSize = requireNonEmptyFile(file);
    torch::serialize::InputArchive archive;
    c10::IValue recordValue;
    try {
        archive.load_from(file.string(), torch::kCPU); // a model saved on a GPU loads anywhere
        if (!archive.try_read("record", recordValue) || !recordValue.isString())
            throw IoError(named, "the file holds no LatentLens model record.");
    } catch (const Exception&) {
        throw;
    } catch (const std::exception&) {
        // c10::Error, or torch::jit::ErrorReport when the archive holds TorchScript code that
        // does not compile (found by fuzz_model).
        throw IoError(named, "not a LatentLens model file (or it is truncated or corrupt).");
    }
    const ModelRecord record = ModelRecord::fromJson(recordValue.toStringRef());
    // The network the record describes is allocated before its weights are read. The file
    // stores every weight as float32, uncompressed, so it must at least hold the deformer's
    // banks (ten dynamic 3x3 convolutions of latent x latent channels, one per bank).
    const double bankBytes = 4.0 * 9.0 * double(record.banks) * double(record.latentChannels)
        * double(record.latentChannels);
    if (bankBytes > double(fileSize))
        throw IoError(named,
            "the model's record describes a network larger than the file's "
                + std::to_string(fileSize) + " bytes; the file is truncated or corrupt.");
    LatentModel model(record, 0);
    for (auto [name, module] : model.mImpl->modules()) {
        torch::serialize::InputArchive part;
        try {
            if (!archive.try_read(name, part))
                throw IoError(named, std::string("the model has no ") + name + ".");
            // Module::load replaces a parameter of another shape without complaint, so the
            // shapes the record implies are compared with what was read.
            std::vector<std::vector<int64_t>> expected;
            for (const auto& p : module->parameters())
                expected.push_back(p.sizes().vec());
            module->load(part);
            const auto loaded = module->parameters();
            for (std::size_t i = 0; i < loaded.size(); ++i)
                if (i >= expected.size() || loaded[i].sizes().vec() != expected[i])
                    throw InvalidArgument("The model file " + named.string()
                        + " does not match its record: the " + name
                        + "'s weights have other shapes than its architecture implies.");
        } catch (const c10::Error& e) {
            throw InvalidArgument("The model file " + named.string()
                + " does not match its record (" + name + "): " + e.what_without_backtrace());
        } catch (const Exception&) {
            throw;
        } catch (const std::exception&) {
            throw IoError(named,
                std::string("the model's ") + name + " cannot be read; the file is corrupt.");
        }
    }
    return model;
}

struct EncodedImage::Data
{
    /// One tile of a plane: where it is cut, the part of it that is kept, and (the paper's
    /// model) its code f(B).
    struct Tile
    {
        std::size_t plane, x0, y0, keepX0, keepY0, keepX1, keepY1, pad, paddedWidth, paddedHeight;
        torch::Tensor code;
    };
    Image shape; ///< the input's size and metadata (the paper's model: values not used)
    std::vector<Tile> tiles;
    /// The kernel-aware model: the input itself, whose encoder input depends on the kernel.
    Image blurred;
};

namespace {

void checkDefocus(const ModelRecord& record, double defocus)
{
    const auto [lo, hi] = std::minmax_element(record.defocus.begin(), record.defocus.end());
    const double margin = 0.1 * (*hi - *lo);
    if (!(defocus >= *lo - margin && defocus <= *hi + margin))
        throw InvalidArgument("The model was trained for defocus " + std::to_string(*lo * 1e6)
            + " to " + std::to_string(*hi * 1e6) + " µm; " + std::to_string(defocus * 1e6)
            + " µm is outside that range.");
}

/// The ensemble views to run: `views`, or the record's when it is 0.
int checkViews(const ModelRecord& record, int views)
{
    if (views == 0)
        return record.ensembleViews;
    if (!ensembleViewsAreValid(views))
        throw InvalidArgument(
            std::to_string(views) + " ensemble views were asked for; 1, 2, 4 or 8 are possible.");
    if (views > 1 && record.architecture != Architecture::KernelAware)
        throw InvalidArgument("Ensemble views are for the kernel-aware network; this model "
                              "is the paper's.");
    return views;
}

/// The tiles of every plane: at most `tile` pixels, each keeping its centre (its `overlap`
/// border only where it touches the plane's edge), padded by reflection by 16 pixels and
/// then up to a multiple of 4.
std::vector<EncodedImage::Data::Tile> tileLayout(const Image& image)
{
    constexpr std::size_t tile = 1024, overlap = 32, pad = 16;
    const std::size_t w = image.width(), h = image.height(), step = tile - 2 * overlap;
    std::vector<EncodedImage::Data::Tile> tiles;
    for (std::size_t p = 0; p < image.planeCount(); ++p)
        for (std::size_t ty = 0; ty < h; ty += step)
            for (std::size_t tx = 0; tx < w; tx += step) {
                const std::size_t x0 = tx > overlap ? tx - overlap : 0;
                const std::size_t y0 = ty > overlap ? ty - overlap : 0;
                const std::size_t x1 = std::min(w, tx + step + overlap);
                const std::size_t y1 = std::min(h, ty + step + overlap);
                const std::size_t pw = (x1 - x0 + 2 * pad + 3) / 4 * 4;
                const std::size_t ph = (y1 - y0 + 2 * pad + 3) / 4 * 4;
                tiles.push_back({ p, x0, y0, tx, ty, std::min(w, tx + step), std::min(h, ty + step),
                    pad, pw, ph, {} });
            }
    return tiles;
}

/// The tile `t` of a plane (width `w`, height `h`) with reflective padding, into `out`.
void cutTile(
    const float* plane, std::size_t w, std::size_t h, const EncodedImage::Data::Tile& t, float* out)
{
    for (std::size_t y = 0; y < t.paddedHeight; ++y) {
        const auto sy
            = reflectIndex(std::ptrdiff_t(t.y0 + y) - std::ptrdiff_t(t.pad), std::ptrdiff_t(h));
        for (std::size_t x = 0; x < t.paddedWidth; ++x) {
            const auto sx
                = reflectIndex(std::ptrdiff_t(t.x0 + x) - std::ptrdiff_t(t.pad), std::ptrdiff_t(w));
            out[y * t.paddedWidth + x] = plane[std::size_t(sy) * w + std::size_t(sx)];
        }
    }
}

/// Copies the kept part of a tile's result into its plane of `out`.
void pasteTile(const torch::Tensor& result, const EncodedImage::Data::Tile& t, Image& out)
{
    const auto cpu = result.to(torch::kCPU).contiguous();
    const float* r = cpu.data_ptr<float>();
    const std::size_t w = out.width();
    float* target = out.plane(t.plane).data();
    for (std::size_t y = t.keepY0; y < t.keepY1; ++y)
        for (std::size_t x = t.keepX0; x < t.keepX1; ++x)
            target[y * w + x] = r[(y - t.y0 + t.pad) * t.paddedWidth + (x - t.x0 + t.pad)];
}

void checkInput(const Image& blurred)
{
    if (blurred.empty() || !blurred.allFinite())
        throw InvalidArgument("The image is empty or holds NaN or infinite values.");
}

} // namespace

torch::Tensor LatentModel::Impl::thetaTensor(
    const std::vector<double>& defocus, const std::vector<double>& noiseSigma) const
{
    std::vector<float> values;
    for (std::size_t i = 0; i < defocus.size(); ++i) {
        values.push_back(float(theta(defocus[i])));
        if (kernelAware())
            values.push_back(float(net::noiseFeature(noiseSigma.at(i))));
    }
    const int64_t columns = kernelAware() ? 2 : 1;
    return torch::tensor(values).reshape({ int64_t(defocus.size()), columns }).to(device);
}

EncodedImage LatentModel::encode(const Image& blurred, const Progress& progress) const
{
    checkInput(blurred);
    auto& m = *mImpl;
    auto data = std::make_shared<EncodedImage::Data>();
    data->shape = blurred;
    data->tiles = tileLayout(blurred);
    if (m.kernelAware()) {
        data->blurred = blurred;
        return { data };
    }
    torch::InferenceMode guard;
    m.encoder->eval();
    for (auto& t : data->tiles) {
        progress.throwIfCancelled();
        auto input = torch::empty({ 1, 1, int64_t(t.paddedHeight), int64_t(t.paddedWidth) });
        cutTile(blurred.plane(t.plane).data(), blurred.width(), blurred.height(), t,
            input.data_ptr<float>());
        t.code = m.encoder->forward(input.to(m.device));
    }
    return { data };
}

Image LatentModel::decode(const EncodedImage& encoded, double defocus, LatentMethod method,
    const Progress& progress, const Image& kernel, int views) const
{
    if (!encoded.data)
        throw InvalidArgument("Nothing was encoded.");
    checkDefocus(mImpl->record, defocus);
    views = checkViews(mImpl->record, views);
    torch::InferenceMode guard;
    auto& m = *mImpl;
    m.encoder->eval();
    m.decoder->eval();
    m.deformer->eval();
    m.simple->eval();
    Image out = encoded.data->shape;
    auto deform = [&](const torch::Tensor& code, const torch::Tensor& theta) {
        if (method == LatentMethod::Latent)
            return m.deformer->forward(code, theta);
        if (method == LatentMethod::SimpleDeform)
            return m.simple->forward(code, theta);
        return code;
    };
    if (!m.kernelAware()) {
        const auto theta = m.thetaTensor({ defocus }, { 0.0 });
        for (const auto& t : encoded.data->tiles) {
            progress.throwIfCancelled();
            pasteTile(m.decoder->forward(deform(t.code, theta)), t, out);
        }
        return out;
    }
    const Image& blurred = encoded.data->blurred;
    const Image own = kernel.empty() ? modelKernel(m.record, defocus) : Image();
    const Image& k = kernel.empty() ? own : kernel;
    const std::size_t w = blurred.width(), h = blurred.height();
    for (std::size_t p = 0; p < blurred.planeCount(); ++p) {
        progress.throwIfCancelled();
        const Image plane = blurred.extractPlane(p);
        const net::PhysicsEstimate physics = net::physicsEstimate(plane, k, m.record);
        const auto theta = m.thetaTensor({ defocus }, { physics.noiseSigma });
        for (const auto& t : encoded.data->tiles) {
            if (t.plane != p)
                continue;
            progress.throwIfCancelled();
            const auto tile = net::kernelAwareInput({ t.paddedHeight, t.paddedWidth }, 1, m.record,
                [&](std::size_t, const net::InputPlanes& to) {
                    cutTile(plane.data(), w, h, t, to.blurred);
                    cutTile(physics.estimate.data(), w, h, t, to.estimate);
                    if (to.wide)
                        cutTile(physics.wide.data(), w, h, t, to.wide);
                    if (to.noiseMap)
                        cutTile(physics.noiseMap.data(), w, h, t, to.noiseMap);
                },
                { physics.noiseSigma })
                                  .to(m.device);
            // The ensemble's views, each turned back, averaged.
            torch::Tensor sum;
            for (int v = 0; v < views; ++v) {
                if (v > 0)
                    progress.throwIfCancelled();
                const auto one = net::undoEnsembleView(
                    net::kernelAwareForward(m.encoder, m.decoder, net::ensembleView(tile, v),
                        [&](const torch::Tensor& code) { return deform(code, theta); }),
                    v);
                sum = v == 0 ? one : sum + one;
            }
            pasteTile(views == 1 ? sum : sum / double(views), t, out);
        }
    }
    return out;
}

Image LatentModel::deblur(const Image& blurred, double defocus, LatentMethod method,
    const Progress& progress, const Image& kernel, int views) const
{
    checkDefocus(mImpl->record, defocus); // before the encoder's work
    checkViews(mImpl->record, views);
    return decode(encode(blurred, progress), defocus, method, progress, kernel, views);
}

Image modelKernel(const ModelRecord& record, double defocus)
{
    return probeKernel(propagate(focusedProbe(record.optics), defocus), record.kernel);
}

std::optional<std::filesystem::path> defaultModelPath()
{
    if (const char* env = std::getenv("LATENTLENS_MODEL"); env && *env)
        return std::filesystem::path(env);
    return shippedModelPath();
}

} // namespace latentlens::engine
