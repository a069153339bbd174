// `mbq generate --model DIR --prompt TEXT ... --out clip.mp4`: Wan2.1 text-to-video with a
// progress bar. Ctrl-C stops after the current step; the latent is saved beside the output
// (OUT.latent.safetensors) before decoding and on cancel, so nothing finished is lost.
#include "app/cli/commands.h"
#include "core/media/video_writer.h"
#include "inference/wan_tools.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <exception>

namespace mbq::cli {

namespace {

const char *const kUsage
    = "usage: mbq generate --model DIR --prompt TEXT --out CLIP.mp4 [options]\n"
      "  --negative TEXT     negative prompt (default: Wan's official one)\n"
      "  --width N --height N --frames N --fps F   (832, 480, 81, 16)\n"
      "  --steps N --guidance G --shift S           (50, 5.0, 5.0)\n"
      "  --sampler unipc|euler --seed N            (unipc, 42)\n"
      "  --device cpu|cuda|auto --dtype f32|bf16|auto\n"
      "Ctrl-C stops after the current step and keeps CLIP.latent.safetensors.\n";

std::atomic<bool> g_cancel{false};

extern "C" void onInterrupt(int)
{
    g_cancel.store(true);
}

void printProgress(const Progress &progress)
{
    if (progress.stage != Stage::Denoise || progress.total <= 0) {
        if (progress.step == 0) // announce a stage once, when it starts
            std::fprintf(stderr, "%s...\n", stageName(progress.stage));
        return;
    }
    constexpr int kWidth = 40;
    const int filled = progress.step * kWidth / progress.total;
    std::fprintf(stderr, "\r[%s%s] step %d/%d", std::string(size_t(filled), '#').c_str(),
                 std::string(size_t(kWidth - filled), '.').c_str(), progress.step,
                 progress.total);
    if (progress.step == progress.total)
        std::fputc('\n', stderr);
    std::fflush(stderr);
}

} // namespace

int runGenerate(const QStringList &args)
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
    const auto model = valueOption("model"), prompt = valueOption("prompt"),
               negative = valueOption("negative"), out = valueOption("out"),
               width = valueOption("width", "832"), height = valueOption("height", "480"),
               frames = valueOption("frames", "81"), fps = valueOption("fps", "16"),
               steps = valueOption("steps", "50"), guidance = valueOption("guidance", "5.0"),
               shift = valueOption("shift", "5.0"), sampler = valueOption("sampler", "unipc"),
               seed = valueOption("seed", "42"), device = valueOption("device", "auto"),
               dtype = valueOption("dtype", "auto");
    if (!parser.parse(QStringList{QStringLiteral("mbq generate")} + args)) {
        std::fprintf(stderr, "mbq: %s\n%s", qPrintable(parser.errorText()), kUsage);
        return 2;
    }
    if (parser.isSet(help)) {
        std::fputs(kUsage, stdout);
        return 0;
    }
    if (parser.value(model).isEmpty() || parser.value(out).isEmpty()) {
        std::fprintf(stderr, "mbq: generate needs --model and --out\n%s", kUsage);
        return 2;
    }

    RenderRequest request;
    request.prompt = parser.value(prompt).toStdString();
    request.negativePrompt = parser.value(negative).toStdString();
    GenerationSettings &s = request.settings;
    bool ok[8];
    s.width = parser.value(width).toInt(&ok[0]);
    s.height = parser.value(height).toInt(&ok[1]);
    s.frames = parser.value(frames).toInt(&ok[2]);
    s.fps = parser.value(fps).toDouble(&ok[3]);
    s.steps = parser.value(steps).toInt(&ok[4]);
    s.guidance = parser.value(guidance).toDouble(&ok[5]);
    s.shift = parser.value(shift).toDouble(&ok[6]);
    s.seed = parser.value(seed).toULongLong(&ok[7]);
    for (bool parsed : ok) {
        if (!parsed) {
            std::fprintf(stderr, "mbq: a numeric option is not a number\n%s", kUsage);
            return 2;
        }
    }
    if (!parseSampler(parser.value(sampler).toStdString(), &s.sampler)) {
        std::fprintf(stderr, "mbq: unknown --sampler '%s' (use unipc or euler)\n",
                     qPrintable(parser.value(sampler)));
        return 2;
    }

    const QString outPath = parser.value(out);
    const QFileInfo outInfo(outPath);
    WanGenerateOptions options;
    options.compute = {parser.value(device).toStdString(), parser.value(dtype).toStdString()};
    options.latentPath = (outInfo.path() + QLatin1Char('/') + outInfo.completeBaseName()
                          + QStringLiteral(".latent.safetensors"))
                             .toStdString();

    JobHooks hooks;
    hooks.progress = printProgress;
    hooks.cancel = &g_cancel;
    std::signal(SIGINT, onInterrupt);
    auto generated = generateWan(parser.value(model).toStdString(), request, options, hooks);
    std::signal(SIGINT, SIG_DFL);
    if (!generated) {
        std::fprintf(stderr, "\nmbq: %s\n", generated.error().toString().c_str());
        return 1;
    }
    for (const std::string &warning : generated->warnings)
        std::fprintf(stderr, "mbq: warning: %s\n", warning.c_str());
    if (generated->randomWeights)
        std::fprintf(stderr, "mbq: warning: %s holds RANDOM WEIGHTS (a tiny test model); the "
                             "video is noise\n",
                     qPrintable(parser.value(model)));
    if (generated->render.cancelled) {
        std::fprintf(stderr, "\nmbq: cancelled after %d of %d steps; latent kept in %s\n",
                     generated->render.completedSteps, s.steps, options.latentPath.c_str());
        return 130;
    }

    EncodeOptions encode;
    encode.metadataJson = QJsonDocument(QJsonObject{
                                            {"prompt", QString::fromStdString(request.prompt)},
                                            {"seed", QString::number(s.seed)},
                                            {"steps", s.steps},
                                            {"guidance", s.guidance},
                                            {"shift", s.shift},
                                            {"sampler", samplerName(s.sampler)},
                                            {"randomWeights", generated->randomWeights},
                                        })
                              .toJson(QJsonDocument::Compact);
    if (auto written = encodeVideo(generated->render.frames, outPath, encode); !written) {
        std::fprintf(stderr, "mbq: %s (the latent is in %s)\n", written.error().message.c_str(),
                     options.latentPath.c_str());
        return 1;
    }
    std::printf("wrote %s (%d frames, %dx%d, %s); latent in %s\n", qPrintable(outPath),
                generated->render.frames.count, generated->render.frames.width,
                generated->render.frames.height, generated->device.c_str(),
                options.latentPath.c_str());
    return 0;
}

} // namespace mbq::cli
