#pragma once
// What `mbq transfer` adds to `mbq generate`: the source clip (decoded and conformed to the
// render), the injection schedule from options or a preset, and the extra outputs (baseline
// video, metrics JSON).

#include "app/cli/command_line.h"
#include "core/media/video_writer.h"
#include "inference/engine.h"

namespace mbq::cli {

struct TransferOptions
{
    QCommandLineOption source {QStringLiteral("source")};
    QCommandLineOption sourcePrompt {QStringLiteral("source-prompt")};
    QCommandLineOption layers {QStringLiteral("layers")};
    QCommandLineOption weight {QStringLiteral("weight")};
    QCommandLineOption stepsRange {QStringLiteral("steps-range")};
    QCommandLineOption mode {QStringLiteral("mode")};
    QCommandLineOption extract {QStringLiteral("extract")};
    QCommandLineOption preset {QStringLiteral("preset")};
    QCommandLineOption baselineOut {QStringLiteral("baseline-out")};
    QCommandLineOption metrics {QStringLiteral("metrics")};
};

TransferOptions addTransferOptions(CommandLine &line);

// Fills request->injection, ->sourcePrompt, ->source (conformed to request->settings) and
// ->wantBaseline. -1 to go on, else the exit code (the problem already printed).
int readTransferOptions(const CommandLine &line, const TransferOptions &options,
                        const QString &modelFolder, RenderRequest *request);

// Writes the baseline video and the metrics JSON when asked for; returns the exit code.
int writeTransferExtras(const CommandLine &line, const TransferOptions &options,
                        const VideoFrames &source, const RenderOutput &render,
                        const EncodeOptions &encode);

} // namespace mbq::cli
