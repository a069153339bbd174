#pragma once
// Decoding a whole clip (or a time range of it) to RGB8 frames with their timestamps, at the
// displayed size. For clips headed to a model use decodeConformed (conform.h), which scales
// while decoding and keeps only the frames it needs.

#include "core/media/media_info.h"
#include "core/media/video_reader.h"
#include "inference/engine.h"

#include <vector>

namespace mbq {

struct DecodeOptions
{
    double startSeconds = 0.0;
    double endSeconds = -1.0; // < 0: to the end
    int maxFrames = 0;        // 0: no limit
    // Decoding stops (with a problem) before the frames would exceed this many bytes.
    size_t maxBytes = size_t(4) << 30;
    ReaderOptions reader;
};

struct DecodedClip
{
    MediaInfo info;
    VideoFrames frames;          // fps = info.fps; timestamps say when each frame shows
    std::vector<double> seconds; // one per frame, increasing, from the stream's start
    std::vector<DecodeProblem> problems; // empty when every frame decoded cleanly
};

// Fails only when the file cannot be opened or not a single frame decodes; damage after the
// first frame is reported in `problems`.
Result<DecodedClip> decodeVideo(const QString &path, const DecodeOptions &options = {});

} // namespace mbq
