// `mbq probe COMPONENT ...`: runs one model component on named float32 tensors, for
// conformance checks against the reference implementation.
//   wan-dit | wan-vae-encode | wan-vae-decode | wan-text-encoder
//                 --model DIR --in IN.safetensors --out OUT.safetensors [--device] [--dtype]
//   wan-tokenizer --model DIR --text TEXT                     (prints JSON)
//   wan-schedule  --steps N --shift S --sampler unipc|euler   (prints JSON)
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
    QCommandLineParser parser;
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    const auto valueOption = [&](const char *name, const char *fallback = "") {
        QCommandLineOption option(QString::fromLatin1(name), {}, QStringLiteral("value"),
                                  QString::fromLatin1(fallback));
        parser.addOption(option);
        return option;
    };
    parser.addOption(help);
    const auto model = valueOption("model"), in = valueOption("in"), out = valueOption("out"),
               device = valueOption("device", "cpu"), dtype = valueOption("dtype", "auto"),
               steps = valueOption("steps", "50"), shift = valueOption("shift", "5.0"),
               sampler = valueOption("sampler", "unipc"), text = valueOption("text");
    if (!parser.parse(QStringList{QStringLiteral("mbq probe")} + args)) {
        std::fprintf(stderr, "mbq: %s\n%s", qPrintable(parser.errorText()), kUsage);
        return 2;
    }
    if (parser.isSet(help)) {
        std::fputs(kUsage, stdout);
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        std::fprintf(stderr, "mbq: probe takes one COMPONENT\n%s", kUsage);
        return 2;
    }
    const QString component = positional.front();

    if (component == QLatin1String("wan-schedule")) {
        bool stepsOk = false, shiftOk = false;
        const int stepCount = parser.value(steps).toInt(&stepsOk);
        const double shiftValue = parser.value(shift).toDouble(&shiftOk);
        Sampler kind = Sampler::UniPC;
        if (!stepsOk || !shiftOk || !parseSampler(parser.value(sampler).toStdString(), &kind)) {
            std::fprintf(stderr, "mbq: invalid --steps, --shift or --sampler\n%s", kUsage);
            return 2;
        }
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
        const QJsonObject json{{"sampler", samplerName(kind)},
                               {"steps", stepCount},
                               {"shift", shiftValue},
                               {"timesteps", timesteps},
                               {"sigmas", sigmas}};
        std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Indented).constData());
        return 0;
    }
    if (component == QLatin1String("wan-tokenizer")) {
        if (parser.value(model).isEmpty() || !parser.isSet(text)) {
            std::fprintf(stderr, "mbq: probe wan-tokenizer needs --model and --text\n%s", kUsage);
            return 2;
        }
        auto tokens = wanTokenize(parser.value(model).toStdString(),
                                  parser.value(text).toStdString());
        if (!tokens) {
            std::fprintf(stderr, "mbq: %s\n", tokens.error().toString().c_str());
            return 1;
        }
        QJsonArray ids, mask;
        for (int64_t id : tokens->ids)
            ids.append(qint64(id));
        for (int64_t m : tokens->mask)
            mask.append(qint64(m));
        const QJsonObject json{{"ids", ids},
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
        if (parser.value(model).isEmpty() || parser.value(in).isEmpty()
            || parser.value(out).isEmpty()) {
            std::fprintf(stderr, "mbq: probe %s needs --model, --in and --out\n%s",
                         qPrintable(component), kUsage);
            return 2;
        }
        auto probed = probe(parser.value(model).toStdString(), parser.value(in).toStdString(),
                            parser.value(out).toStdString(),
                            {parser.value(device).toStdString(), parser.value(dtype).toStdString()});
        if (!probed) {
            std::fprintf(stderr, "mbq: %s\n", probed.error().toString().c_str());
            return 1;
        }
        std::printf("wrote %s\n", qPrintable(parser.value(out)));
        return 0;
    }
    std::fprintf(stderr, "mbq: unknown probe component '%s'\n%s", qPrintable(component), kUsage);
    return 2;
}

} // namespace mbq::cli
