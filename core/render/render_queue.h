#pragma once
// RenderQueue: the list of render jobs as a model, and the owner of the render thread.
//
// One long-lived QThread runs a RenderWorker that owns the engine; jobs run one at a time in
// the order they were enqueued. The queue hands the worker one job at a time and hears back
// only through queued signals, so nothing here blocks the UI thread. Cancel is the exception
// by design: it sets the job's atomic flag directly, so a running job stops at its next step
// even while the worker is busy. See ARCHITECTURE.md, "Threading".

#include "core/render/render_job.h"
#include "core/render/render_worker.h"

#include <QAbstractListModel>

#include <optional>
#include <vector>

class QThread;

namespace mbq {

class RenderQueue : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1, // quint64
        LabelRole,                 // QString (also Qt::DisplayRole)
        StateRole,                 // mbq::JobState
        StageRole,                 // mbq::Stage
        StepRole,                  // int, finished units of the stage
        TotalRole,                 // int, units in the stage
        ProgressRole,              // double 0..1: denoising steps finished, 1 once past them
        EtaRole,                   // double seconds left in the pass, < 0 when unknown
        ErrorRole,                 // QString, why a job failed
        PreviewRole,               // QImage, the latest preview frame
        CancelRequestedRole,       // bool, running and asked to stop
        DurationRole,              // double seconds since it started, until it finished; < 0
                                   // when it never started
        PassRole,                  // mbq::RenderPass, what the stage's units are steps of
    };
    Q_ENUM(Role)

    // How long the destructor waits by default for a running job to honour its cancel flag.
    static constexpr int kDefaultShutdownTimeoutMs = 10000;

    // `factory` runs on the render thread: the engine is created and destroyed there.
    explicit RenderQueue(EngineFactory factory, QObject *parent = nullptr);
    // Cancels every job, stops the thread and waits for it at most shutdownTimeoutMs(); a
    // thread still busy after that is detached and cleans up after itself when it returns.
    ~RenderQueue() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // `outputs` names where the render thread writes the take's files (see take_output.h).
    // A job naming `modelFolder` renders with that model only: the worker loads it first when
    // it holds another (or a load of it failed), and fails the job when it does not load.
    quint64 enqueue(const QString &label, RenderRequest request, TakeOutputSpec outputs = {},
                    const QString &modelFolder = {});
    // Queued: Cancelled now, never runs. Running: stops at the next step, keeping what finished.
    void cancel(quint64 id);
    // Enqueues a copy of a Failed or Cancelled job, its retryOf naming that job (so whoever
    // waits for the original's outcome can follow it); returns its id, or 0 for other states.
    quint64 retry(quint64 id);
    void removeFinished();

    std::optional<RenderJob> job(quint64 id) const;
    int rowOf(quint64 id) const; // -1 when unknown

    // Asks the worker to load a model; answers with modelLoaded or modelLoadFailed.
    void loadModel(const QString &folder);
    // Asks the worker to apply engine settings; answers with engineConfigured (after
    // deviceNameChanged) or engineConfigureFailed. Queued behind the running job, so it never
    // changes the engine during a render: jobs handed over after this call use the result.
    void configure(const EngineSettings &settings);
    // The engine's compute device; empty until the worker has reported it.
    QString deviceName() const { return m_deviceName; }
    // The compute device's memory after the last job, model load or configure (unknown before).
    MemoryReadout memory() const { return m_memory; }
    // Previews sent by the worker and not yet handled here; never above
    // RenderWorker::kMaxPreviewsInFlight.
    int previewsInFlight() const;

    int shutdownTimeoutMs() const { return m_shutdownTimeoutMs; }
    void setShutdownTimeoutMs(int ms) { m_shutdownTimeoutMs = ms; }

signals:
    void jobStateChanged(quint64 id, mbq::JobState state);
    void jobFinished(quint64 id, mbq::JobState state);
    void jobProgress(quint64 id, const mbq::Progress &progress, double etaSeconds);
    void previewReady(quint64 id, const QImage &image);
    void modelLoaded(const mbq::ModelInfo &info);
    void modelLoadFailed(const QString &message);
    void deviceNameChanged(const QString &name);
    void memoryChanged(const mbq::MemoryReadout &memory);
    void engineConfigured(const mbq::EngineSettings &settings);
    // The engine refused `settings` and keeps its previous ones; `message` says why.
    void engineConfigureFailed(const mbq::EngineSettings &settings, const QString &message);

private:
    struct Entry
    {
        RenderJob job;
        CancelFlag cancel;
    };

    quint64 enqueueShared(const QString &label, RenderRequestPtr request, TakeOutputSpec outputs,
                          const QString &modelFolder, quint64 retryOf);
    void startNext();
    void finish(int row, JobState state);
    void rowChanged(int row);

    void onProgress(quint64 id, const mbq::Progress &progress, mbq::RenderPass pass,
                    double etaSeconds);
    void onPreview(quint64 id, const QImage &image, mbq::RenderPass pass);
    void onJobFinished(quint64 id, const mbq::RenderOutputPtr &output,
                       const mbq::TakeFilesPtr &files);
    void onJobFailed(quint64 id, const QString &message);
    void onDeviceName(const QString &name);

    std::vector<Entry> m_entries; // one per row, in enqueue order
    quint64 m_nextId = 1;
    quint64 m_runningId = 0; // the job handed to the worker, 0 when idle
    QString m_deviceName;
    MemoryReadout m_memory;
    int m_shutdownTimeoutMs = kDefaultShutdownTimeoutMs;
    QThread *m_thread = nullptr;   // may outlive the queue if a job ignores cancel
    RenderWorker *m_worker = nullptr; // lives on m_thread, deleted there when it finishes
};

} // namespace mbq
