#include "core/metrics/clip_metrics.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <utility>

namespace mbq {

namespace {

QJsonValue number(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

QJsonArray curve(const std::vector<double> &values)
{
    QJsonArray array;
    for (double v : values)
        array.append(number(v));
    return array;
}

QJsonObject fidelityJson(const MotionFidelity &f)
{
    return {{QStringLiteral("score"), f.defined ? number(f.score) : QJsonValue()},
            {QStringLiteral("perStep"), curve(f.perStep)},
            {QStringLiteral("framesCompared"), f.framesCompared},
            {QStringLiteral("sourceTracks"), f.sourceTracks},
            {QStringLiteral("outputTracks"), f.outputTracks},
            {QStringLiteral("sourceMoving"), f.sourceMoving},
            {QStringLiteral("outputMoving"), f.outputMoving}};
}

} // namespace

QJsonObject MetricsReport::toJson() const
{
    QJsonObject json;
    json.insert(QStringLiteral("fidelity"), fidelityJson(fidelity));
    if (baselineFidelity)
        json.insert(QStringLiteral("baselineFidelity"), fidelityJson(*baselineFidelity));
    json.insert(QStringLiteral("identityLeak"),
                QJsonObject{{QStringLiteral("leak"),
                             leak.hasBaseline ? number(leak.leak) : QJsonValue()},
                            {QStringLiteral("outputSimilarity"), number(leak.outputSimilarity)},
                            {QStringLiteral("baselineSimilarity"),
                             leak.hasBaseline ? number(leak.baselineSimilarity) : QJsonValue()},
                            {QStringLiteral("perFrame"), curve(leak.perFrame)}});
    json.insert(QStringLiteral("temporalConsistency"),
                QJsonObject{{QStringLiteral("warpError"),
                             consistency.defined ? number(consistency.warpError) : QJsonValue()},
                            {QStringLiteral("validFraction"), number(consistency.validFraction)},
                            {QStringLiteral("perStep"), curve(consistency.perStep)}});
    return json;
}

Result<MetricsReport> computeMetrics(const VideoFrames &source, const VideoFrames &output,
                                     const VideoFrames *baseline, const MetricsOptions &options)
{
    const auto tooShort = [](const VideoFrames &clip) {
        return clip.count < 2 || clip.width <= 0 || clip.height <= 0
            || clip.rgb.size() < clip.frameBytes() * size_t(clip.count);
    };
    for (const auto &[clip, role] : {std::pair{&source, "source"}, std::pair{&output, "output"},
                                     std::pair{baseline, "baseline"}}) {
        if (clip && tooShort(*clip)) {
            return makeError(ErrorCode::InvalidArgument,
                             QCoreApplication::translate("mbq::Metrics",
                                                         "The %1 clip needs at least two frames")
                                 .arg(QLatin1String(role))
                                 .toStdString());
        }
    }
    MetricsReport report;
    // The source is tracked once per length it is compared at (usually once).
    const FidelityOptions &f = options.fidelity;
    const int outputFrames = std::min(source.count, output.count);
    const TrackSet sourceTracks = trackGrid(source, f.tracking, outputFrames);
    report.fidelity = compareTracks(sourceTracks, trackGrid(output, f.tracking, outputFrames), f);
    if (baseline) {
        const int baselineFrames = std::min(source.count, baseline->count);
        const TrackSet baselineTracks = trackGrid(*baseline, f.tracking, baselineFrames);
        report.baselineFidelity = baselineFrames == outputFrames
            ? compareTracks(sourceTracks, baselineTracks, f)
            : compareTracks(trackGrid(source, f.tracking, baselineFrames), baselineTracks, f);
    }
    report.leak = identityLeak(source, output, baseline, options.appearance);
    report.consistency = temporalConsistency(output, options.consistency);
    return report;
}

} // namespace mbq
