#pragma once

#include <cstddef>

#include <unistd.h>

namespace latentlens::engine {

/// The machine's physical memory in bytes; 0 when the system does not say.
inline std::size_t physicalMemoryBytes()
{
    const long pages = sysconf(_SC_PHYS_PAGES), pageSize = sysconf(_SC_PAGE_SIZE);
    return pages > 0 && pageSize > 0 ? std::size_t(pages) * std::size_t(pageSize) : 0;
}

} // namespace latentlens::engine
