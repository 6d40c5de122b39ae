#pragma once

// Private to engine/io: the one lock around every call into the HDF5 library.

#include <mutex>

namespace latentlens::engine::detail {

/// Debian's serial HDF5 is not thread-safe: Hdf5Reader and MatFile (whose MATLAB 7.3 files
/// libmatio reads through HDF5) hold this lock around every library call.
std::recursive_mutex& hdf5Mutex();

} // namespace latentlens::engine::detail
