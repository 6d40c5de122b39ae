#pragma once

#include "engine/core/image.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QTemporaryFile>

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace latentlens::app {

/// The results of a whole-stack deblur, plane by plane and method by method, filled by the
/// worker as planes finish (so a Stop keeps what was done) and read by the window.
///
/// Memory stays bounded: once the planes kept in RAM reach `budgetBytes`, further planes go
/// to a temporary file (deleted with the object) and are read back when asked for.
/// Thread-safe.
class StackResults
{
public:
    StackResults(
        std::size_t width, std::size_t height, std::size_t planes, std::size_t budgetBytes);

    /// Stores `values` (width x height) as `method`'s result for `plane`. Throws
    /// engine::IoError when the temporary file cannot be written.
    void add(const QString& method, std::size_t plane, const engine::Image& values,
        const QString& parameters);
    /// `method`'s result for `plane`, if it was computed.
    std::optional<engine::Image> plane(const QString& method, std::size_t plane) const;
    /// Planes of `method` computed so far, in increasing order.
    std::vector<std::size_t> planesOf(const QString& method) const;
    /// Methods with at least one plane, in the order they were first added.
    QStringList methods() const;
    /// The parameters `method` reported for each computed plane ("NSR 0.01 (UPRE)", ...).
    QStringList parametersOf(const QString& method) const;

    std::size_t width() const { return mWidth; }
    std::size_t height() const { return mHeight; }
    std::size_t planeCount() const { return mPlanes; }
    std::size_t budgetBytes() const { return mBudget; }
    std::size_t bytesInMemory() const;
    std::size_t bytesOnDisk() const;

    /// What the results were computed with (ComparisonRunner::contextKey), so that the window
    /// shows them only while the settings are the same.
    QString context;

private:
    struct Slot
    {
        std::vector<float> values; ///< empty when on disk
        qint64 offset = -1; ///< into the temporary file
        QString parameters;
    };
    std::size_t mWidth, mHeight, mPlanes, mBudget;
    mutable std::mutex mMutex;
    QStringList mMethods;
    QHash<QString, std::vector<std::optional<Slot>>> mSlots;
    std::size_t mInMemory = 0, mOnDisk = 0;
    mutable std::unique_ptr<QTemporaryFile> mSpill;
};

/// A quarter of the machine's physical memory: the default budget of a whole-stack run.
std::size_t defaultStackBudget();

} // namespace latentlens::app
