// mbq metrics: motion fidelity, identity leak and temporal consistency of a render, from the
// command line (the numbers the studio's compare view shows).
#include "app/cli/commands.h"
#include "core/media/decode.h"
#include "core/metrics/clip_metrics.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <cstdio>
#include <optional>

namespace mbq::cli {

namespace {

std::optional<DecodedClip> load(const QString &path)
{
    auto clip = decodeVideo(path);
    if (!clip) {
        std::fprintf(stderr, "mbq metrics: %s\n", clip.error().message.c_str());
        return std::nullopt;
    }
    for (const DecodeProblem &p : clip->problems)
        std::fprintf(stderr, "mbq metrics: warning: %s\n", qPrintable(p.message));
    return std::move(clip.value());
}

QString format(double value, bool defined)
{
    return defined && std::isfinite(value) ? QString::number(value, 'f', 4)
                                           : QStringLiteral("n/a");
}

} // namespace

int runMetrics(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Motion fidelity (source vs output), identity leak (output vs baseline, "
                       "against the source) and temporal consistency of the output."));
    parser.addHelpOption();
    const QCommandLineOption source(QStringLiteral("source"), QStringLiteral("The source clip."),
                                    QStringLiteral("file"));
    const QCommandLineOption output(QStringLiteral("output"),
                                    QStringLiteral("The rendered (injected) clip."),
                                    QStringLiteral("file"));
    const QCommandLineOption baseline(QStringLiteral("baseline"),
                                      QStringLiteral("The same prompt and seed without "
                                                     "injection; needed for identity leak."),
                                      QStringLiteral("file"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print every number and per-frame curve as "
                                                 "JSON."));
    parser.addOptions({source, output, baseline, json});
    if (!parser.parse(QStringList{QStringLiteral("mbq metrics")} + args)) {
        std::fprintf(stderr, "mbq metrics: %s\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(parser.helpText()));
        return 0;
    }
    if (!parser.isSet(source) || !parser.isSet(output) || !parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "usage: mbq metrics --source A --output B [--baseline C] [--json]\n");
        return 2;
    }

    const auto sourceClip = load(parser.value(source));
    const auto outputClip = load(parser.value(output));
    std::optional<DecodedClip> baselineClip;
    if (parser.isSet(baseline)) {
        baselineClip = load(parser.value(baseline));
        if (!baselineClip)
            return 1;
    }
    if (!sourceClip || !outputClip)
        return 1;
    const auto report = computeMetrics(sourceClip->frames, outputClip->frames,
                                       baselineClip ? &baselineClip->frames : nullptr);
    if (!report) {
        std::fprintf(stderr, "mbq metrics: %s\n", report.error().message.c_str());
        return 1;
    }

    if (parser.isSet(json)) {
        QJsonObject object = report->toJson();
        object.insert(QStringLiteral("source"), parser.value(source));
        object.insert(QStringLiteral("output"), parser.value(output));
        if (baselineClip)
            object.insert(QStringLiteral("baseline"), parser.value(baseline));
        std::printf("%s", QJsonDocument(object).toJson(QJsonDocument::Indented).constData());
        return 0;
    }
    const MetricsReport &r = *report;
    std::printf("motion fidelity     %s  (%d frames, %d/%d moving tracks)\n",
                qPrintable(format(r.fidelity.score, r.fidelity.defined)),
                r.fidelity.framesCompared, r.fidelity.sourceMoving, r.fidelity.outputMoving);
    if (r.baselineFidelity)
        std::printf("baseline fidelity   %s\n",
                    qPrintable(format(r.baselineFidelity->score, r.baselineFidelity->defined)));
    std::printf("identity leak       %s  (similarity to source: output %s, baseline %s)\n",
                qPrintable(format(r.leak.leak, r.leak.hasBaseline)),
                qPrintable(format(r.leak.outputSimilarity, true)),
                qPrintable(format(r.leak.baselineSimilarity, r.leak.hasBaseline)));
    std::printf("warp error          %s  (%.0f%% of pixels trusted)\n",
                qPrintable(format(r.consistency.warpError, r.consistency.defined)),
                100.0 * r.consistency.validFraction);
    return 0;
}

} // namespace mbq::cli
