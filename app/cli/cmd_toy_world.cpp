// `mbq toy-world`: clips of the toy world (core/toy/toy_world.h). With --prompt, one clip of the
// scene the prompt names, as a video (a source for the toy model); with --count, a training set
// for packaging/train-toy.sh: the frames of every clip in one raw file and their prompts.
#include "app/cli/command_line.h"
#include "app/cli/commands.h"
#include "core/media/video_writer.h"
#include "core/toy/toy_world.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cstdio>

namespace mbq::cli {
namespace {

const char *const kUsage
    = "usage: mbq toy-world --prompt TEXT --out CLIP.mp4 [--size 64x64] [--frames 9]\n"
      "       mbq toy-world --count N --out DIR [--seed S] [--size 64x64] [--frames 9]\n"
      "Draws the toy world the toy model was trained on: one flat shape moving over a plain\n"
      "background. A prompt names its colour, shape, motion and background, e.g.\n"
      "  \"a red square moving in a circle on a grey background\"\n"
      "Colours: red blue yellow white. Shapes: square circle triangle star.\n"
      "Motions: moving from left to right, moving from right to left, moving in a circle,\n"
      "bouncing up and down, zig-zagging from left to right, standing still.\n"
      "Backgrounds: grey green black. --count writes DIR/clips.u8 (N x frames x height x\n"
      "width x RGB bytes) and DIR/scenes.json (their prompts).\n";

int fail(const QString &message)
{
    std::fprintf(stderr, "mbq: %s\n", qPrintable(message));
    return 1;
}

int writeDataset(const QDir &dir, int count, uint64_t seed, int width, int height, int frames)
{
    if (!dir.mkpath(QStringLiteral(".")))
        return fail(QStringLiteral("cannot create %1").arg(dir.path()));
    QSaveFile clips(dir.filePath(QStringLiteral("clips.u8")));
    if (!clips.open(QIODevice::WriteOnly))
        return fail(QStringLiteral("cannot write %1: %2").arg(clips.fileName(), clips.errorString()));
    QJsonArray scenes;
    for (int i = 0; i < count; ++i) {
        const toy::ToyScene scene = toy::datasetScene(seed, i);
        const VideoFrames clip = toy::drawToyClip(scene, width, height, frames, 16.0);
        const auto bytes = qint64(clip.rgb.size());
        if (clips.write(reinterpret_cast<const char *>(clip.rgb.data()), bytes) != bytes)
            return fail(QStringLiteral("cannot write %1: %2").arg(clips.fileName(),
                                                                 clips.errorString()));
        scenes.append(QString::fromStdString(toy::promptFor(scene)));
    }
    if (!clips.commit())
        return fail(QStringLiteral("cannot write %1: %2").arg(clips.fileName(), clips.errorString()));
    const QJsonObject manifest{{"width", width}, {"height", height}, {"frames", frames},
                               {"seed", QString::number(seed)}, {"prompts", scenes}};
    QSaveFile json(dir.filePath(QStringLiteral("scenes.json")));
    if (!json.open(QIODevice::WriteOnly) || json.write(QJsonDocument(manifest).toJson()) < 0
        || !json.commit())
        return fail(QStringLiteral("cannot write %1: %2").arg(json.fileName(), json.errorString()));
    std::printf("wrote %d clips of %dx%d, %d frames, to %s\n", count, width, height, frames,
                qPrintable(dir.path()));
    return 0;
}

} // namespace

int runToyWorld(const QStringList &args)
{
    CommandLine line("mbq toy-world", kUsage);
    const auto prompt = line.option("prompt"), out = line.option("out"),
               count = line.option("count", "0"), seed = line.option("seed", "0"),
               size = line.option("size", "64x64"), frames = line.option("frames", "9");
    if (const int exit = line.parse(args); exit >= 0)
        return exit;
    const QStringList wh = line.value(size).split(QLatin1Char('x'));
    bool ok[5] = {wh.size() == 2, wh.size() == 2, true, true, true};
    const int width = ok[0] ? wh[0].toInt(&ok[0]) : 0, height = ok[1] ? wh[1].toInt(&ok[1]) : 0;
    const int frameCount = line.value(frames).toInt(&ok[2]);
    const int clipCount = line.value(count).toInt(&ok[3]);
    const uint64_t seedValue = line.value(seed).toULongLong(&ok[4]);
    for (bool parsed : ok) {
        if (!parsed)
            return line.usageError(QStringLiteral("--size is WxH; --frames, --count and --seed "
                                                  "are whole numbers"));
    }
    if (width < 16 || height < 16 || width % 16 || height % 16)
        return line.usageError(QStringLiteral("--size must be multiples of 16, at least 16x16"));
    if (frameCount < 1 || (frameCount - 1) % 4)
        return line.usageError(QStringLiteral("--frames must be 4n+1 (5, 9, 13, 17...)"));
    if (line.value(out).isEmpty())
        return line.usageError(QStringLiteral("toy-world needs --out"));
    if (clipCount > 0)
        return writeDataset(QDir(line.value(out)), clipCount, seedValue, width, height, frameCount);
    const auto scene = toy::sceneFromPrompt(line.value(prompt).toStdString());
    if (!scene)
        return line.usageError(QStringLiteral("'%1' is not a toy-world prompt")
                                   .arg(line.value(prompt)));
    const VideoFrames clip = toy::drawToyClip(*scene, width, height, frameCount, 16.0);
    if (auto written = encodeVideo(clip, line.value(out)); !written)
        return fail(QString::fromStdString(written.error().toString()));
    std::printf("wrote %s\n", qPrintable(line.value(out)));
    return 0;
}

} // namespace mbq::cli
