#pragma once

#include <string>
#include <utility>
#include <vector>

namespace latentlens::engine {

/// A provenance record: what made a file, from what, with which settings, when.
/// Written into every output file as one line of JSON.
struct Provenance
{
    std::string operation; ///< e.g. "deblur"
    std::vector<std::string> inputs; ///< files read
    std::vector<std::pair<std::string, std::string>> parameters;
    std::string parent; ///< the input's own record, if any

    /// JSON with the program, version, time (UTC, ISO 8601) and the fields above.
    std::string toJson() const;
};

} // namespace latentlens::engine
