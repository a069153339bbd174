#pragma once
// ClipLoader: decodes clips (clip_frames.h) on a worker thread and hands the frames back on the
// owner's thread, so the UI never waits for FFmpeg. A new load() supersedes the one in flight:
// that one is cancelled within a frame and its result never delivered. Destroying the loader
// cancels what is running and waits for it, so no thread outlives the view that asked.

#include "ui/compare/clip_frames.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <vector>

class QThread;

namespace mbq {

class ClipLoader : public QObject
{
    Q_OBJECT

public:
    explicit ClipLoader(QObject *parent = nullptr);
    ~ClipLoader() override;

    void load(const QString &path);
    void cancel(); // the pending result, if any, is dropped
    bool isLoading() const { return m_loading; }

signals:
    void loaded(const mbq::ClipFrames &clip); // also for failures: see ClipFrames::error

private:
    struct Job
    {
        QThread *thread;
        std::shared_ptr<std::atomic<bool>> cancel;
    };

    std::vector<Job> m_jobs; // the current load and cancelled ones still winding down
    quint64 m_generation = 0;
    bool m_loading = false;
};

} // namespace mbq
