#pragma once

#include "app/gui/metatypes.h"

#include "engine/core/image.h"
#include "engine/deconv/deconvolution.h"

#include <QObject>
#include <QString>
#include <QVariant>

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace latentlens::app {

/// The studio's one worker thread for engine jobs (deblurs, training, evaluation).
///
/// Jobs carry a key, e.g. "wiener" or "latent": a new job replaces the pending job of its
/// key and cancels the running one, so dragging the defocus slider never builds a backlog
/// and the last request is always the one that ends up shown. Jobs of different keys run
/// one after another in the order they were submitted. A job receives an engine::Progress
/// whose cancel flag it must honour (the engine's methods check it every iteration, tile
/// or batch); its result comes back as a signal on the thread that owns the worker.
class JobWorker : public QObject
{
    Q_OBJECT

public:
    /// Runs on the worker thread; returns the result or throws (engine::Cancelled when
    /// cancelled, any other exception as a failure).
    using Job = std::function<QVariant(const engine::Progress&)>;

    explicit JobWorker(QObject* parent = nullptr);
    /// Cancels everything and waits for the running job to return.
    ~JobWorker() override;

    /// Queues `job` under `key`; returns its id (increasing from 1).
    quint64 submit(const QString& key, Job job);
    /// Drops the pending job of `key` and cancels the running one.
    void cancel(const QString& key);
    void cancelAll();
    /// True while a job runs or waits.
    bool busy() const;
    /// Jobs waiting (not the running one): at most one per key.
    std::size_t pendingCount() const;

signals:
    void started(const QString& key, quint64 id);
    /// One engine iteration (RL iteration, HL step, tile, training batch) done.
    void progress(const QString& key, quint64 id, const engine::IterationInfo& info);
    void finished(const QString& key, quint64 id, const QVariant& result, double seconds);
    void failed(const QString& key, quint64 id, const QString& message);
    void cancelled(const QString& key, quint64 id);

private:
    struct Request
    {
        QString key;
        quint64 id = 0;
        Job job;
    };
    void run();

    mutable std::mutex mMutex;
    std::condition_variable mWake;
    std::deque<Request> mPending;
    QString mRunningKey;
    bool mRunning = false;
    std::shared_ptr<std::atomic<bool>> mRunningCancel;
    quint64 mNextId = 1;
    bool mStopping = false;
    std::thread mThread; // last: starts after the members above exist
};

} // namespace latentlens::app
