#include "engine/core/filecheck.h"

#include "engine/core/exception.h"

namespace latentlens::engine {

std::uintmax_t requireNonEmptyFile(const std::filesystem::path& path)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        // A folder on the way that may not be entered is not a missing file.
        if (ec)
            throw IoError(path, "the file cannot be reached (" + ec.message() + ").");
        throw IoError(path, "the file does not exist.");
    }
    if (std::filesystem::is_directory(path, ec))
        throw IoError(path, "this is a folder, not an image file.");
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (ec)
        throw IoError(path, "its size cannot be read (" + ec.message() + ").");
    if (size == 0)
        throw IoError(path, "the file is empty.");
    return size;
}

} // namespace latentlens::engine
