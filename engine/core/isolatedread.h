#pragma once

// Reading a file in a helper process, for the two third-party parsers that crash on some
// corrupt files instead of returning an error, or corrupt memory without crashing: HDF5
// 1.10's (its object-header and metadata-cache code; HDF5 probes, XRF maps and MATLAB 7.3
// files go through it) and LibTorch's archive and TorchScript readers (model files). No
// check of ours can tell such a file from a good one before the library has parsed it, so
// the program lets a helper parse it and hand back what it read, in a file of our own
// making: if the helper dies, the program refuses the file with a message instead of dying
// too, and the third-party parser never runs on the user's bytes in the program itself
// (docs/robustness.md).

#include <cstddef>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace latentlens::engine {

/// The helper's command: `command` followed by the kind, the path, the options of
/// readInHelper and `--into FILE` (the programs set `latentlens-cli check-file`). Empty, the
/// default: files are read in this process, as a library user or a test expects.
void setIsolatedReader(std::vector<std::string> command);
std::vector<std::string> isolatedReader();

/// The helper's exit status for a file its reader refused with one of the engine's
/// exceptions; it writes the reason (without the file's name) on its standard output. 0
/// means the file was read and what it held written into the `--into` file. Any other
/// status, or a signal, means the reader died.
constexpr int kHelperRefusedFile = 3;

/// The private temporary file a helper wrote what it read into; removed with this object.
class HandedBack
{
public:
    explicit HandedBack(std::filesystem::path file) : mFile(std::move(file)) { }
    HandedBack(HandedBack&& other) noexcept : mFile(std::exchange(other.mFile, {})) { }
    HandedBack& operator=(HandedBack&&) = delete;
    HandedBack(const HandedBack&) = delete;
    ~HandedBack();
    const std::filesystem::path& file() const noexcept { return mFile; }

private:
    std::filesystem::path mFile;
};

/// Without a helper set: nothing (the caller reads `path` itself). With one: runs it on
/// `path` as `kind` ("probe", "xrf", "xrf-analyses", "model") with `options` and a new
/// private temporary file to write into, and returns that file once the helper read `path`.
/// Throws IoError naming `path` when the helper refused the file (with the helper's reason:
/// the file is not read here, so a file that would exhaust memory or time does so only in
/// the helper), when it died (a signal, or an exit status other than 0 and
/// kHelperRefusedFile), and when it cannot be started.
std::optional<HandedBack> readInHelper(const std::filesystem::path& path, const std::string& kind,
    const std::vector<std::string>& options = {});

/// What a helper hands back for a probe or maps: a header (JSON text) and raw bytes.
struct Handover
{
    std::string header;
    std::vector<std::byte> payload;
};

/// True when the payload holds exactly the product of `counts` elements of `elementSize`
/// bytes, every count non-zero (and the product does not overflow).
bool payloadHolds(
    const Handover& handover, std::size_t elementSize, std::initializer_list<std::size_t> counts);

/// Writes `handover` into `file` ("LatentLens handover 1", the header's length, the header,
/// the payload). Throws IoError if it cannot be written.
void writeHandover(const std::filesystem::path& file, const Handover& handover);

/// Reads a file writeHandover wrote. Throws IoError naming `named` (the file the helper read)
/// if it is not one, or is truncated.
Handover readHandover(const std::filesystem::path& file, const std::filesystem::path& named);

} // namespace latentlens::engine
