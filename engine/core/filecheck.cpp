#include "engine/core/filecheck.h"

#include "engine/core/exception.h"

namespace latentlens::engine {

void requireNonEmptyFile(const std::filesystem::path& path)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw IoError(path, "the file does not exist.");
    if (std::filesystem::is_directory(path, ec))
        throw IoError(path, "this is a folder, not an image file.");
    if (std::filesystem::file_size(path, ec) == 0)
        throw IoError(path, "the file is empty.");
}

} // namespace latentlens::engine
