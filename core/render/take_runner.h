#pragma once
// TakeRunner: what the editor's Render, Preview and Sweep do. It freezes the document's current
// parameters into a take, records the take in the document, hands the render to the queue with
// where its files go, and records the take's state, files and metrics as the job progresses.
// Lives on the UI thread; all heavy work happens on the render thread (see take_output.h).

#include "core/project/project_data.h"
#include "core/render/render_job.h"

#include <QHash>
#include <QObject>

namespace mbq {

class ProjectDocument;
class RenderQueue;

enum class RenderKind {
    Full,    // the current settings as they are
    Preview, // quicker: half the size, a third of the steps, about half the frames
};

// One cell of a sweep: a layer weight for every layer the schedule injects and a step-range end.
struct SweepCell
{
    float weight = 1.0f;
    int stepEnd = 0;
};

class TakeRunner : public QObject
{
    Q_OBJECT

public:
    TakeRunner(ProjectDocument *document, RenderQueue *queue, QObject *parent = nullptr);

    // The parameters a render of `kind` uses (Preview reduces them to sizes and a frame count
    // that model `family` takes; the schedule's step range is rescaled with the step count).
    static RenderParameters parametersFor(const RenderParameters &current, RenderKind kind,
                                          const QString &family);
    // True when Render or Preview of the project's current settings would render `rendered`
    // again: nothing was changed since the take with these parameters was made.
    static bool rendersCurrentSettings(const RenderParameters &rendered, const ProjectData &data);
    // The sweep grid: every combination of `weights` and `stepEnds`, in that order.
    static std::vector<SweepCell> sweepGrid(const std::vector<float> &weights,
                                            const std::vector<int> &stepEnds);

    // Records a new take and enqueues it; returns its id.
    QString render(RenderKind kind);
    // One take per cell, each with the current parameters but the cell's weight and end step.
    QStringList sweep(const std::vector<SweepCell> &cells);
    // Cancels the job rendering `takeId`, if it is queued or running.
    void cancel(const QString &takeId);

    // Where takes of the current project write their files: beside the project file
    // ("<name>.takes/"), or in the app's data folder while the project is untitled.
    QString takesDirectory() const;
    // The take a job renders; a retry of a job renders the same take. Empty when not ours.
    QString takeIdForJob(quint64 jobId) const;

signals:
    // Progress of a running take (fraction of denoising done, stage text), for the timeline.
    void takeProgress(const QString &takeId, double fraction, const QString &text);
    void takeFinished(const QString &takeId, mbq::TakeState state);
    // A denoising preview of the take's baseline or injected render (`pass`).
    void takePreview(const QString &takeId, const QImage &image, mbq::RenderPass pass);

private:
    QString enqueueTake(const RenderParameters &parameters, const QString &label);
    QString reusableBaseline(const RenderParameters &parameters) const;
    void onJobState(quint64 jobId, JobState state);
    void onJobProgress(quint64 jobId, const Progress &progress, double etaSeconds);

    ProjectDocument *m_document;
    RenderQueue *m_queue;
    mutable QHash<quint64, QString> m_takeOfJob; // retries are added as they are first seen
    QHash<QString, QString> m_promisedBaselines; // take id -> the baseline its render writes
    mutable QString m_untitledDirectory; // chosen once, on first use, for untitled projects
};

} // namespace mbq
