// `mbq probe COMPONENT ...`: runs one model component on named float32 tensors, for
// conformance checks against the reference implementation.
//   wan-dit | wan-vae-encode | wan-vae-decode | wan-text-encoder
//                 --model DIR --in IN.safetensors --out OUT.safetensors [--device] [--dtype]
//   wan-tokenizer --model DIR --text TEXT                     (prints JSON)
//   wan-schedule  --steps N --shift S --sampler unipc|euler   (prints JSON)
//   vc2-unet | vc2-vae-encode | vc2-vae-decode | vc2-text-encoder   (as wan-dit)
//   vc2-tokenizer --model DIR --text TEXT                     (prints JSON)
//   vc2-schedule  --steps N [--eta E]                         (prints JSON)
#include "app/cli/command_line.h"
#include "app/cli/commands.h"
#include "inference/vc2_tools.h"
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
      "      prints the timesteps and sigmas as JSON\n"
      "  vc2-unet | vc2-vae-encode | vc2-vae-decode | vc2-text-encoder  (options as wan-dit,\n"
      "          --dtype f32|f16|bf16|f64)\n"
      "      unet: x [4,T,H,W], t [1], context [77,1024], fps [1] -> eps [4,T,H,W];\n"
      "      encode: video [3,T,H,W] in [-1,1] -> latent [4,T,H/8,W/8] (scaled mean);\n"
      "      decode: latent -> video; text encoder: ids [77] (int64) -> hidden [77,1024]\n"
      "  vc2-tokenizer --model DIR|model.ckpt --text TEXT\n"
      "      prints the 77 ids the text tower gets, as JSON\n"
      "  vc2-schedule --steps N [--eta E]\n"
      "      prints the DDIM timesteps and coefficients (alphas, sigmas, scales) as JSON\n";

void printJson(const QJsonObject &json)
{
    std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Indented).constData());
}

QJsonArray numbers(const std::vector<double> &values)
{
    QJsonArray array;
    for (double value : values)
        array.append(value);
    return array;
}

int printVc2Schedule(int steps, double eta)
{
    auto schedule = vc2Schedule(steps, eta);
    if (!schedule) {
        std::fprintf(stderr, "mbq: %s\n", schedule.error().toString().c_str());
        return 1;
    }
    QJsonArray timesteps;
    for (int64_t t : schedule->timesteps)
        timesteps.append(qint64(t));
    printJson({{"steps", steps},
               {"eta", eta},
               {"timesteps", timesteps},
               {"alphas", numbers(schedule->alphas)},
               {"alphas_prev", numbers(schedule->alphasPrev)},
               {"sigmas", numbers(schedule->sigmas)},
               {"scales", numbers(schedule->scales)},
               {"scales_prev", numbers(schedule->scalesPrev)}});
    return 0;
}

int printVc2Tokens(const std::string &model, const std::string &text)
{
    auto tokens = vc2Tokenize(model, text);
    if (!tokens) {
        std::fprintf(stderr, "mbq: %s\n", tokens.error().toString().c_str());
        return 1;
    }
    QJsonArray ids;
    for (int64_t id : *tokens)
        ids.append(qint64(id));
    printJson({{"ids", ids}});
    return 0;
}

} // namespace

int runProbe(const QStringList &args)
{
    CommandLine line("mbq probe", kUsage);
    const auto model = line.option("model"), in = line.option("in"), out = line.option("out"),
               device = line.option("device", "cpu"), dtype = line.option("dtype", "auto"),
               steps = line.option("steps", "50"), shift = line.option("shift", "5.0"),
               sampler = line.option("sampler", "unipc"), text = line.option("text"),
               eta = line.option("eta", "1.0");
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
    if (component == QLatin1String("vc2-schedule")) {
        bool stepsOk = false, etaOk = false;
        const int stepCount = line.value(steps).toInt(&stepsOk);
        const double etaValue = line.value(eta).toDouble(&etaOk);
        if (!stepsOk || !etaOk)
            return line.usageError(QStringLiteral("invalid --steps or --eta"));
        return printVc2Schedule(stepCount, etaValue);
    }
    if (component == QLatin1String("vc2-tokenizer")) {
        if (line.value(model).isEmpty() || !line.isSet(text))
            return line.usageError(QStringLiteral("probe vc2-tokenizer needs --model and --text"));
        return printVc2Tokens(line.value(model).toStdString(), line.value(text).toStdString());
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
        {QStringLiteral("vc2-unet"), probeVc2Unet},
        {QStringLiteral("vc2-vae-encode"), probeVc2VaeEncode},
        {QStringLiteral("vc2-vae-decode"), probeVc2VaeDecode},
        {QStringLiteral("vc2-text-encoder"), probeVc2TextEncoder},
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
