#include "app/gui/jobworker.h"

#include <chrono>
#include <exception>

namespace latentlens::app {

JobWorker::JobWorker(QObject* parent) : QObject(parent), mThread([this] { run(); })
{
    qRegisterMetaType<engine::IterationInfo>();
}

JobWorker::~JobWorker()
{
    {
        std::lock_guard lock(mMutex);
        mStopping = true;
        mPending.clear();
        if (mRunningCancel)
            mRunningCancel->store(true);
    }
    mWake.notify_all();
    mThread.join();
}

quint64 JobWorker::submit(const QString& key, Job job)
{
    quint64 id = 0;
    {
        std::lock_guard lock(mMutex);
        id = mNextId++;
        // A newer request of the same key makes the older one stale.
        for (auto it = mPending.begin(); it != mPending.end();)
            it = it->key == key ? mPending.erase(it) : it + 1;
        if (mRunning && mRunningKey == key && mRunningCancel)
            mRunningCancel->store(true);
        mPending.push_back({ key, id, std::move(job) });
    }
    mWake.notify_one();
    return id;
}

void JobWorker::cancel(const QString& key)
{
    std::lock_guard lock(mMutex);
    for (auto it = mPending.begin(); it != mPending.end();)
        it = it->key == key ? mPending.erase(it) : it + 1;
    if (mRunning && mRunningKey == key && mRunningCancel)
        mRunningCancel->store(true);
}

void JobWorker::cancelAll()
{
    std::lock_guard lock(mMutex);
    mPending.clear();
    if (mRunning && mRunningCancel)
        mRunningCancel->store(true);
}

bool JobWorker::busy() const
{
    std::lock_guard lock(mMutex);
    return mRunning || !mPending.empty();
}

std::size_t JobWorker::pendingCount() const
{
    std::lock_guard lock(mMutex);
    return mPending.size();
}

void JobWorker::run()
{
    for (;;) {
        Request request;
        std::shared_ptr<std::atomic<bool>> cancel;
        {
            std::unique_lock lock(mMutex);
            mWake.wait(lock, [this] { return mStopping || !mPending.empty(); });
            if (mStopping)
                return;
            request = std::move(mPending.front());
            mPending.pop_front();
            cancel = std::make_shared<std::atomic<bool>>(false);
            mRunning = true;
            mRunningKey = request.key;
            mRunningCancel = cancel;
        }
        // Signals emitted here reach receivers on the owner's thread through its event loop.
        emit started(request.key, request.id);
        engine::Progress progress;
        progress.cancel = cancel.get();
        progress.onIteration = [this, &request](const engine::IterationInfo& info) {
            emit this->progress(request.key, request.id, info);
        };
        const auto t0 = std::chrono::steady_clock::now();
        try {
            QVariant result = request.job(progress);
            const double seconds
                = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            if (cancel->load()) // finished just as it was replaced: stale all the same
                emit cancelled(request.key, request.id);
            else
                emit finished(request.key, request.id, result, seconds);
        } catch (const engine::Cancelled&) {
            emit cancelled(request.key, request.id);
        } catch (const std::bad_alloc&) {
            emit failed(request.key, request.id,
                tr("Not enough memory for this job. Try a smaller image or region."));
        } catch (const std::exception& e) {
            emit failed(request.key, request.id, QString::fromUtf8(e.what()));
        } catch (...) {
            emit failed(request.key, request.id, tr("The job failed for an unknown reason."));
        }
        std::lock_guard lock(mMutex);
        mRunning = false;
        mRunningCancel.reset();
    }
}

} // namespace latentlens::app
