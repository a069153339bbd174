#include "ui/compare/clip_loader.h"

#include <QThread>

#include <algorithm>

namespace mbq {

ClipLoader::ClipLoader(QObject *parent)
    : QObject(parent)
{ }

ClipLoader::~ClipLoader()
{
    for (const Job &job : m_jobs)
        job.cancel->store(true);
    for (const Job &job : m_jobs) {
        job.thread->wait();
        delete job.thread;
    }
}

void ClipLoader::load(const QString &path)
{
    cancel();
    const quint64 generation = m_generation;
    auto cancelFlag = std::make_shared<std::atomic<bool>>(false);
    QThread *thread = QThread::create([this, path, cancelFlag, generation] {
        ClipFrames clip = decodeClipFrames(path, *cancelFlag);
        if (cancelFlag->load())
            return;
        // Queued to this object's thread. The destructor waits for this thread before the
        // object goes, so `this` is alive here; a superseded result is dropped by generation.
        QMetaObject::invokeMethod(
            this,
            [this, generation, clip = std::move(clip)] {
                if (generation != m_generation)
                    return;
                m_loading = false;
                emit loaded(clip);
            },
            Qt::QueuedConnection);
    });
    thread->setObjectName(QStringLiteral("mbq clip decode"));
    m_jobs.push_back({thread, cancelFlag});
    connect(thread, &QThread::finished, this, [this, thread] {
        m_jobs.erase(std::remove_if(m_jobs.begin(), m_jobs.end(),
                                    [thread](const Job &job) { return job.thread == thread; }),
                     m_jobs.end());
        thread->deleteLater();
    });
    m_loading = true;
    thread->start(QThread::LowPriority);
}

void ClipLoader::cancel()
{
    ++m_generation;
    m_loading = false;
    for (const Job &job : m_jobs)
        job.cancel->store(true);
}

} // namespace mbq
