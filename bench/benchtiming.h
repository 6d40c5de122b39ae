#pragma once

// Shared by the bench programs: timing by median after a warm-up, and size lists.

#include <algorithm>
#include <chrono>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

namespace latentlens::bench {

/// Median seconds of `reps` runs of `f`, after one warm-up run (plans, wisdom, caches).
inline double timeIt(int reps, const std::function<void()>& f)
{
    f();
    std::vector<double> t;
    for (int i = 0; i < reps; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        f();
        t.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

/// "256,512,2048" -> { 256, 512, 2048 }.
inline std::vector<std::size_t> parseSizes(const std::string& text)
{
    std::vector<std::size_t> sizes;
    std::stringstream s(text);
    for (std::string item; std::getline(s, item, ',');)
        sizes.push_back(std::stoul(item));
    return sizes;
}

} // namespace latentlens::bench
