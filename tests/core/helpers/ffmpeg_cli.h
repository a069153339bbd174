#pragma once
// The ffmpeg command-line tool, used only by tests to make fixture files with FFmpeg's own
// encoders (the app never runs it).

#include "inference/engine.h"

#include <QString>
#include <QStringList>

namespace mbq::test {

bool haveFfmpegCli();

// Runs `ffmpeg -y -v error <args>`; on failure returns false and fills `log`.
bool runFfmpeg(const QStringList &args, QString *log = nullptr);

// Writes `clip` as raw RGB24 and runs ffmpeg on it: "-f rawvideo ... -i raw <outputArgs> out".
bool encodeWithFfmpeg(const VideoFrames &clip, const QStringList &outputArgs,
                      const QString &outputPath, QString *log = nullptr);

} // namespace mbq::test
