#include "engine/core/isolatedread.h"

#include "engine/core/exception.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <mutex>
#include <set>
#include <tuple>

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
    // Files the helper read: path, size, modification time, kind and options.
    std::set<std::tuple<std::string, std::uintmax_t, std::int64_t, std::string>> passed;
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
    state().passed.clear();
}

std::vector<std::string> isolatedReader()
{
    std::lock_guard lock(state().mutex);
    return state().command;
}

void readInHelperFirst(const std::filesystem::path& path, const std::string& kind,
    const std::vector<std::string>& options)
{
    std::vector<std::string> command = isolatedReader();
    if (command.empty())
        return;
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec)
        return; // the reader itself says what is wrong with the path
    const auto modified = std::filesystem::last_write_time(path, ec).time_since_epoch().count();
    std::string key = kind;
    for (const auto& option : options)
        key += '\n' + option;
    const auto entry = std::make_tuple(
        std::filesystem::absolute(path, ec).string(), size, std::int64_t(modified), key);
    {
        std::lock_guard lock(state().mutex);
        if (state().passed.count(entry))
            return;
    }

    command.push_back(kind);
    command.push_back(path.string());
    command.insert(command.end(), options.begin(), options.end());
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
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        std::lock_guard lock(state().mutex);
        state().passed.insert(entry);
        return;
    }
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

} // namespace latentlens::engine
