#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

namespace latentlens::engine {

/// Base of every error the engine throws. what() is a complete sentence a user can act on.
class Exception : public std::runtime_error
{
public:
    explicit Exception(const std::string& message) : std::runtime_error(message) { }
};

/// A file could not be read or written: missing, unreadable, truncated, corrupt or of an
/// unsupported kind. path() names the file, reason() says why without the file name.
class IoError : public Exception
{
public:
    IoError(std::filesystem::path path, const std::string& reason)
        : Exception("'" + path.string() + "': " + reason), mPath(std::move(path)), mReason(reason)
    { }
    const std::filesystem::path& path() const noexcept { return mPath; }
    const std::string& reason() const noexcept { return mReason; }

private:
    std::filesystem::path mPath;
    std::string mReason;
};

/// An argument is out of its domain: wrong dimensions, NaN, an empty kernel, a bad option.
class InvalidArgument : public Exception
{
public:
    using Exception::Exception;
};

} // namespace latentlens::engine
