#pragma once
// VideoWriter: encodes RGB8 frames into a video file with FFmpeg's libraries. Output goes to a
// temporary file beside the target, renamed over it only when the file is complete; a failed
// or abandoned write (disk full, no permission, a destroyed writer) leaves nothing behind.

#include "inference/engine.h"
#include "inference/result.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace mbq {

enum class VideoCodec {
    H264,         // libx264, yuv420p (BT.709, limited range): plays everywhere
    H265,         // libx265, yuv420p, tagged hvc1 in MP4/MOV so Apple players accept it
    H264Lossless, // libx264 at qp 0 in yuv444p: lossless in YUV, near-lossless from RGB
    Ffv1,         // FFV1 in RGB: bit-exact RGB; MKV (or MOV/AVI) only
};

struct EncodeOptions
{
    VideoCodec codec = VideoCodec::H264;
    int crf = 18;                         // x264/x265 quality, 0 (best) .. 51
    QString preset = QStringLiteral("medium"); // x264/x265 speed preset
    // Stored in the container's comment tag (MP4 ©cmt, Matroska COMMENT): the render
    // parameters as JSON, so an exported clip can be re-opened as a project.
    QByteArray metadataJson;
    bool faststart = true; // MP4/MOV: index before the data, so playback starts at once
};

const char *videoCodecName(VideoCodec codec);

class VideoWriter
{
public:
    // The container comes from the file extension (.mp4, .mov, .mkv, .avi). Sizes must be even
    // for the 4:2:0 codecs; fps > 0.
    static Result<std::unique_ptr<VideoWriter>> open(const QString &path, int width, int height,
                                                     double fps, const EncodeOptions &options);
    ~VideoWriter(); // without a successful finish(), removes the temporary file

    // One RGB8 frame of the size given to open().
    Result<void> write(const uint8_t *rgb);
    // Flushes the encoder, completes the container and renames the file into place.
    Result<void> finish();

private:
    struct Private;
    explicit VideoWriter(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

// Encodes a whole clip; frames.fps must be positive.
Result<void> encodeVideo(const VideoFrames &frames, const QString &path,
                         const EncodeOptions &options = {});

} // namespace mbq
