// `mbq generate` (Wan2.1 text-to-video) and `mbq transfer` (the same, with the motion of a source
// clip injected through its self-attention queries), with a progress bar. Ctrl-C stops after the
// current step; the latent is saved beside the output (OUT.latent.safetensors) before decoding
// and on cancel, so nothing finished is lost.
#include "app/cli/command_line.h"
#include "app/cli/commands.h"
#include "app/cli/family_render.h"
#include "app/cli/generation_options.h"
#include "app/cli/render_progress.h"
#include "app/cli/transfer_options.h"
#include "core/media/video_writer.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

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
      "  --extract single:T|per_step|lockstep   source extraction (default single:200);\n"
      "                              lockstep denoises the source beside the target\n"
      "  --source-seed N             lockstep: the source is this model's render from seed N\n"
      "                              with these settings (else the source is inverted)\n"
      "  --preset FILE.json          start from a preset (resources/presets/)\n"
      "  --baseline-out CLIP.mp4     also render the same prompt and seed without injection\n"
      "  --metrics FILE.json         motion fidelity and identity leak (renders the baseline)\n"
      "  and every option of `mbq generate`. The source is conformed to the render's size,\n"
      "  frame count and rate (scale + centre crop).\n";

int renderCommand(const QStringList &args, bool transfer)
{
    CommandLine line(transfer ? "mbq transfer" : "mbq generate",
                     transfer ? kTransferUsage : kUsage);
    const GenerationOptions generation = addGenerationOptions(line);
    const TransferOptions transferOptions = transfer ? addTransferOptions(line) : TransferOptions();
    const TransferOutputs outputs = transfer ? addTransferOutputs(line) : TransferOutputs();
    const auto out = line.option("out");
    if (const int exit = line.parse(args); exit >= 0)
        return exit;
    if (line.value(generation.model).isEmpty() || line.value(out).isEmpty())
        return line.usageError(
            QStringLiteral("%1 needs --model and --out")
                .arg(transfer ? QStringLiteral("transfer") : QStringLiteral("generate")));

    const QString modelFolder = line.value(generation.model);
    const std::string family = modelFamily(modelFolder.toStdString());
    RenderRequest request;
    if (const int exit = readGenerationOptions(line, generation, family, &request); exit >= 0)
        return exit;
    const GenerationSettings &s = request.settings;

    if (transfer) {
        auto model = createTorchEngine()->loadModel(modelFolder.toStdString());
        if (!model) {
            std::fprintf(stderr, "mbq: %s\n", model.error().message.c_str());
            return 1;
        }
        if (const int exit = readTransferOptions(line, transferOptions, *model, &request);
            exit >= 0)
            return exit;
        request.wantBaseline = outputs.needBaseline(line);
    }

    const QString outPath = line.value(out);
    const QFileInfo outInfo(outPath);
    FamilyRenderOptions options;
    options.device = line.value(generation.device).toStdString();
    options.dtype = line.value(generation.dtype).toStdString();
    options.latentPath = (outInfo.path() + QLatin1Char('/') + outInfo.completeBaseName()
                          + QStringLiteral(".latent.safetensors"))
                             .toStdString();

    JobHooks hooks;
    hooks.progress = printProgress;
    hooks.cancel = InterruptGuard::cancelFlag();
    auto generated = [&] {
        const InterruptGuard interrupt;
        return renderFamily(family, modelFolder.toStdString(), request, options, hooks);
    }();
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
                     qPrintable(modelFolder));
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
        return writeTransferExtras(line, outputs, request.source, generated->render, encode);
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
