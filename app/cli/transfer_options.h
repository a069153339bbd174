#pragma once
// What `mbq transfer` and `mbq sweep` add to `mbq generate`: the source clip (decoded and
// conformed to the render) and the injection schedule from options or a preset; and the extra
// outputs of `mbq transfer` (baseline video, metrics JSON).

#include "app/cli/command_line.h"
#include "core/media/video_writer.h"
#include "inference/engine.h"

namespace mbq::cli {

struct TransferOptions
{
    QCommandLineOption source {QStringLiteral("source")};
    QCommandLineOption sourcePrompt {QStringLiteral("source-prompt")};
    QCommandLineOption sourceSeed {QStringLiteral("source-seed")};
    QCommandLineOption layers {QStringLiteral("layers")};
    QCommandLineOption weight {QStringLiteral("weight")};
    QCommandLineOption stepsRange {QStringLiteral("steps-range")};
    QCommandLineOption mode {QStringLiteral("mode")};
    QCommandLineOption extract {QStringLiteral("extract")};
    QCommandLineOption preset {QStringLiteral("preset")};
};

TransferOptions addTransferOptions(CommandLine &line);

// Fills request->injection, ->sourcePrompt, ->sourceSeed and ->source (conformed to request->settings) for
// `model`. -1 to go on, else the exit code (the problem already printed).
int readTransferOptions(const CommandLine &line, const TransferOptions &options,
                        const ModelInfo &model, RenderRequest *request);

struct TransferOutputs
{
    QCommandLineOption baselineOut {QStringLiteral("baseline-out")};
    QCommandLineOption metrics {QStringLiteral("metrics")};

    // Whether the render must include the baseline.
    bool needBaseline(const CommandLine &line) const
    {
        return line.isSet(baselineOut) || line.isSet(metrics);
    }
};

TransferOutputs addTransferOutputs(CommandLine &line);

// Writes the baseline video and the metrics JSON when asked for; returns the exit code.
int writeTransferExtras(const CommandLine &line, const TransferOutputs &outputs,
                        const VideoFrames &source, const RenderOutput &render,
                        const EncodeOptions &encode);

} // namespace mbq::cli
