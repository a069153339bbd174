// `mbq make-demo --out DIR`: a ready-to-open demo project for the studio, made only of our own
// files: the demo project (from the one compiled into the app), a 30-block Wan2.1 model with
// RANDOM weights in the official layout (it renders noise, but every stage of a real render
// runs), and a procedurally drawn source clip. Settings are small enough for a CPU.
#include "app/cli/command_line.h"
#include "app/cli/commands.h"
#include "app/cli/demo_clip.h"
#include "core/media/video_writer.h"
#include "core/project/project_document.h"
#include "core/project/project_file.h"
#include "inference/wan_tools.h"

#include <QDir>

#include <cmath>
#include <cstdio>

namespace mbq::cli {
namespace {

const char *const kUsage = "usage: mbq make-demo --out DIR\n"
                           "Writes DIR/demo.mbqproj with a random-weight model and a source clip.\n";

// The demo's render settings: small enough that a render with its baseline takes about a
// minute on a two-core CPU.
GenerationSettings demoSettings(GenerationSettings settings)
{
    settings.width = 256;
    settings.height = 144;
    settings.frames = 25;
    settings.fps = 16.0;
    settings.steps = 10;
    return settings;
}

int fail(const QString &message)
{
    std::fprintf(stderr, "mbq: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int runMakeDemo(const QStringList &args)
{
    CommandLine line("mbq make-demo", kUsage);
    const auto out = line.option("out");
    if (const int exit = line.parse(args); exit >= 0)
        return exit;
    const QString folder = line.value(out);
    if (folder.isEmpty())
        return line.usageError(QStringLiteral("make-demo needs --out"));
    if (!QDir().mkpath(folder))
        return fail(QStringLiteral("cannot create %1").arg(folder));
    const QDir dir(folder);

    TinyModelOptions model;
    model.folder = dir.filePath(QStringLiteral("tiny-wan2.1")).toStdString();
    model.layers = 30; // the real model's block count, so the paper's blocks 20-29 exist
    model.seed = 7;
    if (auto made = makeTinyModel(model); !made)
        return fail(QString::fromStdString(made.error().toString()));

    auto project = loadProjectFile(ProjectDocument::demoResourcePath());
    if (!project)
        return fail(QString::fromStdString(project.error().toString()));
    ProjectData data = std::move(project).value();
    data.modelFolder = QStringLiteral("tiny-wan2.1");
    data.sourceClip = QStringLiteral("fox.mp4");
    GenerationSettings &settings = data.parameters.settings;
    settings = demoSettings(settings);
    data.parameters.shots.front().frames = settings.frames;
    // The paper's share of the steps (about the first 58%), at the demo's step count.
    InjectionSchedule &schedule = data.parameters.schedule;
    schedule.stepBegin = 0;
    schedule.stepEnd = int(std::lround(0.58 * settings.steps));

    // The source is a little longer and larger than the render, so the conform plan has
    // something to show.
    const VideoFrames clip = drawDemoClip(384, 216, 48, 16.0);
    const QString clipPath = dir.filePath(data.sourceClip);
    if (auto written = encodeVideo(clip, clipPath); !written)
        return fail(QString::fromStdString(written.error().toString()));

    const QString projectPath = dir.filePath(QStringLiteral("demo.mbqproj"));
    if (auto saved = saveProjectFile(data, projectPath); !saved)
        return fail(QString::fromStdString(saved.error().toString()));
    std::printf("wrote %s\n  model %s (random weights: renders are noise)\n  source %s\n",
                qPrintable(projectPath), model.folder.c_str(), qPrintable(clipPath));
    return 0;
}

} // namespace mbq::cli
