// `mbq generate` (Wan2.1 text-to-video) and `mbq transfer` (the same, with the motion of a source
// clip injected through its self-attention queries), with a progress bar. Ctrl-C stops after the
// current step; the latent is saved beside the output (OUT.latent.safetensors) before decoding
// and on cancel, so nothing finished is lost.
#include "app/cli/command_line.h"
#include "app/cli/commands.h"
#include "app/cli/transfer_options.h"
#include "core/media/video_writer.h"
#include "app/cli/family_render.h"

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

const char *const kTransferUsage
    = "usage: mbq transfer --model DIR --source CLIP --prompt TEXT --out CLIP.mp4 [options]\n"
      "  --source-prompt TEXT        prompt of the source extraction pass (default: empty)\n"
      "  --layers 20-29|all|3,7|block.3        injected layers (default: 20-29)\n"
      "  --weight W                  layer weight in [0,1] (default 1)\n"
      "  --steps-range B:E           injected steps [B,E) (default: the first 58%)\n"
      "  --mode replace|blend        (default replace)\n"
      "  --extract single:T|per_step source extraction (default single:200)\n"
      "  --preset FILE.json          start from a preset (resources/presets/)\n"
      "  --baseline-out CLIP.mp4     also render the same prompt and seed without injection\n"
      "  --metrics FILE.json         motion fidelity and identity leak (renders the baseline)\n"
      "  and every option of `mbq generate`. The source is conformed to the render's size,\n"
      "  frame count and rate (scale + centre crop).\n";

std::atomic<bool> g_cancel {false};

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
                 std::string(size_t(kWidth - filled), '.').c_str(), progress.step, progress.total);
    if (progress.step == progress.total)
        std::fputc('\n', stderr);
    std::fflush(stderr);
}

int renderCommand(const QStringList &args, bool transfer)
{
    CommandLine line(transfer ? "mbq transfer" : "mbq generate",
                     transfer ? kTransferUsage : kUsage);
    const TransferOptions transferOptions = transfer ? addTransferOptions(line) : TransferOptions();
    const auto model = line.option("model"), prompt = line.option("prompt"),
               negative = line.option("negative"), out = line.option("out"),
               width = line.option("width", "832"), height = line.option("height", "480"),
               frames = line.option("frames", "81"), fps = line.option("fps", "16"),
               steps = line.option("steps", "50"), guidance = line.option("guidance", "5.0"),
               shift = line.option("shift", "5.0"), sampler = line.option("sampler", "unipc"),
               seed = line.option("seed", "42"), device = line.option("device", "auto"),
               dtype = line.option("dtype", "auto");
    if (const int exit = line.parse(args); exit >= 0)
        return exit;
    if (line.value(model).isEmpty() || line.value(out).isEmpty())
        return line.usageError(
            QStringLiteral("%1 needs --model and --out")
                .arg(transfer ? QStringLiteral("transfer") : QStringLiteral("generate")));

    const std::string family = modelFamily(line.value(model).toStdString());
    RenderRequest request;
    request.prompt = line.value(prompt).toStdString();
    request.negativePrompt = line.value(negative).toStdString();
    GenerationSettings &s = request.settings;
    s = familyDefaults(family);
    // Options left out keep the model family's defaults (the usage text shows Wan2.1's).
    bool ok = true;
    const auto read = [&](const QCommandLineOption &option, auto *field, auto parse) {
        if (line.isSet(option))
            *field = parse(line.value(option), &ok);
    };
    read(width, &s.width, [](const QString &v, bool *k) { return v.toInt(k); });
    read(height, &s.height, [](const QString &v, bool *k) { return v.toInt(k); });
    read(frames, &s.frames, [](const QString &v, bool *k) { return v.toInt(k); });
    read(fps, &s.fps, [](const QString &v, bool *k) { return v.toDouble(k); });
    read(steps, &s.steps, [](const QString &v, bool *k) { return v.toInt(k); });
    read(guidance, &s.guidance, [](const QString &v, bool *k) { return v.toDouble(k); });
    read(shift, &s.shift, [](const QString &v, bool *k) { return v.toDouble(k); });
    read(seed, &s.seed, [](const QString &v, bool *k) { return v.toULongLong(k); });
    if (!ok)
        return line.usageError(QStringLiteral("a numeric option is not a number"));
    if (line.isSet(sampler) && !parseSampler(line.value(sampler).toStdString(), &s.sampler)) {
        std::fprintf(stderr, "mbq: unknown --sampler '%s' (use unipc, euler or ddim)\n",
                     qPrintable(line.value(sampler)));
        return 2;
    }

    if (transfer) {
        const int exit = readTransferOptions(line, transferOptions, line.value(model), &request);
        if (exit >= 0)
            return exit;
    }

    const QString outPath = line.value(out);
    const QFileInfo outInfo(outPath);
    FamilyRenderOptions options;
    options.device = line.value(device).toStdString();
    options.dtype = line.value(dtype).toStdString();
    options.latentPath = (outInfo.path() + QLatin1Char('/') + outInfo.completeBaseName()
                          + QStringLiteral(".latent.safetensors"))
                             .toStdString();

    JobHooks hooks;
    hooks.progress = printProgress;
    hooks.cancel = &g_cancel;
    std::signal(SIGINT, onInterrupt);
    auto generated = renderFamily(family, line.value(model).toStdString(), request, options, hooks);
    std::signal(SIGINT, SIG_DFL);
    if (!generated) {
        std::fprintf(stderr, "\nmbq: %s\n", generated.error().toString().c_str());
        return 1;
    }
    for (const std::string &warning : generated->warnings)
        std::fprintf(stderr, "mbq: warning: %s\n", warning.c_str());
    if (generated->randomWeights)
        std::fprintf(stderr,
                     "mbq: warning: %s holds RANDOM WEIGHTS (a tiny test model); the "
                     "video is noise\n",
                     qPrintable(line.value(model)));
    if (generated->render.cancelled) {
        std::fprintf(stderr, "\nmbq: cancelled after %d of %d steps; latent kept in %s\n",
                     generated->render.completedSteps, s.steps, options.latentPath.c_str());
        return 130;
    }

    EncodeOptions encode;
    encode.metadataJson = QJsonDocument(QJsonObject {
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
    if (transfer)
        return writeTransferExtras(line, transferOptions, request.source, generated->render,
                                   encode);
    return 0;
}

} // namespace

int runGenerate(const QStringList &args)
{
    return renderCommand(args, false);
}

int runTransfer(const QStringList &args)
{
    return renderCommand(args, true);
}

} // namespace mbq::cli
