#pragma once

#include <filesystem>

namespace latentlens::engine {

/// A temporary file beside the target that becomes the target only on commit(), so a failed
/// or interrupted write never leaves a half-written file and never destroys an existing one.
class AtomicFile
{
public:
    /// Throws IoError if the target's folder does not exist or is not writable.
    explicit AtomicFile(std::filesystem::path target);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    /// Where to write the data before commit().
    const std::filesystem::path& temporaryPath() const noexcept { return mTemporary; }
    const std::filesystem::path& target() const noexcept { return mTarget; }
    /// Renames the temporary file onto the target. Throws IoError if that fails.
    void commit();

private:
    std::filesystem::path mTarget;
    std::filesystem::path mTemporary;
    bool mCommitted = false;
};

} // namespace latentlens::engine
