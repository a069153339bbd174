#pragma once
// Opening a video file for decoding: demuxer, chosen video stream and its decoder, guarded by a
// watchdog so no libav call can block for ever on a damaged or stalled file. Private to
// core/media.

#include "core/media/av_handles.h"
#include "core/media/media_info.h"

#include <chrono>

namespace mbq::av {

// libav's interrupt callback aborts blocking calls once the deadline passes; readers re-arm it
// whenever they make progress, so only a stall (not a long file) trips it.
class Watchdog
{
public:
    explicit Watchdog(int timeoutMs) : m_timeout(timeoutMs) { arm(); }
    void arm() { m_deadline = std::chrono::steady_clock::now() + m_timeout; }
    bool expired() const { return std::chrono::steady_clock::now() > m_deadline; }
    static int callback(void *self) { return static_cast<Watchdog *>(self)->expired() ? 1 : 0; }

private:
    std::chrono::milliseconds m_timeout;
    std::chrono::steady_clock::time_point m_deadline;
};

struct InputFile
{
    // Declared first so it is destroyed last: the format context calls back into it.
    std::unique_ptr<Watchdog> watchdog;
    InputPtr format;
    CodecPtr decoder;
    AVStream *stream = nullptr;
    MediaInfo info;
};

// Opens `path`, picks its main video stream (skipping cover art) and opens a decoder for it.
Result<InputFile> openInput(const QString &path, int timeoutMs);

// Seconds of a timestamp in `stream`'s time base, counted from the stream's start.
double streamSeconds(const AVStream *stream, int64_t timestamp);

} // namespace mbq::av
