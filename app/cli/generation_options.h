#pragma once
// The options every rendering subcommand shares (`mbq generate`, `transfer` and `sweep`): the
// model, the prompts, the generation settings and where to compute.

#include "app/cli/command_line.h"
#include "inference/engine.h"

#include <string>

namespace mbq::cli {

struct GenerationOptions
{
    QCommandLineOption model {QStringLiteral("model")};
    QCommandLineOption prompt {QStringLiteral("prompt")};
    QCommandLineOption negative {QStringLiteral("negative")};
    QCommandLineOption width {QStringLiteral("width")};
    QCommandLineOption height {QStringLiteral("height")};
    QCommandLineOption frames {QStringLiteral("frames")};
    QCommandLineOption fps {QStringLiteral("fps")};
    QCommandLineOption steps {QStringLiteral("steps")};
    QCommandLineOption guidance {QStringLiteral("guidance")};
    QCommandLineOption shift {QStringLiteral("shift")};
    QCommandLineOption sampler {QStringLiteral("sampler")};
    QCommandLineOption seed {QStringLiteral("seed")};
    QCommandLineOption device {QStringLiteral("device")};
    QCommandLineOption dtype {QStringLiteral("dtype")};
};

GenerationOptions addGenerationOptions(CommandLine &line);

// Fills request->prompt, ->negativePrompt and ->settings: the model family's defaults for the
// options left out. -1 to go on, else the exit code (the problem already printed).
int readGenerationOptions(const CommandLine &line, const GenerationOptions &options,
                          const std::string &family, RenderRequest *request);

} // namespace mbq::cli
