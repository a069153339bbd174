#pragma once
// What a video file holds, learned from its headers without decoding (probeVideo), and the
// problems met while decoding one. Plain values: the UI shows them, the conform plan reads them.

#include "inference/result.h"

#include <QString>

namespace mbq {

struct MediaInfo
{
    QString path;
    QString container;   // FFmpeg's demuxer name, e.g. "mov,mp4,m4a,3gp,3g2,mj2"
    QString codec;       // decoder name, e.g. "h264"
    QString pixelFormat; // e.g. "yuv420p10le"
    int codedWidth = 0;  // pixels as stored
    int codedHeight = 0;
    int sarNum = 1;      // sample (pixel) aspect ratio; 1:1 for square pixels
    int sarDen = 1;
    int rotation = 0;    // clockwise degrees (0, 90, 180, 270) that turn stored into displayed
    int width = 0;       // displayed size: square pixels, rotation applied
    int height = 0;
    int bitDepth = 8;    // bits per component of the stored pixels
    bool hasAlpha = false;
    double fps = 0.0;    // nominal frame rate; timestamps are the truth for variable rates
    bool variableFrameRate = false; // the container's average and base rates disagree
    double durationSeconds = 0.0;
    int frameCount = 0;           // from the container, or duration × fps when it has none
    bool frameCountExact = false; // true when the container stated it
    QString metadataComment; // the container's comment (or description) tag: our JSON
};

// Reads the headers of a video file (or an image-sequence pattern like "frame_%04d.png").
// Errors: NotFound, BadFormat ("not a video"), Unsupported (no decoder), Io.
Result<MediaInfo> probeVideo(const QString &path);

// Something that could not be decoded; the rest of the clip still was.
struct DecodeProblem
{
    int frameIndex = 0;    // index the next good frame got (frames before it are fine)
    double seconds = 0.0;  // stream time of the damage, or of the last good frame
    QString message;
};

} // namespace mbq
