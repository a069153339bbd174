#include "core/media/video_writer.h"

#include "core/media/av_handles.h"

extern "C" {
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
}

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

#include <algorithm>
#include <cerrno>
#include <cstdio>

namespace mbq {

namespace {

struct Media
{
    Q_DECLARE_TR_FUNCTIONS(mbq::Media)
};

// A libav write failure in words a user can act on.
Error writeError(int rc, const QString &name, const QString &path)
{
    QString why;
    if (rc == AVERROR(ENOSPC) || rc == AVERROR(EDQUOT))
        why = Media::tr("the disk is full");
    else if (rc == AVERROR(EACCES) || rc == AVERROR(EPERM) || rc == AVERROR(EROFS))
        why = Media::tr("permission denied");
    else if (rc == AVERROR(EFBIG))
        why = Media::tr("the file would exceed the largest size allowed here");
    else
        why = QString::fromStdString(av::errorString(rc));
    return makeError(ErrorCode::Io, Media::tr("Cannot write %1: %2").arg(name, why).toStdString(),
                     path.toStdString());
}

Error encodeError(const QString &message, const QString &path,
                  ErrorCode code = ErrorCode::Internal)
{
    return makeError(code, message.toStdString(), path.toStdString());
}

struct CodecChoice
{
    const char *encoder;
    AVPixelFormat pixelFormat;
    bool subsampled; // 4:2:0 needs even sizes
    bool rgb;        // stored as RGB: no YUV matrix involved
};

CodecChoice choiceFor(VideoCodec codec)
{
    switch (codec) {
    case VideoCodec::H264:
        return {"libx264", AV_PIX_FMT_YUV420P, true, false};
    case VideoCodec::H265:
        return {"libx265", AV_PIX_FMT_YUV420P, true, false};
    case VideoCodec::H264Lossless:
        return {"libx264", AV_PIX_FMT_YUV444P, false, false};
    case VideoCodec::Ffv1:
        return {"ffv1", AV_PIX_FMT_BGR0, false, true};
    }
    return {"libx264", AV_PIX_FMT_YUV420P, true, false};
}

} // namespace

const char *videoCodecName(VideoCodec codec)
{
    switch (codec) {
    case VideoCodec::H264:
        return "h264";
    case VideoCodec::H265:
        return "h265";
    case VideoCodec::H264Lossless:
        return "h264-lossless";
    case VideoCodec::Ffv1:
        return "ffv1";
    }
    return "h264";
}

struct VideoWriter::Private
{
    QString path;     // where the finished file goes
    QString tempPath; // where it is written until then
    QString name;
    av::OutputPtr format;
    av::CodecPtr encoder;
    av::FramePtr frame{av_frame_alloc()};
    av::PacketPtr packet{av_packet_alloc()};
    av::SwsPtr sws;
    AVStream *stream = nullptr;
    int width = 0;
    int height = 0;
    int64_t frames = 0;
    bool committed = false;
    bool failed = false;

    // Any way out without a commit (a failed open included) removes the temporary file.
    ~Private()
    {
        if (committed || tempPath.isEmpty())
            return;
        format.reset(); // closes the file before it is removed
        QFile::remove(tempPath);
    }

    // Sends `input` (null flushes) and writes every packet the encoder has ready.
    Result<void> encode(const AVFrame *input)
    {
        int rc = avcodec_send_frame(encoder.get(), input);
        if (rc < 0)
            return encodeError(Media::tr("Cannot encode %1: %2")
                                   .arg(name, QString::fromStdString(av::errorString(rc))),
                               path);
        for (;;) {
            rc = avcodec_receive_packet(encoder.get(), packet.get());
            if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF)
                return {};
            if (rc < 0)
                return encodeError(Media::tr("Cannot encode %1: %2")
                                       .arg(name, QString::fromStdString(av::errorString(rc))),
                                   path);
            av_packet_rescale_ts(packet.get(), encoder->time_base, stream->time_base);
            packet->stream_index = stream->index;
            rc = av_interleaved_write_frame(format.get(), packet.get());
            if (rc < 0)
                return writeError(rc, name, path);
            if (format->pb && format->pb->error < 0)
                return writeError(format->pb->error, name, path);
        }
    }

    Result<void> fail(Error error)
    {
        failed = true;
        return error;
    }
};

Result<std::unique_ptr<VideoWriter>> VideoWriter::open(const QString &path, int width,
                                                       int height, double fps,
                                                       const EncodeOptions &options)
{
    av::initLogging();
    auto d = std::make_unique<Private>();
    const QFileInfo info(path);
    d->path = path;
    d->name = info.fileName();
    d->width = width;
    d->height = height;
    const CodecChoice choice = choiceFor(options.codec);
    if (width <= 0 || height <= 0 || fps <= 0)
        return encodeError(Media::tr("Cannot write %1: empty video (%2×%3 at %4 fps)")
                               .arg(d->name)
                               .arg(width)
                               .arg(height)
                               .arg(fps),
                           path, ErrorCode::InvalidArgument);
    if (choice.subsampled && (width % 2 || height % 2))
        return encodeError(
            Media::tr("Cannot write %1: %2 needs an even width and height, not %3×%4")
                .arg(d->name, QString::fromLatin1(videoCodecName(options.codec)))
                .arg(width)
                .arg(height),
            path, ErrorCode::InvalidArgument);

    const QByteArray pathUtf8 = path.toUtf8();
    const AVOutputFormat *container = av_guess_format(nullptr, pathUtf8.constData(), nullptr);
    if (!container)
        return encodeError(
            Media::tr("Cannot write %1: unknown container; use .mp4, .mov or .mkv").arg(d->name),
            path, ErrorCode::InvalidArgument);
    const AVCodec *codec = avcodec_find_encoder_by_name(choice.encoder);
    if (!codec)
        return encodeError(Media::tr("Cannot write %1: this FFmpeg has no %2 encoder")
                               .arg(d->name, QString::fromLatin1(choice.encoder)),
                           path, ErrorCode::Unsupported);
    if (avformat_query_codec(container, codec->id, FF_COMPLIANCE_NORMAL) != 1)
        return encodeError(
            Media::tr("Cannot write %1: %2 video cannot be stored in a .%3 file")
                .arg(d->name, QString::fromLatin1(videoCodecName(options.codec)), info.suffix()),
            path, ErrorCode::InvalidArgument);

    // The temporary file sits beside the target so the final rename stays on one file system.
    const QDir dir = info.absoluteDir();
    if (!dir.exists())
        return encodeError(
            Media::tr("Cannot write %1: the folder %2 does not exist").arg(d->name, dir.path()),
            path, ErrorCode::NotFound);
    {
        QTemporaryFile reserve(dir.filePath(QStringLiteral(".%1.XXXXXX.part").arg(d->name)));
        reserve.setAutoRemove(false);
        if (!reserve.open())
            return encodeError(Media::tr("Cannot write %1: %2").arg(d->name, reserve.errorString()),
                               path, ErrorCode::Io);
        // QTemporaryFile creates 0600; an exported video is an ordinary document others read.
        reserve.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner
                               | QFileDevice::ReadGroup | QFileDevice::ReadOther);
        d->tempPath = reserve.fileName();
    }
    // From here on Private's destructor removes the temporary file on any failure.
    const QByteArray tempUtf8 = d->tempPath.toUtf8();
    AVFormatContext *raw = nullptr;
    avformat_alloc_output_context2(&raw, container, nullptr, tempUtf8.constData());
    if (!raw)
        return encodeError(Media::tr("Cannot write %1: out of memory").arg(d->name), path,
                           ErrorCode::OutOfMemory);
    d->format.reset(raw);

    d->encoder.reset(avcodec_alloc_context3(codec));
    if (!d->encoder || !d->frame || !d->packet)
        return encodeError(Media::tr("Cannot write %1: out of memory").arg(d->name), path,
                           ErrorCode::OutOfMemory);
    AVCodecContext *enc = d->encoder.get();
    const AVRational rate = av_d2q(fps, 1 << 20);
    enc->width = width;
    enc->height = height;
    enc->pix_fmt = choice.pixelFormat;
    enc->time_base = av_inv_q(rate);
    enc->framerate = rate;
    enc->sample_aspect_ratio = {1, 1};
    enc->thread_count = 0;
    if (!choice.rgb) {
        enc->colorspace = AVCOL_SPC_BT709;
        enc->color_primaries = AVCOL_PRI_BT709;
        enc->color_trc = AVCOL_TRC_BT709;
        enc->color_range = AVCOL_RANGE_MPEG;
    }
    if (container->flags & AVFMT_GLOBALHEADER)
        enc->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    av::Dictionary codecOptions;
    if (options.codec == VideoCodec::H264 || options.codec == VideoCodec::H265) {
        codecOptions.set("preset", options.preset.toUtf8().constData());
        codecOptions.set("crf", QByteArray::number(std::clamp(options.crf, 0, 51)).constData());
    } else if (options.codec == VideoCodec::H264Lossless) {
        codecOptions.set("preset", options.preset.toUtf8().constData());
        codecOptions.set("qp", "0");
    } else {
        codecOptions.set("level", "3"); // FFV1 version 3: per-slice CRCs, multithreaded
        codecOptions.set("slicecrc", "1");
    }
    if (options.codec == VideoCodec::H265)
        codecOptions.set("x265-params", "log-level=none"); // x265 prints to stderr itself
    int rc = avcodec_open2(enc, codec, codecOptions.get());
    if (rc < 0)
        return encodeError(Media::tr("Cannot write %1: the %2 encoder refused the settings: %3")
                               .arg(d->name, QString::fromLatin1(choice.encoder),
                                    QString::fromStdString(av::errorString(rc))),
                           path, ErrorCode::InvalidArgument);

    d->stream = avformat_new_stream(raw, nullptr);
    if (!d->stream)
        return encodeError(Media::tr("Cannot write %1: out of memory").arg(d->name), path,
                           ErrorCode::OutOfMemory);
    d->stream->time_base = enc->time_base;
    d->stream->avg_frame_rate = rate;
    avcodec_parameters_from_context(d->stream->codecpar, enc);
    const bool isMov = QByteArray(container->name).contains("mp4")
        || QByteArray(container->name).contains("mov");
    if (options.codec == VideoCodec::H265 && isMov)
        d->stream->codecpar->codec_tag = MKTAG('h', 'v', 'c', '1');
    if (!options.metadataJson.isEmpty())
        av_dict_set(&raw->metadata, "comment", options.metadataJson.constData(), 0);

    rc = avio_open(&raw->pb, tempUtf8.constData(), AVIO_FLAG_WRITE);
    if (rc < 0)
        return writeError(rc, d->name, path);
    av::Dictionary muxOptions;
    if (options.faststart && isMov)
        muxOptions.set("movflags", "+faststart");
    rc = avformat_write_header(raw, muxOptions.get());
    if (rc < 0)
        return writeError(rc, d->name, path);

    AVFrame *frame = d->frame.get();
    frame->format = enc->pix_fmt;
    frame->width = width;
    frame->height = height;
    if (av_frame_get_buffer(frame, 0) < 0)
        return encodeError(Media::tr("Cannot write %1: out of memory").arg(d->name), path,
                           ErrorCode::OutOfMemory);
    d->sws.reset(sws_getContext(width, height, AV_PIX_FMT_RGB24, width, height, enc->pix_fmt,
                                SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT
                                    | SWS_FULL_CHR_H_INP,
                                nullptr, nullptr, nullptr));
    if (!d->sws)
        return encodeError(
            Media::tr("Cannot write %1: no RGB conversion to %2")
                .arg(d->name, QString::fromLatin1(av_get_pix_fmt_name(enc->pix_fmt))),
            path, ErrorCode::Unsupported);
    if (!choice.rgb) {
        // Matches the BT.709 limited-range tags above, which our decoder and players honour.
        sws_setColorspaceDetails(d->sws.get(), sws_getCoefficients(SWS_CS_DEFAULT), 1,
                                 sws_getCoefficients(SWS_CS_ITU709), 0, 0, 1 << 16, 1 << 16);
    }
    return std::unique_ptr<VideoWriter>(new VideoWriter(std::move(d)));
}

VideoWriter::VideoWriter(std::unique_ptr<Private> d) : d(std::move(d)) {}

VideoWriter::~VideoWriter() = default;

Result<void> VideoWriter::write(const uint8_t *rgb)
{
    if (d->failed || d->committed)
        return encodeError(Media::tr("Cannot write %1: the writer is closed").arg(d->name),
                           d->path);
    AVFrame *frame = d->frame.get();
    if (av_frame_make_writable(frame) < 0)
        return d->fail(encodeError(Media::tr("Cannot write %1: out of memory").arg(d->name),
                                   d->path, ErrorCode::OutOfMemory));
    const uint8_t *planes[4] = {rgb, nullptr, nullptr, nullptr};
    const int strides[4] = {d->width * 3, 0, 0, 0};
    sws_scale(d->sws.get(), planes, strides, 0, d->height, frame->data, frame->linesize);
    frame->pts = d->frames++;
    auto sent = d->encode(frame);
    if (!sent)
        return d->fail(sent.error());
    return {};
}

Result<void> VideoWriter::finish()
{
    if (d->failed || d->committed)
        return encodeError(Media::tr("Cannot write %1: the writer is closed").arg(d->name),
                           d->path);
    auto flushed = d->encode(nullptr);
    if (!flushed)
        return d->fail(flushed.error());
    int rc = av_write_trailer(d->format.get());
    if (rc < 0)
        return d->fail(writeError(rc, d->name, d->path));
    // Buffered bytes reach the disk here, so a full disk can first show up now.
    rc = avio_closep(&d->format->pb);
    if (rc < 0)
        return d->fail(writeError(rc, d->name, d->path));
    // rename() replaces an existing target atomically on POSIX file systems.
    if (std::rename(QFile::encodeName(d->tempPath).constData(),
                    QFile::encodeName(d->path).constData())
        != 0)
        return d->fail(writeError(AVERROR(errno), d->name, d->path));
    d->committed = true;
    return {};
}

Result<void> encodeVideo(const VideoFrames &frames, const QString &path,
                         const EncodeOptions &options)
{
    if (frames.empty())
        return makeError(ErrorCode::InvalidArgument,
                         Media::tr("Cannot write %1: the clip has no frames")
                             .arg(QFileInfo(path).fileName())
                             .toStdString());
    auto writer = VideoWriter::open(path, frames.width, frames.height, frames.fps, options);
    if (!writer)
        return writer.error();
    for (int i = 0; i < frames.count; ++i) {
        auto written = writer.value()->write(frames.frame(i));
        if (!written)
            return written;
    }
    return writer.value()->finish();
}

} // namespace mbq
