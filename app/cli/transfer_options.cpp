#include "app/cli/transfer_options.h"

#include "core/media/source_clip.h"
#include "core/metrics/clip_metrics.h"
#include "core/project/layer_selection.h"
#include "inference/injection_preset.h"
#include "inference/vc2_tools.h"

#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

#include <cmath>
#include <cstdio>

namespace mbq::cli {
namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "mbq: %s\n", qPrintable(message));
    return 1;
}

// The paper's setting for the family as the starting point when neither options nor a preset
// say: Wan, blocks 20-29 with single extraction at a low-noise timestep over about the first 58%
// of steps; VideoCrafter2, every spatial self-attention with per-step extraction over the first
// 40%. Replace at weight 1 in both.
InjectionSchedule defaultSchedule(int steps, const std::string &family,
                                  const std::vector<std::string> &known)
{
    InjectionSchedule schedule;
    if (isVc2Family(family)) {
        for (const std::string &id : known) {
            if (id.size() > 8 && id.compare(id.size() - 8, 8, ".spatial") == 0)
                schedule.layers.push_back({id, 1.0f, {}});
        }
        schedule.stepEnd = int(std::lround(0.4 * steps));
        schedule.extraction = ExtractionMode::PerStep;
        return schedule;
    }
    for (int i = 20; i <= 29; ++i)
        schedule.layers.push_back({"block." + std::to_string(i), 1.0f, {}});
    schedule.stepEnd = int(std::lround(0.58 * steps));
    schedule.extraction = ExtractionMode::Single;
    schedule.extractionTimestep = 200.0f;
    return schedule;
}

int readSchedule(const CommandLine &line, const TransferOptions &o, const std::string &family,
                 const std::vector<std::string> &known, RenderRequest *request)
{
    const int steps = request->settings.steps;
    InjectionSchedule schedule = defaultSchedule(steps, family, known);
    if (line.isSet(o.preset)) {
        auto preset = loadInjectionPreset(line.value(o.preset).toStdString());
        if (!preset)
            return fail(QString::fromStdString(preset.error().message));
        schedule = rescaledSchedule(*preset, steps);
    }
    bool ok = true;
    if (line.isSet(o.layers) || line.isSet(o.weight)) {
        const float weight = line.isSet(o.weight) ? line.value(o.weight).toFloat(&ok) : 1.0f;
        if (!ok)
            return line.usageError(QStringLiteral("--weight is not a number"));
        std::vector<std::string> ids;
        if (line.isSet(o.layers)) {
            auto parsed = parseLayerSelection(line.value(o.layers), known);
            if (!parsed)
                return line.usageError(QStringLiteral("--layers: %1")
                                           .arg(QString::fromStdString(parsed.error().message)));
            ids = std::move(*parsed);
        } else {
            for (const LayerInjection &layer : schedule.layers)
                ids.push_back(layer.layer);
        }
        if (ids.empty())
            return line.usageError(QStringLiteral("--layers names no layer"));
        schedule.layers.clear();
        for (const std::string &id : ids)
            schedule.layers.push_back({id, weight, {}});
    }
    if (line.isSet(o.stepsRange)) {
        const QStringList range = line.value(o.stepsRange).split(QLatin1Char(':'));
        bool beginOk = false, endOk = false;
        if (range.size() == 2) {
            schedule.stepBegin = range[0].toInt(&beginOk);
            schedule.stepEnd = range[1].toInt(&endOk);
        }
        if (!beginOk || !endOk)
            return line.usageError(QStringLiteral("--steps-range must be BEGIN:END"));
    }
    if (line.isSet(o.mode) && !parseInjectionMode(line.value(o.mode).toStdString(), &schedule.mode))
        return line.usageError(QStringLiteral("--mode must be replace or blend"));
    if (line.isSet(o.extract)) {
        const QString extract = line.value(o.extract);
        if (extract == QLatin1String("per_step")) {
            schedule.extraction = ExtractionMode::PerStep;
        } else if (extract == QLatin1String("lockstep")) {
            schedule.extraction = ExtractionMode::Lockstep;
        } else if (extract.startsWith(QLatin1String("single:"))) {
            schedule.extraction = ExtractionMode::Single;
            schedule.extractionTimestep = extract.mid(7).toFloat(&ok);
            if (!ok)
                return line.usageError(QStringLiteral("--extract single:T needs a timestep"));
        } else {
            return line.usageError(
                QStringLiteral("--extract must be single:T, per_step or lockstep"));
        }
    }
    if (auto valid = schedule.validate(steps, known); !valid)
        return fail(QString::fromStdString(valid.error().message));
    if (line.isSet(o.sourceSeed)) {
        if (schedule.extraction != ExtractionMode::Lockstep)
            return line.usageError(QStringLiteral("--source-seed needs --extract lockstep"));
        const qulonglong seed = line.value(o.sourceSeed).toULongLong(&ok);
        if (!ok)
            return line.usageError(QStringLiteral("--source-seed is not a whole number"));
        request->sourceSeed = seed;
    }
    request->injection = schedule;
    return -1;
}

int readSource(const QString &path, const std::string &family, RenderRequest *request)
{
    auto source = loadConformedSource(path, request->settings, family);
    if (!source)
        return fail(QString::fromStdString(source.error().message));
    std::fprintf(stderr, "mbq: source %s\n", qPrintable(source->plan.summary()));
    for (const QString &note : source->plan.notes)
        std::fprintf(stderr, "mbq: note: %s\n", qPrintable(note));
    for (const QString &warning : source->warnings)
        std::fprintf(stderr, "mbq: warning: %s\n", qPrintable(warning));
    request->source = std::move(source->frames);
    return -1;
}

} // namespace

TransferOptions addTransferOptions(CommandLine &line)
{
    TransferOptions o;
    o.source = line.option("source");
    o.sourcePrompt = line.option("source-prompt");
    o.sourceSeed = line.option("source-seed");
    o.layers = line.option("layers");
    o.weight = line.option("weight");
    o.stepsRange = line.option("steps-range");
    o.mode = line.option("mode");
    o.extract = line.option("extract");
    o.preset = line.option("preset");
    return o;
}

int readTransferOptions(const CommandLine &line, const TransferOptions &options,
                        const ModelInfo &model, RenderRequest *request)
{
    if (line.value(options.source).isEmpty())
        return line.usageError(QStringLiteral("--source is missing: give the clip whose motion "
                                              "to transfer"));
    request->sourcePrompt = line.value(options.sourcePrompt).toStdString();
    if (const int exit = readSchedule(line, options, model.family, model.layers, request);
        exit >= 0)
        return exit;
    return readSource(line.value(options.source), model.family, request);
}

TransferOutputs addTransferOutputs(CommandLine &line)
{
    TransferOutputs o;
    o.baselineOut = line.option("baseline-out");
    o.metrics = line.option("metrics");
    return o;
}

int writeTransferExtras(const CommandLine &line, const TransferOutputs &options,
                        const VideoFrames &source, const RenderOutput &render,
                        const EncodeOptions &encode)
{
    if (line.isSet(options.baselineOut)) {
        const QString path = line.value(options.baselineOut);
        if (auto written = encodeVideo(render.baseline, path, encode); !written)
            return fail(QString::fromStdString(written.error().message));
        std::printf("wrote baseline %s\n", qPrintable(path));
    }
    if (!line.isSet(options.metrics))
        return 0;
    auto report = computeMetrics(source, render.frames, &render.baseline);
    if (!report)
        return fail(QString::fromStdString(report.error().message));
    const QString path = line.value(options.metrics);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(report->toJson()).toJson()) < 0
        || !file.commit())
        return fail(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    std::printf("wrote metrics %s (motion fidelity %.3f, identity leak %.3f)\n", qPrintable(path),
                report->fidelity.score, report->leak.leak);
    return 0;
}

} // namespace mbq::cli
