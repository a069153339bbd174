#include "core/render/take_output.h"

#include "core/media/decode.h"
#include "core/media/source_clip.h"
#include "core/media/video_writer.h"
#include "core/metrics/clip_metrics.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

#include <cmath>

namespace mbq {
namespace {

QString pathIn(const TakeOutputSpec &spec, const QString &suffix)
{
    return QDir(spec.directory).filePath(spec.baseName + suffix);
}

Error fileError(const QString &path, const QString &problem)
{
    return makeError(ErrorCode::Io,
                     QStringLiteral("cannot write %1: %2").arg(path, problem).toStdString());
}

// Totals for the timeline, the captions and the trade-off plot; undefined ones are left out.
QMap<QString, double> totalsOf(const MetricsReport &report)
{
    QMap<QString, double> totals;
    const auto put = [&](const char *key, double value) {
        if (std::isfinite(value))
            totals.insert(QLatin1String(key), value);
    };
    put("motion_fidelity", report.fidelity.score);
    if (report.leak.hasBaseline)
        put("identity_leak", report.leak.leak);
    if (report.baselineFidelity)
        put("baseline_fidelity", report.baselineFidelity->score);
    put("temporal_warp_error", report.consistency.warpError);
    return totals;
}

// A baseline promised by an earlier take that failed never appeared: render one instead.
bool reusesBaseline(const TakeOutputSpec &spec)
{
    return !spec.existingBaseline.isEmpty() && QFileInfo::exists(spec.existingBaseline);
}

} // namespace

Result<RenderRequest> prepareTakeRequest(const RenderRequest &request, const TakeOutputSpec &spec)
{
    RenderRequest prepared = request;
    if (spec.isEmpty())
        return prepared;
    if (!QDir().mkpath(spec.directory))
        return fileError(spec.directory, QStringLiteral("the folder cannot be created"));
    prepared.latentPath = pathIn(spec, QStringLiteral(".latent.safetensors")).toStdString();
    const bool transfer = !request.injection.isOff();
    if (transfer && prepared.source.empty() && !spec.sourceClip.isEmpty()) {
        auto source = loadConformedSource(spec.sourceClip, request.settings);
        if (!source)
            return source.error();
        prepared.source = std::move(source->frames);
    }
    // The baseline is the reference for identity leak: rendered once per prompt, seed and
    // settings, then reused by every take that only changes the injection.
    prepared.wantBaseline = transfer && !reusesBaseline(spec);
    return prepared;
}

Result<TakeFiles> writeTakeFiles(const RenderRequest &request, const RenderOutput &output,
                                 const TakeOutputSpec &spec,
                                 const std::function<void(const Progress &)> &progress)
{
    TakeFiles files;
    if (spec.isEmpty())
        return files;
    files.latentPath = QString::fromStdString(request.latentPath);
    if (output.cancelled || output.frames.empty())
        return files;

    EncodeOptions encode;
    encode.metadataJson = spec.metadataJson;
    files.videoPath = pathIn(spec, QStringLiteral(".mp4"));
    if (auto written = encodeVideo(output.frames, files.videoPath, encode); !written)
        return written.error();

    VideoFrames reusedBaseline;
    const VideoFrames *baseline = nullptr;
    if (!output.baseline.empty()) {
        files.baselinePath = pathIn(spec, QStringLiteral(".baseline.mp4"));
        if (auto written = encodeVideo(output.baseline, files.baselinePath, encode); !written)
            return written.error();
        baseline = &output.baseline;
    } else if (reusesBaseline(spec)) {
        files.baselinePath = spec.existingBaseline;
        if (auto decoded = decodeVideo(spec.existingBaseline)) {
            reusedBaseline = std::move(decoded->frames);
            baseline = &reusedBaseline;
        } else {
            files.warnings << QString::fromStdString(decoded.error().message);
        }
    }

    if (request.source.empty())
        return files; // text-to-video: nothing to measure against
    if (progress)
        progress({Stage::Metrics, 0, 1});
    auto report = computeMetrics(request.source, output.frames, baseline);
    if (!report) {
        files.warnings << QString::fromStdString(report.error().message);
        return files;
    }
    files.metrics = totalsOf(*report);
    files.metricsPath = pathIn(spec, QStringLiteral(".metrics.json"));
    QSaveFile file(files.metricsPath);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(QJsonDocument(report->toJson()).toJson()) < 0 || !file.commit())
        return fileError(files.metricsPath, file.errorString());
    if (progress)
        progress({Stage::Metrics, 1, 1});
    return files;
}

} // namespace mbq
