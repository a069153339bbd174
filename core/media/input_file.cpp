#include "core/media/input_file.h"

extern "C" {
#include <libavutil/display.h>
#include <libavutil/pixdesc.h>
}

#include <QCoreApplication>
#include <QFileInfo>

#include <cmath>

namespace mbq::av {

namespace {

struct Media
{
    Q_DECLARE_TR_FUNCTIONS(mbq::Media)
};

Error openError(ErrorCode code, const QString &message, const QString &path)
{
    return makeError(code, message.toStdString(), path.toStdString());
}

// The clockwise rotation a player applies, from the stream's display matrix (the demuxer turns
// the old "rotate" tag into one too). Angles off the quarter turns and flips are rare enough in
// camera files to ignore.
int rotationOf(const AVStream *stream)
{
    const auto *matrix = reinterpret_cast<const int32_t *>(
        av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, nullptr));
    if (!matrix)
        return 0;
    const double counterClockwise = av_display_rotation_get(matrix);
    if (std::isnan(counterClockwise))
        return 0;
    int clockwise = int(std::lround(-counterClockwise)) % 360;
    if (clockwise < 0)
        clockwise += 360;
    return clockwise % 90 == 0 ? clockwise : 0;
}

double toDouble(AVRational r)
{
    return r.num > 0 && r.den > 0 ? av_q2d(r) : 0.0;
}

MediaInfo describe(const AVFormatContext *format, AVStream *stream, const AVCodecContext *decoder,
                   const QString &path)
{
    MediaInfo info;
    info.path = path;
    info.container = QString::fromUtf8(format->iformat->name);
    info.codec = QString::fromUtf8(decoder->codec->name);
    const AVCodecParameters *par = stream->codecpar;
    const auto pixelFormat = AVPixelFormat(par->format);
    if (const AVPixFmtDescriptor *desc = av_pix_fmt_desc_get(pixelFormat)) {
        info.pixelFormat = QString::fromUtf8(desc->name);
        info.bitDepth = desc->comp[0].depth;
        info.hasAlpha = desc->flags & AV_PIX_FMT_FLAG_ALPHA;
    }
    info.codedWidth = par->width;
    info.codedHeight = par->height;

    AVRational sar = av_guess_sample_aspect_ratio(const_cast<AVFormatContext *>(format), stream,
                                                  nullptr);
    if (sar.num <= 0 || sar.den <= 0)
        sar = {1, 1};
    av_reduce(&info.sarNum, &info.sarDen, sar.num, sar.den, 1 << 16);
    // Non-square pixels widen (or narrow) the picture; the height stays, as players do it.
    const int squareWidth = std::max(1, int(std::lround(double(par->width) * info.sarNum
                                                          / info.sarDen)));
    info.rotation = rotationOf(stream);
    const bool quarterTurn = info.rotation == 90 || info.rotation == 270;
    info.width = quarterTurn ? par->height : squareWidth;
    info.height = quarterTurn ? squareWidth : par->height;

    info.fps = toDouble(av_guess_frame_rate(const_cast<AVFormatContext *>(format), stream,
                                            nullptr));
    const double average = toDouble(stream->avg_frame_rate);
    const double base = toDouble(stream->r_frame_rate);
    info.variableFrameRate = average > 0 && base > 0 && std::abs(average - base) > 0.01 * base;
    if (stream->duration != AV_NOPTS_VALUE && stream->duration > 0)
        info.durationSeconds = double(stream->duration) * av_q2d(stream->time_base);
    else if (format->duration != AV_NOPTS_VALUE && format->duration > 0)
        info.durationSeconds = double(format->duration) / AV_TIME_BASE;
    if (stream->nb_frames > 0 && stream->nb_frames < INT32_MAX) {
        info.frameCount = int(stream->nb_frames);
        info.frameCountExact = true;
    } else if (info.fps > 0) {
        info.frameCount = int(std::lround(info.durationSeconds * info.fps));
    }
    for (const char *key : {"comment", "description"}) {
        if (const AVDictionaryEntry *e = av_dict_get(format->metadata, key, nullptr, 0)) {
            info.metadataComment = QString::fromUtf8(e->value);
            break;
        }
    }
    return info;
}

// The main video stream: the demuxer's best guess unless that is cover art, else the first
// real video stream.
AVStream *pickVideoStream(AVFormatContext *format)
{
    const int best = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    const auto usable = [](const AVStream *s) {
        return s->codecpar->codec_type == AVMEDIA_TYPE_VIDEO
            && !(s->disposition & AV_DISPOSITION_ATTACHED_PIC);
    };
    if (best >= 0 && usable(format->streams[best]))
        return format->streams[best];
    for (unsigned i = 0; i < format->nb_streams; ++i)
        if (usable(format->streams[i]))
            return format->streams[i];
    return nullptr;
}

} // namespace

double streamSeconds(const AVStream *stream, int64_t timestamp)
{
    const int64_t start = stream->start_time == AV_NOPTS_VALUE ? 0 : stream->start_time;
    return double(timestamp - start) * av_q2d(stream->time_base);
}

Result<InputFile> openInput(const QString &path, int timeoutMs)
{
    initLogging();
    const QFileInfo fileInfo(path);
    const QString name = fileInfo.fileName();
    // A '%' names an image sequence pattern, which exists only through its numbered files.
    if (!path.contains(QLatin1Char('%'))) {
        if (!fileInfo.exists())
            return openError(ErrorCode::NotFound, Media::tr("%1: no such file").arg(name), path);
        if (fileInfo.isDir())
            return openError(ErrorCode::BadFormat,
                             Media::tr("%1: is a folder, not a video").arg(name), path);
        if (fileInfo.size() == 0)
            return openError(ErrorCode::BadFormat, Media::tr("%1: is empty").arg(name), path);
    }

    InputFile input;
    input.watchdog = std::make_unique<Watchdog>(timeoutMs);
    AVFormatContext *raw = avformat_alloc_context();
    if (!raw)
        return openError(ErrorCode::OutOfMemory, Media::tr("%1: out of memory").arg(name), path);
    raw->interrupt_callback = {&Watchdog::callback, input.watchdog.get()};
    // avformat_open_input frees the context itself when it fails.
    const QByteArray utf8 = path.toUtf8();
    int rc = avformat_open_input(&raw, utf8.constData(), nullptr, nullptr);
    if (rc < 0) {
        const QString reason = QString::fromStdString(errorString(rc));
        if (rc == AVERROR(EACCES) || rc == AVERROR(EPERM))
            return openError(ErrorCode::Io, Media::tr("%1: cannot read: %2").arg(name, reason),
                             path);
        if (rc == AVERROR(ENOENT))
            return openError(ErrorCode::NotFound, Media::tr("%1: no such file").arg(name), path);
        return openError(ErrorCode::BadFormat,
                         Media::tr("%1: not a video file FFmpeg can read (%2)").arg(name, reason),
                         path);
    }
    input.format.reset(raw);
    rc = avformat_find_stream_info(raw, nullptr);
    if (rc < 0) {
        return openError(ErrorCode::BadFormat,
                         Media::tr("%1: cannot read the streams: %2")
                             .arg(name, QString::fromStdString(errorString(rc))),
                         path);
    }
    input.stream = pickVideoStream(raw);
    if (!input.stream)
        return openError(ErrorCode::BadFormat, Media::tr("%1: contains no video stream").arg(name),
                         path);
    // Only the video stream is demuxed into packets we look at; audio is skipped cheaply.
    for (unsigned i = 0; i < raw->nb_streams; ++i)
        if (raw->streams[i] != input.stream)
            raw->streams[i]->discard = AVDISCARD_ALL;

    const AVCodecParameters *par = input.stream->codecpar;
    const AVCodec *codec = avcodec_find_decoder(par->codec_id);
    if (!codec) {
        return openError(ErrorCode::Unsupported,
                         Media::tr("%1: this FFmpeg has no decoder for %2")
                             .arg(name, QString::fromUtf8(avcodec_get_name(par->codec_id))),
                         path);
    }
    if (par->width <= 0 || par->height <= 0)
        return openError(ErrorCode::BadFormat,
                         Media::tr("%1: the video has no frame size").arg(name), path);
    input.decoder.reset(avcodec_alloc_context3(codec));
    if (!input.decoder)
        return openError(ErrorCode::OutOfMemory, Media::tr("%1: out of memory").arg(name), path);
    avcodec_parameters_to_context(input.decoder.get(), par);
    input.decoder->pkt_timebase = input.stream->time_base;
    input.decoder->thread_count = 0; // one per core
    rc = avcodec_open2(input.decoder.get(), codec, nullptr);
    if (rc < 0) {
        return openError(
            ErrorCode::Unsupported,
            Media::tr("%1: cannot open the %2 decoder: %3")
                .arg(name, QString::fromUtf8(codec->name), QString::fromStdString(errorString(rc))),
            path);
    }
    input.info = describe(raw, input.stream, input.decoder.get(), path);
    return input;
}

} // namespace mbq::av

namespace mbq {

Result<MediaInfo> probeVideo(const QString &path)
{
    constexpr int kProbeTimeoutMs = 10000;
    auto input = av::openInput(path, kProbeTimeoutMs);
    if (!input)
        return input.error();
    return input->info;
}

} // namespace mbq
