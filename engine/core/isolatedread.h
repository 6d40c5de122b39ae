#pragma once

// Reading a file in a helper process first, for the two third-party parsers that crash on
// some corrupt files instead of returning an error: HDF5 1.10's (its object-header and
// metadata-cache code; HDF5 probes, XRF maps and MATLAB 7.3 files go through it) and
// LibTorch's archive and TorchScript readers (model files). No check of ours can tell such a
// file from a good one before the library has parsed it, so the program lets a helper parse
// it: if the helper dies, the program refuses the file with a message instead of dying too.
// The helper runs the same reader with the same options on the same bytes, and the parsers
// are deterministic, so a file the helper read is then read here the same way; a file it
// refused is refused here with its reason, unread (docs/robustness.md).

#include <filesystem>
#include <string>
#include <vector>

namespace latentlens::engine {

/// The helper's command: `command` followed by the kind, the path and the options of
/// readInHelperFirst (the programs set `latentlens-cli check-file`). Empty, the default:
/// files are read in this process only, as a library user or a test expects.
void setIsolatedReader(std::vector<std::string> command);
std::vector<std::string> isolatedReader();

/// The helper's exit status for a file its reader refused with one of the engine's
/// exceptions; it writes the reason (without the file's name) on its standard output. 0
/// means the file was read. Any other status, or a signal, means the reader died.
constexpr int kHelperRefusedFile = 3;

/// With a helper set: runs it on `path` as `kind` ("probe", "xrf", "model") with `options`,
/// unless the same file (path, size and modification time) passed with the same kind and
/// options before in this process. Returns when the helper read the file; the caller then
/// reads it itself. Throws IoError naming the file when the helper refused it (with the
/// helper's reason: the file is not read here, so a file that would exhaust memory or time
/// does so only in the helper), when the helper died (a signal, or an exit status other than
/// 0 and kHelperRefusedFile), and when it cannot be started.
void readInHelperFirst(const std::filesystem::path& path, const std::string& kind,
    const std::vector<std::string>& options = {});

} // namespace latentlens::engine
