#include "engine/core/isolatedread.h"

#include "engine/core/exception.h"

#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <mutex>
#include <string_view>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace latentlens::engine {

namespace {

struct State
{
    std::mutex mutex;
    std::vector<std::string> command;
};

State& state()
{
    static State s;
    return s;
}

std::string signalName(int signal)
{
    const char* name = sigdescr_np(signal);
    return std::string(name ? name : "unknown signal") + ", signal " + std::to_string(signal);
}

} // namespace

void setIsolatedReader(std::vector<std::string> command)
{
    std::lock_guard lock(state().mutex);
    state().command = std::move(command);
}

std::vector<std::string> isolatedReader()
{
    std::lock_guard lock(state().mutex);
    return state().command;
}

HandedBack::~HandedBack()
{
    if (!mFile.empty())
        std::remove(mFile.c_str());
}

std::optional<HandedBack> readInHelper(const std::filesystem::path& path, const std::string& kind,
    const std::vector<std::string>& options)
{
    std::vector<std::string> command = isolatedReader();
    if (command.empty())
        return std::nullopt;
    std::error_code ec;
    std::string into
        = (std::filesystem::temp_directory_path(ec) / "latentlens-handover-XXXXXX").string();
    const int descriptor = ec ? -1 : mkstemp(into.data());
    if (descriptor < 0)
        throw IoError(path,
            "it was not opened: no temporary file for the helper that reads such files first.");
    close(descriptor);
    HandedBack handedBack(into);

    command.push_back(kind);
    command.push_back(path.string());
    command.insert(command.end(), options.begin(), options.end());
    command.push_back("--into");
    command.push_back(into);
    std::vector<char*> argv;
    for (auto& word : command)
        argv.push_back(word.data());
    argv.push_back(nullptr);
    // The helper writes a refusal's reason on stdout; its stderr is not needed.
    int pipeEnds[2];
    if (pipe2(pipeEnds, O_CLOEXEC) != 0)
        throw IoError(path,
            std::string("it was not opened: no pipe to the helper that checks such files first (")
                + std::strerror(errno) + ").");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    pid_t child = 0;
    const int spawned = posix_spawn(&child, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(pipeEnds[1]);
    if (spawned != 0) {
        close(pipeEnds[0]);
        throw IoError(path,
            "it was not opened, because the helper that checks such files first could not be "
            "started ('"
                + command.front() + "': " + std::strerror(spawned) + ").");
    }
    std::string reason;
    char buffer[4096];
    for (;;) {
        const ssize_t got = read(pipeEnds[0], buffer, sizeof buffer);
        if (got > 0 && reason.size() < 65536)
            reason.append(buffer, std::size_t(got));
        else if (got == 0 || (got < 0 && errno != EINTR))
            break;
    }
    close(pipeEnds[0]);
    int status = 0;
    while (waitpid(child, &status, 0) < 0)
        if (errno != EINTR)
            throw IoError(path,
                std::string("the helper that checks such files first was lost (")
                    + std::strerror(errno) + ").");
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return handedBack;
    // A refusal is final: this process does not read the file (which could take the memory
    // or time the helper was refused).
    while (!reason.empty() && (reason.back() == '\n' || reason.back() == ' '))
        reason.pop_back();
    if (WIFEXITED(status) && WEXITSTATUS(status) == kHelperRefusedFile && !reason.empty())
        throw IoError(path, reason);
    const std::string how = WIFSIGNALED(status)
        ? signalName(WTERMSIG(status))
        : "exit status " + std::to_string(WEXITSTATUS(status));
    throw IoError(path,
        "the file is corrupt: the library that reads it failed on it (in a helper process, " + how
            + "), so it was not opened.");
}

namespace {

constexpr std::string_view handoverMagic = "LatentLens handover 1\n";

} // namespace

bool payloadHolds(
    const Handover& handover, std::size_t elementSize, std::initializer_list<std::size_t> counts)
{
    std::size_t bytes = elementSize;
    for (std::size_t count : counts)
        if (count == 0 || __builtin_mul_overflow(bytes, count, &bytes))
            return false;
    return bytes == handover.payload.size();
}

void writeHandover(const std::filesystem::path& file, const Handover& handover)
{
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    const std::uint64_t length = handover.header.size();
    unsigned char lengthBytes[8];
    for (int i = 0; i < 8; ++i)
        lengthBytes[i] = static_cast<unsigned char>(length >> (8 * i));
    out.write(handoverMagic.data(), std::streamsize(handoverMagic.size()));
    out.write(reinterpret_cast<const char*>(lengthBytes), sizeof lengthBytes);
    out.write(handover.header.data(), std::streamsize(handover.header.size()));
    out.write(reinterpret_cast<const char*>(handover.payload.data()),
        std::streamsize(handover.payload.size()));
    out.close();
    if (!out)
        throw IoError(file, "what was read could not be written (is the disk full?).");
}

Handover readHandover(const std::filesystem::path& file, const std::filesystem::path& named)
{
    auto broken = [&] {
        return IoError(named,
            "the helper that reads such files first handed back an incomplete result, so the "
            "file was not opened.");
    };
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec || size < handoverMagic.size() + 8)
        throw broken();
    std::ifstream in(file, std::ios::binary);
    std::string magic(handoverMagic.size(), '\0');
    unsigned char lengthBytes[8] {};
    in.read(magic.data(), std::streamsize(magic.size()));
    in.read(reinterpret_cast<char*>(lengthBytes), sizeof lengthBytes);
    std::uint64_t length = 0;
    for (int i = 0; i < 8; ++i)
        length |= std::uint64_t(lengthBytes[i]) << (8 * i);
    const std::uintmax_t rest = size - handoverMagic.size() - 8;
    if (!in || magic != handoverMagic || length > rest)
        throw broken();
    Handover handover;
    handover.header.resize(length);
    handover.payload.resize(rest - length);
    in.read(handover.header.data(), std::streamsize(length));
    in.read(
        reinterpret_cast<char*>(handover.payload.data()), std::streamsize(handover.payload.size()));
    if (!in)
        throw broken();
    return handover;
}

} // namespace latentlens::engine
