#pragma once

// The message of the engine exception `f` throws, or an empty string if it throws none.

#include "engine/core/exception.h"

#include <QString>

#include <functional>

namespace latentlens::testing {

inline QString errorOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const engine::Exception& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

} // namespace latentlens::testing
