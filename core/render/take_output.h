#pragma once
// What the render thread does around the engine for one take of the studio: decode and conform
// the project's source clip, tell the engine where to save the latent (before it decodes), then
// write the videos and measure them. Running here, not on the UI thread, keeps the editor live
// while a 97 MB clip decodes or a metric tracks thousands of points.

#include "inference/engine.h"
#include "inference/result.h"

#include <QByteArray>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace mbq {

struct TakeOutputSpec
{
    QString directory; // created when missing; empty: nothing is written, nothing measured
    QString baseName;  // "take-3" → take-3.mp4, take-3.baseline.mp4, take-3.latent.safetensors,
                       // take-3.metrics.json
    // Decoded and conformed to the request's settings when the request carries no source yet
    // and its injection schedule is active.
    QString sourceClip;
    // A baseline rendered for the same prompt, seed, settings and model: reused (the engine
    // renders none) and measured against. When the file does not exist when the job runs (the
    // take that promised it failed), the baseline is rendered after all.
    QString existingBaseline;
    QByteArray metadataJson; // stored in the MP4's comment tag

    bool isEmpty() const { return directory.isEmpty(); }
};

struct TakeFiles
{
    QString videoPath;
    QString baselinePath;
    QString latentPath;
    QString metricsPath;
    QMap<QString, double> metrics; // "motion_fidelity", "identity_leak", ...
    QStringList warnings;          // source damage, metrics that could not be computed
};

using TakeFilesPtr = std::shared_ptr<const TakeFiles>;

// The request the engine should run: `request` plus the conformed source, the latent path and
// whether the engine must render a baseline. Fails with a message naming the source clip.
Result<RenderRequest> prepareTakeRequest(const RenderRequest &request, const TakeOutputSpec &spec);

// Writes the take's videos and metrics after the engine finished. A cancelled render has no
// frames: only the latent path (saved by the engine) is reported.
Result<TakeFiles> writeTakeFiles(const RenderRequest &request, const RenderOutput &output,
                                 const TakeOutputSpec &spec,
                                 const std::function<void(const Progress &)> &progress);

} // namespace mbq

Q_DECLARE_METATYPE(mbq::TakeFilesPtr)
