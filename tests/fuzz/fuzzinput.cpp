#include "tests/fuzz/fuzzinput.h"

#include "engine/core/isolatedread.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <unistd.h>

namespace latentlens::fuzz {

namespace {

struct ScratchFolder
{
    std::filesystem::path path;

    ScratchFolder()
    {
        const std::filesystem::path shm = "/dev/shm";
        std::error_code error;
        const auto root = std::filesystem::is_directory(shm, error)
            ? shm
            : std::filesystem::temp_directory_path();
        path = root / ("latentlens-fuzz-" + std::to_string(getpid()));
        std::filesystem::create_directories(path);
    }
    ~ScratchFolder()
    {
        std::error_code error;
        std::filesystem::remove_all(path, error);
    }
};

// As the programs do, the HDF5 and model readers run in a helper process first when
// LATENTLENS_CHECK_FILE_HELPER names one (latentlens-cli; tools/fuzz.sh and CTest set it).
const bool helperSet = [] {
    if (const char* helper = std::getenv("LATENTLENS_CHECK_FILE_HELPER"); helper && *helper)
        engine::setIsolatedReader({ helper, "check-file" });
    return true;
}();

} // namespace

std::filesystem::path writeInput(
    const std::uint8_t* data, std::size_t size, const std::string& extension)
{
    static const ScratchFolder folder;
    const auto path = folder.path / ("input" + extension);
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (!file || (size > 0 && std::fwrite(data, 1, size, file) != size) || std::fclose(file) != 0) {
        std::perror(path.c_str());
        std::abort(); // not the reader's fault: stop rather than fuzz a half-written file
    }
    return path;
}

void requireConsistent(const engine::NdArray& array)
{
    std::size_t count = 1;
    bool overflows = false;
    for (const std::size_t n : array.shape) {
        overflows = overflows || (n != 0 && count > std::numeric_limits<std::size_t>::max() / n);
        count *= n;
    }
    const bool hasZero = std::find(array.shape.begin(), array.shape.end(), 0) != array.shape.end();
    if ((overflows && !hasZero) || (hasZero ? 0 : count) != array.values.size()) {
        std::fprintf(stderr, "inconsistent array: shape %s, %zu values\n",
            array.shapeText().c_str(), array.values.size());
        std::abort();
    }
}

} // namespace latentlens::fuzz
