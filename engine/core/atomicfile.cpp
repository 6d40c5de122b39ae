#include "engine/core/atomicfile.h"

#include "engine/core/exception.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>

namespace latentlens::engine {

AtomicFile::AtomicFile(std::filesystem::path target) : mTarget(std::move(target))
{
    std::filesystem::path folder = mTarget.parent_path();
    if (folder.empty())
        folder = ".";
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
        throw IoError(mTarget, "the folder '" + folder.string() + "' does not exist.");
    if (std::filesystem::is_directory(mTarget, ec))
        throw IoError(mTarget, "this is a folder; give a file name to write to.");
    // mkstemp gives a unique name in the target's own folder, so the final rename is atomic.
    std::string pattern = (folder / ("." + mTarget.filename().string() + ".tmp-XXXXXX")).string();
    int fd = ::mkstemp(pattern.data());
    if (fd < 0)
        throw IoError(mTarget,
            std::string("cannot create a file in its folder: ") + std::strerror(errno) + ".");
    ::close(fd);
    mTemporary = pattern;
}

AtomicFile::~AtomicFile()
{
    if (!mCommitted) {
        std::error_code ec;
        std::filesystem::remove(mTemporary, ec);
    }
}

void AtomicFile::commit()
{
    std::error_code ec;
    // mkstemp creates the file with mode 0600; give the result ordinary permissions.
    std::filesystem::permissions(mTemporary,
        std::filesystem::perms::owner_read | std::filesystem::perms::owner_write
            | std::filesystem::perms::group_read | std::filesystem::perms::others_read,
        ec);
    std::filesystem::rename(mTemporary, mTarget, ec);
    if (ec)
        throw IoError(mTarget, "cannot move the finished file into place: " + ec.message() + ".");
    mCommitted = true;
}

} // namespace latentlens::engine
