#pragma once
// VideoReader: decodes a video file frame by frame, in stream order, with timestamps. Frames
// stay in the decoder's format until converted, so a caller that drops frames (rate
// resampling, thumbnails) pays the RGB conversion only for the ones it keeps. Damage is
// recorded as DecodeProblems and skipped; a stall trips a watchdog instead of hanging.

#include "core/media/media_info.h"

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

struct AVFrame;

namespace mbq {

// One decoded frame before RGB conversion. Cheap to keep: it references the decoder's buffers.
class DecodedPicture
{
public:
    DecodedPicture();
    ~DecodedPicture();
    DecodedPicture(DecodedPicture &&) noexcept;
    DecodedPicture &operator=(DecodedPicture &&) noexcept;

    double seconds = 0.0; // from the stream's start
    int index = 0;        // position among the frames this reader produced

private:
    friend class VideoReader;
    struct FrameFree
    {
        void operator()(AVFrame *frame) const;
    };
    std::unique_ptr<AVFrame, FrameFree> m_frame;
};

struct ReaderOptions
{
    // A libav call or the read loop making no progress for this long stops the read.
    int stallTimeoutMs = 10000;
    // What transparent pixels of alpha video are composited onto.
    std::array<uint8_t, 3> background = {0, 0, 0};
};

class VideoReader
{
public:
    static Result<std::unique_ptr<VideoReader>> open(const QString &path,
                                                     const ReaderOptions &options = {});
    ~VideoReader();

    const MediaInfo &info() const;

    // Decodes the next frame into `picture`. false at the end of the stream, or when the rest
    // of the file cannot be read (then problems() says why).
    bool read(DecodedPicture &picture);

    // Jumps to the last key frame at or before `seconds`; the next read() decodes from there.
    // False (with a problem recorded) when the file cannot seek; reading then goes on.
    bool seek(double seconds);

    // Converts a picture to RGB8 at width × height in display orientation (rotation applied,
    // non-square pixels and alpha resolved), scaling as needed.
    Result<void> toRgb(const DecodedPicture &picture, int width, int height, uint8_t *rgb);

    // Skip all but key frames from now on: for fast filmstrips of long files.
    void setKeyFramesOnly(bool on);

    const std::vector<DecodeProblem> &problems() const;

private:
    struct Private;
    explicit VideoReader(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace mbq
