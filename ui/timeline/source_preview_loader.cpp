#include "ui/timeline/source_preview_loader.h"

#include <QThread>

#include <algorithm>

namespace mbq {
namespace {

constexpr int kThumbnails = 12;
constexpr int kThumbnailHeight = 72;

} // namespace

SourcePreviewLoader::SourcePreviewLoader(QObject *parent) : QObject(parent) {}

SourcePreviewLoader::~SourcePreviewLoader()
{
    for (QThread *thread : m_threads) {
        thread->wait();
        delete thread;
    }
}

void SourcePreviewLoader::request(const QString &path, const GenerationSettings &settings)
{
    const quint64 generation = ++m_generation;
    if (path.isEmpty()) {
        SourcePreview empty;
        emit loaded(empty);
        return;
    }
    QThread *thread = QThread::create([this, path, settings, generation] {
        SourcePreview preview = loadSourcePreview(path, settings, kThumbnails, kThumbnailHeight);
        QMetaObject::invokeMethod(
                this,
                [this, generation, preview = std::move(preview)] {
                    if (generation == m_generation)
                        emit loaded(preview);
                },
                Qt::QueuedConnection);
    });
    connect(thread, &QThread::finished, this, [this, thread] {
        m_threads.erase(std::remove(m_threads.begin(), m_threads.end(), thread), m_threads.end());
        thread->deleteLater();
    });
    m_threads.push_back(thread);
    thread->start(QThread::LowPriority);
}

} // namespace mbq
