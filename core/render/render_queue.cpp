#include "core/render/render_queue.h"

#include <QDeadlineTimer>
#include <QThread>
#include <QtDebug>

namespace mbq {
namespace {

double progressFraction(const RenderJob &job)
{
    if (job.state == JobState::Succeeded)
        return 1.0;
    const Progress &p = job.progress;
    switch (p.stage) {
    case Stage::LoadModel:
    case Stage::EncodeSource:
    case Stage::InvertSource:
    case Stage::ExtractQ:
        return 0.0;
    case Stage::Denoise:
        return p.total > 0 ? double(p.step) / p.total : 0.0;
    case Stage::Decode:
    case Stage::Metrics:
        return 1.0;
    }
    return 0.0;
}

} // namespace

RenderQueue::RenderQueue(EngineFactory factory, QObject *parent)
    : QAbstractListModel(parent)
    , m_thread(new QThread)
    , m_worker(new RenderWorker(std::move(factory)))
{
    m_thread->setObjectName(QStringLiteral("mbq-render"));
    m_worker->moveToThread(m_thread);
    // Deleting the worker on its own thread destroys the engine where it was created.
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);

    connect(m_worker, &RenderWorker::progressChanged, this, &RenderQueue::onProgress);
    connect(m_worker, &RenderWorker::previewReady, this, &RenderQueue::onPreview);
    connect(m_worker, &RenderWorker::jobFinished, this, &RenderQueue::onJobFinished);
    connect(m_worker, &RenderWorker::jobFailed, this, &RenderQueue::onJobFailed);
    connect(m_worker, &RenderWorker::deviceNameReady, this, &RenderQueue::onDeviceName);
    connect(m_worker, &RenderWorker::memoryRead, this, [this](const MemoryReadout &memory) {
        m_memory = memory;
        emit memoryChanged(memory);
    });
    connect(m_worker, &RenderWorker::modelLoaded, this, &RenderQueue::modelLoaded);
    connect(m_worker, &RenderWorker::modelLoadFailed, this, &RenderQueue::modelLoadFailed);
    connect(m_worker, &RenderWorker::configured, this, &RenderQueue::engineConfigured);
    connect(m_worker, &RenderWorker::configureFailed, this, &RenderQueue::engineConfigureFailed);

    m_thread->start();
    QMetaObject::invokeMethod(m_worker, &RenderWorker::initialize, Qt::QueuedConnection);
}

RenderQueue::~RenderQueue()
{
    // The worker may still emit while we wait; none of that may reach a half-destroyed queue.
    m_worker->disconnect(this);
    for (Entry &entry : m_entries)
        entry.cancel->store(true);
    m_thread->quit();
    if (m_thread->wait(QDeadlineTimer(m_shutdownTimeoutMs))) {
        delete m_thread;
        return;
    }
    // The engine ignored cancel (e.g. stuck in a long kernel). Leave the thread to finish on
    // its own; the worker owns everything it still uses, so nothing dangles.
    qWarning("RenderQueue: the render thread did not stop within %d ms; detaching it",
             m_shutdownTimeoutMs);
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    if (m_thread->isFinished())
        delete m_thread; // finished between wait() and connect(); also drops a posted delete
}

int RenderQueue::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant RenderQueue::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RenderJob &job = m_entries[size_t(index.row())].job;
    switch (role) {
    case Qt::DisplayRole:
    case LabelRole:
        return job.label;
    case IdRole:
        return QVariant::fromValue(job.id);
    case StateRole:
        return QVariant::fromValue(job.state);
    case StageRole:
        return QVariant::fromValue(job.progress.stage);
    case StepRole:
        return job.progress.step;
    case TotalRole:
        return job.progress.total;
    case ProgressRole:
        return progressFraction(job);
    case EtaRole:
        return job.etaSeconds;
    case PassRole:
        return QVariant::fromValue(job.pass);
    case ErrorRole:
        return job.error;
    case PreviewRole:
        return job.preview;
    case CancelRequestedRole:
        return job.cancelRequested;
    case DurationRole: {
        if (!job.startedAt.isValid())
            return -1.0;
        const QDateTime end =
                job.finishedAt.isValid() ? job.finishedAt : QDateTime::currentDateTime();
        return job.startedAt.msecsTo(end) / 1000.0;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> RenderQueue::roleNames() const
{
    return {
            {IdRole, "id"},
            {LabelRole, "label"},
            {StateRole, "state"},
            {StageRole, "stage"},
            {StepRole, "step"},
            {TotalRole, "total"},
            {ProgressRole, "progress"},
            {EtaRole, "eta"},
            {ErrorRole, "error"},
            {PreviewRole, "preview"},
            {CancelRequestedRole, "cancelRequested"},
            {DurationRole, "duration"},
            {PassRole, "pass"},
    };
}

quint64 RenderQueue::enqueue(const QString &label, RenderRequest request, TakeOutputSpec outputs,
                             const QString &modelFolder)
{
    return enqueueShared(label, std::make_shared<const RenderRequest>(std::move(request)),
                         std::move(outputs), modelFolder, 0);
}

quint64 RenderQueue::enqueueShared(const QString &label, RenderRequestPtr request,
                                   TakeOutputSpec outputs, const QString &modelFolder,
                                   quint64 retryOf)
{
    Entry entry;
    entry.job.id = m_nextId++;
    entry.job.retryOf = retryOf;
    entry.job.label = label;
    entry.job.request = std::move(request);
    entry.job.outputs = std::move(outputs);
    entry.job.modelFolder = modelFolder;
    entry.job.enqueuedAt = QDateTime::currentDateTime();
    entry.cancel = std::make_shared<std::atomic<bool>>(false);
    const quint64 id = entry.job.id;

    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.push_back(std::move(entry));
    endInsertRows();
    emit jobStateChanged(id, JobState::Queued);
    startNext();
    return id;
}

void RenderQueue::cancel(quint64 id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    Entry &entry = m_entries[size_t(row)];
    if (entry.job.state == JobState::Queued) {
        finish(row, JobState::Cancelled);
    } else if (entry.job.state == JobState::Running && !entry.job.cancelRequested) {
        // Directly, not through the worker's event queue: the worker is busy rendering.
        entry.cancel->store(true);
        entry.job.cancelRequested = true;
        rowChanged(row);
    }
}

quint64 RenderQueue::retry(quint64 id)
{
    const int row = rowOf(id);
    if (row < 0)
        return 0;
    const RenderJob &job = m_entries[size_t(row)].job;
    if (job.state != JobState::Failed && job.state != JobState::Cancelled)
        return 0;
    return enqueueShared(job.label, job.request, job.outputs, job.modelFolder, id);
}

void RenderQueue::removeFinished()
{
    for (int row = int(m_entries.size()) - 1; row >= 0; --row) {
        if (!m_entries[size_t(row)].job.isFinished())
            continue;
        beginRemoveRows({}, row, row);
        m_entries.erase(m_entries.begin() + row);
        endRemoveRows();
    }
}

std::optional<RenderJob> RenderQueue::job(quint64 id) const
{
    const int row = rowOf(id);
    if (row < 0)
        return std::nullopt;
    return m_entries[size_t(row)].job;
}

int RenderQueue::rowOf(quint64 id) const
{
    for (size_t row = 0; row < m_entries.size(); ++row) {
        if (m_entries[row].job.id == id)
            return int(row);
    }
    return -1;
}

void RenderQueue::loadModel(const QString &folder)
{
    QMetaObject::invokeMethod(
            m_worker, [worker = m_worker, folder] { worker->loadModel(folder); },
            Qt::QueuedConnection);
}

// The worker runs one event at a time, so this waits for a running job to return; and the next
// job is handed over only after that job's jobFinished reached startNext(), which posts it
// behind this call.
void RenderQueue::configure(const EngineSettings &settings)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, settings] { worker->configure(settings); },
        Qt::QueuedConnection);
}

int RenderQueue::previewsInFlight() const
{
    return m_worker->previewsInFlight();
}

// Hands the oldest queued job to the worker when it is idle. One job at a time keeps queued
// jobs here, where cancel can drop them without the worker ever seeing them.
void RenderQueue::startNext()
{
    if (m_runningId != 0)
        return;
    for (size_t row = 0; row < m_entries.size(); ++row) {
        Entry &entry = m_entries[row];
        if (entry.job.state != JobState::Queued)
            continue;
        entry.job.state = JobState::Running;
        entry.job.startedAt = QDateTime::currentDateTime();
        m_runningId = entry.job.id;
        QMetaObject::invokeMethod(
            m_worker,
            [worker = m_worker, id = entry.job.id, request = entry.job.request,
             outputs = entry.job.outputs, model = entry.job.modelFolder,
             cancel = entry.cancel] { worker->run(id, request, outputs, model, cancel); },
            Qt::QueuedConnection);
        rowChanged(int(row));
        emit jobStateChanged(m_runningId, JobState::Running);
        return;
    }
}

void RenderQueue::finish(int row, JobState state)
{
    RenderJob &job = m_entries[size_t(row)].job;
    const quint64 id = job.id;
    job.state = state;
    job.cancelRequested = false;
    job.etaSeconds = -1.0;
    job.finishedAt = QDateTime::currentDateTime();
    if (m_runningId == id)
        m_runningId = 0;
    rowChanged(row);
    // Receivers may change the queue; `job` is not used past this point.
    emit jobStateChanged(id, state);
    emit jobFinished(id, state);
    startNext();
}

void RenderQueue::rowChanged(int row)
{
    const QModelIndex changed = index(row);
    emit dataChanged(changed, changed);
}

void RenderQueue::onProgress(quint64 id, const Progress &progress, RenderPass pass,
                             double etaSeconds)
{
    const int row = rowOf(id);
    if (row < 0 || m_entries[size_t(row)].job.state != JobState::Running)
        return;
    RenderJob &job = m_entries[size_t(row)].job;
    job.progress = progress;
    job.pass = pass;
    job.etaSeconds = etaSeconds;
    rowChanged(row);
    emit jobProgress(id, progress, etaSeconds);
}

void RenderQueue::onPreview(quint64 id, const QImage &image, RenderPass pass)
{
    const int row = rowOf(id);
    if (row >= 0) {
        m_entries[size_t(row)].job.preview = image;
        m_entries[size_t(row)].job.previewPass = pass;
        rowChanged(row);
    }
    emit previewReady(id, image);
    // Released only now, so a slow receiver above holds its slot and the worker drops extras.
    m_worker->releasePreview();
}

void RenderQueue::onJobFinished(quint64 id, const RenderOutputPtr &output,
                                const TakeFilesPtr &files)
{
    const int row = rowOf(id);
    if (row < 0)
        return; // cannot happen: removeFinished() keeps the running job
    m_entries[size_t(row)].job.output = output;
    m_entries[size_t(row)].job.files = files;
    finish(row, output->cancelled ? JobState::Cancelled : JobState::Succeeded);
}

void RenderQueue::onJobFailed(quint64 id, const QString &message)
{
    const int row = rowOf(id);
    if (row < 0)
        return; // cannot happen: removeFinished() keeps the running job
    m_entries[size_t(row)].job.error = message;
    finish(row, JobState::Failed);
}

void RenderQueue::onDeviceName(const QString &name)
{
    m_deviceName = name;
    emit deviceNameChanged(name);
}

} // namespace mbq
