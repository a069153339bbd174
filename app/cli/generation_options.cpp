#include "app/cli/generation_options.h"

#include "app/cli/family_render.h"

#include <cstdio>

namespace mbq::cli {

GenerationOptions addGenerationOptions(CommandLine &line)
{
    GenerationOptions o;
    o.model = line.option("model");
    o.prompt = line.option("prompt");
    o.negative = line.option("negative");
    o.width = line.option("width", "832");
    o.height = line.option("height", "480");
    o.frames = line.option("frames", "81");
    o.fps = line.option("fps", "16");
    o.steps = line.option("steps", "50");
    o.guidance = line.option("guidance", "5.0");
    o.shift = line.option("shift", "5.0");
    o.sampler = line.option("sampler", "unipc");
    o.seed = line.option("seed", "42");
    o.device = line.option("device", "auto");
    o.dtype = line.option("dtype", "auto");
    return o;
}

int readGenerationOptions(const CommandLine &line, const GenerationOptions &o,
                          const std::string &family, RenderRequest *request)
{
    request->prompt = line.value(o.prompt).toStdString();
    request->negativePrompt = line.value(o.negative).toStdString();
    GenerationSettings &s = request->settings;
    s = familyDefaults(family);
    // Options left out keep the model family's defaults (the usage text shows Wan2.1's).
    bool ok = true;
    const auto read = [&](const QCommandLineOption &option, auto *field, auto parse) {
        if (line.isSet(option))
            *field = parse(line.value(option), &ok);
    };
    read(o.width, &s.width, [](const QString &v, bool *k) { return v.toInt(k); });
    read(o.height, &s.height, [](const QString &v, bool *k) { return v.toInt(k); });
    read(o.frames, &s.frames, [](const QString &v, bool *k) { return v.toInt(k); });
    read(o.fps, &s.fps, [](const QString &v, bool *k) { return v.toDouble(k); });
    read(o.steps, &s.steps, [](const QString &v, bool *k) { return v.toInt(k); });
    read(o.guidance, &s.guidance, [](const QString &v, bool *k) { return v.toDouble(k); });
    read(o.shift, &s.shift, [](const QString &v, bool *k) { return v.toDouble(k); });
    read(o.seed, &s.seed, [](const QString &v, bool *k) { return v.toULongLong(k); });
    if (!ok)
        return line.usageError(QStringLiteral("a numeric option is not a number"));
    if (line.isSet(o.sampler) && !parseSampler(line.value(o.sampler).toStdString(), &s.sampler)) {
        std::fprintf(stderr, "mbq: unknown --sampler '%s' (use unipc, euler or ddim)\n",
                     qPrintable(line.value(o.sampler)));
        return 2;
    }
    return -1;
}

} // namespace mbq::cli
