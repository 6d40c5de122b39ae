#include "app/gui/stackresults.h"

#include "engine/core/exception.h"
#include "engine/core/systemmemory.h"

#include <QDir>

namespace latentlens::app {

StackResults::StackResults(
    std::size_t width, std::size_t height, std::size_t planes, std::size_t budgetBytes)
    : mWidth(width), mHeight(height), mPlanes(planes), mBudget(budgetBytes)
{ }

void StackResults::add(const QString& method, std::size_t plane, const engine::Image& values,
    const QString& parameters)
{
    if (values.width() != mWidth || values.height() != mHeight || values.planeCount() != 1
        || plane >= mPlanes)
        throw engine::InvalidArgument("A stack result has another size than the stack's planes.");
    const std::size_t bytes = values.size() * sizeof(float);
    std::lock_guard lock(mMutex);
    if (!mSlots.contains(method)) {
        mMethods.push_back(method);
        mSlots[method].resize(mPlanes);
    }
    Slot slot;
    slot.parameters = parameters;
    if (mInMemory + bytes <= mBudget) {
        slot.values.assign(values.values().begin(), values.values().end());
        mInMemory += bytes;
    } else {
        if (!mSpill) {
            mSpill = std::make_unique<QTemporaryFile>(
                QDir::temp().filePath(QStringLiteral("latentlens-stack-XXXXXX.raw")));
            if (!mSpill->open())
                throw engine::IoError(mSpill->fileName().toStdString(),
                    "the temporary file for stack results cannot be created.");
        }
        slot.offset = mSpill->size();
        mSpill->seek(slot.offset);
        if (mSpill->write(reinterpret_cast<const char*>(values.values().data()), qint64(bytes))
                != qint64(bytes)
            || !mSpill->flush())
            throw engine::IoError(mSpill->fileName().toStdString(),
                "stack results cannot be written to the temporary file (is the disk full?).");
        mOnDisk += bytes;
    }
    auto& old = mSlots[method][plane];
    if (old && !old->values.empty())
        mInMemory -= old->values.size() * sizeof(float);
    old = std::move(slot);
}

std::optional<engine::Image> StackResults::plane(const QString& method, std::size_t plane) const
{
    std::lock_guard lock(mMutex);
    auto it = mSlots.constFind(method);
    if (it == mSlots.constEnd() || plane >= it->size() || !(*it)[plane])
        return std::nullopt;
    const Slot& slot = *(*it)[plane];
    engine::Image out(mWidth, mHeight);
    if (!slot.values.empty()) {
        std::copy(slot.values.begin(), slot.values.end(), out.values().begin());
    } else {
        const qint64 bytes = qint64(out.size() * sizeof(float));
        if (!mSpill || !mSpill->seek(slot.offset)
            || mSpill->read(reinterpret_cast<char*>(out.values().data()), bytes) != bytes)
            return std::nullopt;
    }
    return out;
}

std::vector<std::size_t> StackResults::planesOf(const QString& method) const
{
    std::lock_guard lock(mMutex);
    std::vector<std::size_t> out;
    auto it = mSlots.constFind(method);
    if (it != mSlots.constEnd())
        for (std::size_t p = 0; p < it->size(); ++p)
            if ((*it)[p])
                out.push_back(p);
    return out;
}

QStringList StackResults::methods() const
{
    std::lock_guard lock(mMutex);
    return mMethods;
}

QStringList StackResults::parametersOf(const QString& method) const
{
    std::lock_guard lock(mMutex);
    QStringList out;
    auto it = mSlots.constFind(method);
    if (it != mSlots.constEnd())
        for (const auto& slot : *it)
            if (slot)
                out.push_back(slot->parameters);
    return out;
}

std::size_t StackResults::bytesInMemory() const
{
    std::lock_guard lock(mMutex);
    return mInMemory;
}

std::size_t StackResults::bytesOnDisk() const
{
    std::lock_guard lock(mMutex);
    return mOnDisk;
}

std::size_t defaultStackBudget()
{
    const std::size_t memory = engine::physicalMemoryBytes();
    return memory > 0 ? memory / 4 : std::size_t(1) << 30;
}

} // namespace latentlens::app
