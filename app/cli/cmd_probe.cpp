// `mbq probe COMPONENT ...`: runs one model component on named float32 tensors, for
// conformance checks against the reference implementation.
//   wan-dit | wan-vae-encode | wan-vae-decode | wan-text-encoder
//                 --model DIR --in IN.safetensors --out OUT.safetensors [--device] [--dtype]
//   wan-tokenizer --model DIR --text TEXT                     (prints JSON)
//   wan-schedule  --steps N --shift S --sampler unipc|euler   (prints JSON)
#include "app/cli/command_line.h"
#include "app/cli/commands.h"
#include "inference/wan_tools.h"

#include <QCommandLineParser>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <exception>

namespace mbq::cli {

namespace {

const char *const kUsage
    = "usage: mbq probe COMPONENT [options]\n"
      "  wan-dit --model DIR --in IN.safetensors --out OUT.safetensors [--device cpu|cuda]\n"
      "          [--dtype f32|bf16|f64]\n"
      "      in: x [16,F,H,W], t [1] (0..1000), context [L,text_dim]; out: y [16,F,H,W]\n"
      "  wan-vae-encode | wan-vae-decode | wan-text-encoder  (same options as wan-dit)\n"
      "      encode: video [3,F,H,W] in [-1,1] -> latent; decode: latent -> video;\n"
      "      text encoder: ids [L], mask [L] (int64) -> hidden [L,d]\n"
      "  wan-tokenizer --model DIR --text TEXT\n"
      "      prints the ids and mask the text encoder gets, as JSON\n"
      "  wan-schedule --steps N --shift S --sampler unipc|euler\n"
      "      prints the timesteps and sigmas as JSON\n";

} // namespace

int runProbe(const QStringList &args)
{
    CommandLine line("mbq probe", kUsage);
    const auto model = line.option("model"), in = line.option("in"), out = line.option("out"),
               device = line.option("device", "cpu"), dtype = line.option("dtype", "auto"),
               steps = line.option("steps", "50"), shift = line.option("shift", "5.0"),
               sampler = line.option("sampler", "unipc"), text = line.option("text");
    if (const int exit = line.parse(args); exit >= 0)
        return exit;
    const QStringList positional = line.positional();
    if (positional.size() != 1)
        return line.usageError(QStringLiteral("probe takes one COMPONENT"));
    const QString component = positional.front();

    if (component == QLatin1String("wan-schedule")) {
        bool stepsOk = false, shiftOk = false;
        const int stepCount = line.value(steps).toInt(&stepsOk);
        const double shiftValue = line.value(shift).toDouble(&shiftOk);
        Sampler kind = Sampler::UniPC;
        if (!stepsOk || !shiftOk || !parseSampler(line.value(sampler).toStdString(), &kind))
            return line.usageError(QStringLiteral("invalid --steps, --shift or --sampler"));
        auto schedule = wanSchedule(stepCount, shiftValue, kind);
        if (!schedule) {
            std::fprintf(stderr, "mbq: %s\n", schedule.error().toString().c_str());
            return 1;
        }
        QJsonArray timesteps, sigmas;
        for (int64_t t : schedule->timesteps)
            timesteps.append(qint64(t));
        for (double sigma : schedule->sigmas)
            sigmas.append(sigma);
        const QJsonObject json {{"sampler", samplerName(kind)},
                                {"steps", stepCount},
                                {"shift", shiftValue},
                                {"timesteps", timesteps},
                                {"sigmas", sigmas}};
        std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Indented).constData());
        return 0;
    }
    if (component == QLatin1String("wan-tokenizer")) {
        if (line.value(model).isEmpty() || !line.isSet(text))
            return line.usageError(QStringLiteral("probe wan-tokenizer needs --model and --text"));
        auto tokens = wanTokenize(line.value(model).toStdString(), line.value(text).toStdString());
        if (!tokens) {
            std::fprintf(stderr, "mbq: %s\n", tokens.error().toString().c_str());
            return 1;
        }
        QJsonArray ids, mask;
        for (int64_t id : tokens->ids)
            ids.append(qint64(id));
        for (int64_t m : tokens->mask)
            mask.append(qint64(m));
        const QJsonObject json {{"ids", ids},
                                {"mask", mask},
                                {"length", qint64(tokens->length)},
                                {"truncated", tokens->truncated}};
        std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Indented).constData());
        return 0;
    }

    using TensorProbe = Result<void> (*)(const std::string &, const std::string &,
                                         const std::string &, const ComputeOptions &);
    static const QHash<QString, TensorProbe> probes = {
        {QStringLiteral("wan-dit"), probeWanDit},
        {QStringLiteral("wan-vae-encode"), probeWanVaeEncode},
        {QStringLiteral("wan-vae-decode"), probeWanVaeDecode},
        {QStringLiteral("wan-text-encoder"), probeWanTextEncoder},
    };
    if (const TensorProbe probe = probes.value(component)) {
        if (line.value(model).isEmpty() || line.value(in).isEmpty() || line.value(out).isEmpty()) {
            return line.usageError(
                QStringLiteral("probe %1 needs --model, --in and --out").arg(component));
        }
        auto probed = probe(line.value(model).toStdString(), line.value(in).toStdString(),
                            line.value(out).toStdString(),
                            {line.value(device).toStdString(), line.value(dtype).toStdString()});
        if (!probed) {
            std::fprintf(stderr, "mbq: %s\n", probed.error().toString().c_str());
            return 1;
        }
        std::printf("wrote %s\n", qPrintable(line.value(out)));
        return 0;
    }
    return line.usageError(QStringLiteral("unknown probe component '%1'").arg(component));
}

} // namespace mbq::cli
