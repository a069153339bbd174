#include "core/render/resume_tracker.h"

#include "core/project/render_request.h"
#include "core/render/take_runner.h"
#include "inference/trajectory_key.h"

namespace mbq {
namespace {

// Take ids restart at "take-1" in every project; the creation time tells a reopened project's
// take from a different one with the same id.
QString takeKey(const Take &take)
{
    return take.id + QLatin1Char('@') + QString::number(take.created.toMSecsSinceEpoch());
}

} // namespace

ResumeTracker::ResumeTracker(ProjectDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
{
    connect(m_document, &ProjectDocument::changed, this, [this] {
        noteNewTakes();
        update();
    });
    noteNewTakes();
    update();
}

ResumeTracker::Origin ResumeTracker::currentOrigin() const
{
    const ProjectData &data = m_document->data();
    return {data.modelFolder, data.sourceClip};
}

void ResumeTracker::noteNewTakes()
{
    const Origin origin = currentOrigin();
    for (const Take &take : m_document->data().takes) {
        const QString key = takeKey(take);
        if (!m_origins.contains(key))
            m_origins.insert(key, origin);
    }
}

void ResumeTracker::update()
{
    const ProjectData &data = m_document->data();
    const Origin origin = currentOrigin();
    const QVector<Take> &takes = data.takes;
    // Requests without source pixels (the origin check below stands for the source), so the
    // keys are cheap enough to compute on every edit.
    const RenderRequest next = renderRequestFor(
        TakeRunner::parametersFor(data.parameters, RenderKind::Full, data.modelFamily));
    int step = -1;
    for (auto it = takes.rbegin(); it != takes.rend(); ++it) {
        if (it->state != TakeState::Succeeded || m_origins.value(takeKey(*it)) != origin)
            continue;
        const int shared = sharedSteps(renderRequestFor(it->parameters), next);
        step = shared > 0 ? shared : -1;
        break;
    }
    if (step == m_resumeStep)
        return;
    m_resumeStep = step;
    emit resumeStepChanged(step);
}

} // namespace mbq
