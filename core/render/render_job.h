#pragma once
// RenderJob: one render as the queue sees it, a plain value with an explicit state. The request
// and the output are shared read-only with the worker thread, so copying a job never copies a
// source clip or a finished video.

#include "core/render/render_pass.h"
#include "core/render/take_output.h"
#include "inference/engine.h"

#include <QDateTime>
#include <QImage>
#include <QMetaType>
#include <QString>

#include <memory>

namespace mbq {

enum class JobState { Queued, Running, Succeeded, Failed, Cancelled };

inline bool isFinished(JobState state)
{
    return state == JobState::Succeeded || state == JobState::Failed
        || state == JobState::Cancelled;
}

using RenderRequestPtr = std::shared_ptr<const RenderRequest>;
using RenderOutputPtr = std::shared_ptr<const RenderOutput>;

struct RenderJob
{
    quint64 id = 0; // unique within the queue, never reused
    quint64 retryOf = 0; // the job this one retries (RenderQueue::retry); 0 for a first try
    QString label;
    RenderRequestPtr request;
    TakeOutputSpec outputs;   // where the render thread writes the take's files; may be empty
    QString modelFolder; // the model it must render with; empty: the one loaded
    JobState state = JobState::Queued;
    bool cancelRequested = false; // Running, asked to stop, waiting for the next step
    Progress progress{Stage::LoadModel, 0, 0};
    RenderPass pass = RenderPass::LoadModel; // what `progress` counts the units of
    double etaSeconds = -1.0; // time left in `pass`; < 0: unknown
    QString error;            // why it Failed
    RenderOutputPtr output;   // Succeeded, or Cancelled with the finished part
    TakeFilesPtr files;       // what was written for `outputs`, once finished
    QImage preview;           // latest preview frame
    RenderPass previewPass = RenderPass::Render; // the denoising pass `preview` comes from
    QDateTime enqueuedAt;
    QDateTime startedAt;
    QDateTime finishedAt;

    bool isFinished() const { return mbq::isFinished(state); }
};

} // namespace mbq

// Qt 6 registers these on first use; queued signals and QVariant roles need only the declaration.
Q_DECLARE_METATYPE(mbq::JobState)
Q_DECLARE_METATYPE(mbq::Stage)
Q_DECLARE_METATYPE(mbq::Progress)
Q_DECLARE_METATYPE(mbq::ModelInfo)
Q_DECLARE_METATYPE(mbq::EngineSettings)
Q_DECLARE_METATYPE(mbq::MemoryReadout)
Q_DECLARE_METATYPE(mbq::RenderOutputPtr)
