#include "core/render/take_runner.h"

#include "core/project/project_document.h"
#include "core/project/project_format.h"
#include "core/project/render_request.h"
#include "core/render/render_queue.h"
#include "inference/request_rules.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>

#include <algorithm>
#include <cmath>

namespace mbq {
namespace {

TakeState takeStateOf(JobState state)
{
    switch (state) {
    case JobState::Queued: return TakeState::Queued;
    case JobState::Running: return TakeState::Running;
    case JobState::Succeeded: return TakeState::Succeeded;
    case JobState::Failed: return TakeState::Failed;
    case JobState::Cancelled: return TakeState::Cancelled;
    }
    return TakeState::Failed;
}

// Keeps the injected share of the schedule when the step count changes.
void rescaleSteps(InjectionSchedule &schedule, int from, int to)
{
    if (from <= 0 || from == to)
        return;
    const bool nonEmpty = schedule.stepEnd > schedule.stepBegin;
    schedule.stepBegin = std::clamp(int(std::lround(double(schedule.stepBegin) * to / from)), 0, to);
    schedule.stepEnd = std::clamp(int(std::lround(double(schedule.stepEnd) * to / from)), 0, to);
    if (nonEmpty && schedule.stepEnd <= schedule.stepBegin)
        schedule.stepEnd = std::min(to, schedule.stepBegin + 1);
}

// The baseline depends on everything but the injection.
bool sameBaseline(const RenderParameters &a, const RenderParameters &b)
{
    return a.targetPrompt() == b.targetPrompt() && a.negativePrompt == b.negativePrompt
        && a.settings == b.settings;
}

} // namespace

TakeRunner::TakeRunner(ProjectDocument *document, RenderQueue *queue, QObject *parent)
    : QObject(parent), m_document(document), m_queue(queue)
{
    connect(m_queue, &RenderQueue::jobStateChanged, this, &TakeRunner::onJobState);
    connect(m_queue, &RenderQueue::jobProgress, this, &TakeRunner::onJobProgress);
    connect(m_queue, &RenderQueue::previewReady, this, [this](quint64 jobId, const QImage &image) {
        const QString take = takeIdForJob(jobId);
        const auto job = m_queue->job(jobId);
        if (!take.isEmpty() && job)
            emit takePreview(take, image, job->previewPass);
    });
}

RenderParameters TakeRunner::parametersFor(const RenderParameters &current, RenderKind kind,
                                           const QString &family)
{
    RenderParameters parameters = current;
    if (kind == RenderKind::Full)
        return parameters;
    // Halved, then snapped down to what the family takes (sizeBelow never goes under one
    // multiple); at least 5 frames, as motion needs a few, but never more than the full render.
    const RequestRules rules = rulesFor(family.toStdString());
    GenerationSettings &s = parameters.settings;
    s.width = rules.sizeBelow(s.width / 2);
    s.height = rules.sizeBelow(s.height / 2);
    s.frames = rules.framesBelow(std::min(s.frames, std::max(5, (s.frames - 1) / 2 + 1)));
    const int steps = std::max(4, int(std::lround(s.steps / 3.0)));
    rescaleSteps(parameters.schedule, s.steps, steps);
    s.steps = steps;
    parameters.shots.front().frames = s.frames;
    return parameters;
}

bool TakeRunner::rendersCurrentSettings(const RenderParameters &rendered, const ProjectData &data)
{
    return rendered == data.parameters
        || rendered == parametersFor(data.parameters, RenderKind::Preview, data.modelFamily);
}

std::vector<SweepCell> TakeRunner::sweepGrid(const std::vector<float> &weights,
                                             const std::vector<int> &stepEnds)
{
    std::vector<SweepCell> cells;
    for (float weight : weights) {
        for (int end : stepEnds)
            cells.push_back({weight, end});
    }
    return cells;
}

QString TakeRunner::takesDirectory() const
{
    if (!m_document->isUntitled()) {
        const QFileInfo file(m_document->filePath());
        return file.absoluteDir().filePath(file.completeBaseName() + QStringLiteral(".takes"));
    }
    if (m_untitledDirectory.isEmpty()) {
        const QString root = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
        m_untitledDirectory = QDir(root).filePath(QStringLiteral("untitled-%1").arg(
                        QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    }
    return m_untitledDirectory;
}

QString TakeRunner::reusableBaseline(const RenderParameters &parameters) const
{
    const QVector<Take> &takes = m_document->data().takes;
    for (auto it = takes.rbegin(); it != takes.rend(); ++it) {
        if (!sameBaseline(it->parameters, parameters))
            continue;
        const QString path = m_document->resolvedPath(it->baselinePath);
        if (it->state == TakeState::Succeeded && !path.isEmpty() && QFileInfo::exists(path))
            return path;
        // A take still waiting or rendering will write one first (jobs run in order); if it
        // fails, the render thread finds no file and renders the baseline itself.
        const bool pending = it->state == TakeState::Queued || it->state == TakeState::Running;
        if (pending && m_promisedBaselines.contains(it->id))
            return m_promisedBaselines.value(it->id);
    }
    return {};
}

QString TakeRunner::enqueueTake(const RenderParameters &parameters, const QString &label)
{
    Take take;
    take.id = m_document->newTakeId();
    take.label = label;
    take.created = QDateTime::currentDateTime();
    take.parameters = parameters;
    take.state = TakeState::Queued;
    m_document->recordTake(take);

    const ProjectData &data = m_document->data();
    TakeOutputSpec outputs;
    outputs.directory = takesDirectory();
    outputs.baseName = take.id;
    outputs.sourceClip = m_document->resolvedPath(data.sourceClip);
    outputs.existingBaseline = reusableBaseline(parameters);
    // The clip carries what made it, so it can be re-opened as a project.
    ProjectData frozen = data;
    frozen.parameters = parameters;
    frozen.takes.clear();
    frozen.sourceClip = outputs.sourceClip;
    frozen.modelFolder = m_document->resolvedPath(data.modelFolder);
    outputs.metadataJson = QJsonDocument(projectToJsonObject(frozen, QString()))
                                   .toJson(QJsonDocument::Compact);

    if (outputs.existingBaseline.isEmpty() && !parameters.schedule.isOff())
        m_promisedBaselines.insert(take.id, QDir(outputs.directory).filePath(take.id
                                                                    + QStringLiteral(".baseline.mp4")));
    const quint64 job
        = m_queue->enqueue(label, renderRequestFor(parameters), outputs, frozen.modelFolder);
    m_takeOfJob.insert(job, take.id);
    // The queue may have started it already, before it was known here.
    if (const auto queued = m_queue->job(job); queued && queued->state != JobState::Queued)
        onJobState(job, queued->state);
    return take.id;
}

QString TakeRunner::render(RenderKind kind)
{
    const ProjectData &data = m_document->data();
    const RenderParameters parameters = parametersFor(data.parameters, kind, data.modelFamily);
    const QString number = m_document->newTakeId().section(QLatin1Char('-'), -1);
    const QString label = kind == RenderKind::Preview ? tr("preview %1").arg(number)
                                                      : tr("take %1").arg(number);
    return enqueueTake(parameters, label);
}

QStringList TakeRunner::sweep(const std::vector<SweepCell> &cells)
{
    QStringList ids;
    for (const SweepCell &cell : cells) {
        RenderParameters parameters = m_document->data().parameters;
        for (LayerInjection &layer : parameters.schedule.layers) {
            if (layer.weight > 0.0f)
                layer.weight = cell.weight;
        }
        parameters.schedule.stepEnd = std::clamp(cell.stepEnd, parameters.schedule.stepBegin + 1,
                                                 parameters.settings.steps);
        ids << enqueueTake(parameters, tr("sweep w %1 · end %2")
                                               .arg(double(cell.weight), 0, 'f', 2)
                                               .arg(parameters.schedule.stepEnd));
    }
    return ids;
}

void TakeRunner::cancel(const QString &takeId)
{
    for (auto it = m_takeOfJob.begin(); it != m_takeOfJob.end(); ++it) {
        if (it.value() == takeId)
            m_queue->cancel(it.key());
    }
}

QString TakeRunner::takeIdForJob(quint64 jobId) const
{
    if (const auto it = m_takeOfJob.constFind(jobId); it != m_takeOfJob.constEnd())
        return it.value();
    // A retry (from the queue's Retry, of a cancelled or failed take or sweep cell) finishes
    // the take its original was rendering; the chain is followed once and remembered.
    const auto job = m_queue->job(jobId);
    if (!job || job->retryOf == 0)
        return {};
    const QString takeId = takeIdForJob(job->retryOf);
    if (!takeId.isEmpty())
        m_takeOfJob.insert(jobId, takeId);
    return takeId;
}

void TakeRunner::onJobState(quint64 jobId, JobState state)
{
    const QString takeId = takeIdForJob(jobId);
    const int index = m_document->data().takeIndex(takeId);
    if (index < 0)
        return; // not ours, or the artist removed the take meanwhile
    Take take = m_document->data().takes[index];
    take.state = takeStateOf(state);
    if (isFinished(state)) {
        if (const auto job = m_queue->job(jobId); job && job->files) {
            take.videoPath = job->files->videoPath;
            take.baselinePath = job->files->baselinePath;
            take.latentsPath = job->files->latentPath;
            take.metrics = job->files->metrics;
        }
    }
    m_document->recordTake(take);
    if (isFinished(state)) {
        emit takeProgress(takeId, -1.0, {});
        emit takeFinished(takeId, take.state);
    }
}

void TakeRunner::onJobProgress(quint64 jobId, const Progress &progress, double)
{
    const QString takeId = takeIdForJob(jobId);
    if (takeId.isEmpty())
        return;
    const double fraction = progress.stage == Stage::Denoise && progress.total > 0
            ? double(progress.step) / progress.total
            : (progress.stage == Stage::Decode || progress.stage == Stage::Metrics ? 1.0 : 0.0);
    const auto job = m_queue->job(jobId);
    const QString pass = passName(job ? job->pass : RenderPass::Render);
    const QString text = progress.total > 1
            ? QStringLiteral("%1 %2/%3").arg(pass).arg(progress.step).arg(progress.total)
            : pass;
    emit takeProgress(takeId, fraction, text);
}

} // namespace mbq
