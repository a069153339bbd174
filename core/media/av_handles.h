#pragma once
// RAII owners for every libav handle core/media touches, plus the few helpers that turn libav
// error codes into words. Private to core/media: nothing outside it sees a libav type.

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
#include <libswscale/swscale.h>
}

#include <memory>
#include <string>

namespace mbq::av {

struct InputDeleter
{
    void operator()(AVFormatContext *c) const { avformat_close_input(&c); }
};
// An output context owns its AVIOContext only once avio_open succeeded; the deleter closes it
// (an abandoned write) before freeing the context.
struct OutputDeleter
{
    void operator()(AVFormatContext *c) const
    {
        if (c->pb && !(c->oformat->flags & AVFMT_NOFILE))
            avio_closep(&c->pb);
        avformat_free_context(c);
    }
};
struct CodecDeleter
{
    void operator()(AVCodecContext *c) const { avcodec_free_context(&c); }
};
struct FrameDeleter
{
    void operator()(AVFrame *f) const { av_frame_free(&f); }
};
struct PacketDeleter
{
    void operator()(AVPacket *p) const { av_packet_free(&p); }
};
struct SwsDeleter
{
    void operator()(SwsContext *s) const { sws_freeContext(s); }
};

using InputPtr = std::unique_ptr<AVFormatContext, InputDeleter>;
using OutputPtr = std::unique_ptr<AVFormatContext, OutputDeleter>;
using CodecPtr = std::unique_ptr<AVCodecContext, CodecDeleter>;
using FramePtr = std::unique_ptr<AVFrame, FrameDeleter>;
using PacketPtr = std::unique_ptr<AVPacket, PacketDeleter>;
using SwsPtr = std::unique_ptr<SwsContext, SwsDeleter>;

// An AVDictionary built up by av_dict_set and handed to an *_open call that may consume and
// replace it; `get()` returns the address those calls want.
class Dictionary
{
public:
    Dictionary() = default;
    Dictionary(const Dictionary &) = delete;
    Dictionary &operator=(const Dictionary &) = delete;
    ~Dictionary() { av_dict_free(&m_dict); }

    void set(const char *key, const char *value) { av_dict_set(&m_dict, key, value, 0); }
    AVDictionary **get() { return &m_dict; }

private:
    AVDictionary *m_dict = nullptr;
};

// av_strerror as a std::string.
std::string errorString(int code);

// Quiet libav's own logging once per process: errors reach the user through Result, and
// libav's stderr chatter from damaged files would only confuse.
void initLogging();

} // namespace mbq::av
