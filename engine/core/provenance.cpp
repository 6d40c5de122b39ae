#include "engine/core/provenance.h"

#include "engine/core/version.h"

#include <chrono>
#include <ctime>
#include <nlohmann/json.hpp>

namespace latentlens::engine {

std::string Provenance::toJson() const
{
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc {};
    gmtime_r(&now, &utc);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &utc);

    nlohmann::json record;
    record["program"] = "LatentLens";
    record["version"] = versionString();
    record["time"] = stamp;
    record["operation"] = operation;
    record["inputs"] = inputs;
    nlohmann::json params = nlohmann::json::object();
    for (const auto& [key, value] : parameters)
        params[key] = value;
    record["parameters"] = params;
    if (!parent.empty()) {
        auto parsed = nlohmann::json::parse(parent, nullptr, false);
        record["parent"] = parsed.is_discarded() ? nlohmann::json(parent) : parsed;
    }
    // Text from files (channel names, paths) need not be UTF-8: replaced, not thrown on.
    return record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace latentlens::engine
