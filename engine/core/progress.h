#pragma once

// How long computations report progress and are stopped, in every layer of the engine.

#include "engine/core/exception.h"

#include <atomic>
#include <cstddef>
#include <functional>

namespace latentlens::engine {

/// The work was stopped through Progress::cancel. Nothing was returned; no file was touched.
class Cancelled : public Exception
{
public:
    Cancelled() : Exception("The computation was cancelled.") { }
};

/// One step of an iterative method, reported through Progress::onIteration.
struct IterationInfo
{
    std::size_t plane = 0; ///< plane being processed, from 0
    std::size_t planes = 1;
    int iteration = 0; ///< from 1
    int iterations = 0; ///< planned (an automatic stop may end earlier)
    /// Method-specific: Richardson–Lucy's I-divergence per observed pixel; the
    /// hyper-Laplacian's current beta.
    double value = 0.0;
};

/// How a long computation reports and is stopped. Both members may be empty. The engine
/// polls `cancel` once per iteration (or plane) and throws Cancelled when it is set.
struct Progress
{
    std::function<void(const IterationInfo&)> onIteration;
    const std::atomic<bool>* cancel = nullptr;

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
    void throwIfCancelled() const
    {
        if (cancelled())
            throw Cancelled();
    }
};

} // namespace latentlens::engine
