#include "core/media/video_reader.h"

#include "core/media/input_file.h"
#include "core/media/rgb_ops.h"

extern "C" {
#include <libavutil/pixdesc.h>
}

#include <QCoreApplication>
#include <QFileInfo>

#include <utility>

namespace mbq {

namespace {

struct Media
{
    Q_DECLARE_TR_FUNCTIONS(mbq::Media)
};

// Packets in a row that yield no frame before the reader gives up: far beyond any codec's
// delay (a few dozen), small enough that garbage cannot keep us busy for long.
constexpr int kMaxFruitlessPackets = 4096;
// Damaged files can fail on every packet; the list stops growing here.
constexpr int kMaxProblems = 50;

bool isFullRangeFormat(AVPixelFormat format)
{
    switch (format) {
    case AV_PIX_FMT_YUVJ420P:
    case AV_PIX_FMT_YUVJ422P:
    case AV_PIX_FMT_YUVJ444P:
    case AV_PIX_FMT_YUVJ440P:
    case AV_PIX_FMT_YUVJ411P:
        return true;
    default:
        return false;
    }
}

} // namespace

void DecodedPicture::FrameFree::operator()(AVFrame *frame) const
{
    av_frame_free(&frame);
}

DecodedPicture::DecodedPicture() : m_frame(av_frame_alloc()) {}
DecodedPicture::~DecodedPicture() = default;
DecodedPicture::DecodedPicture(DecodedPicture &&) noexcept = default;
DecodedPicture &DecodedPicture::operator=(DecodedPicture &&) noexcept = default;

struct VideoReader::Private
{
    av::InputFile input;
    ReaderOptions options;
    av::PacketPtr packet{av_packet_alloc()};
    av::SwsPtr sws;
    std::vector<uint8_t> converted; // swscale's output before rotation / compositing
    std::vector<uint8_t> composited;
    std::vector<DecodeProblem> problems;
    QString name;
    int produced = 0;
    double lastSeconds = -1.0;
    bool draining = false; // the decoder was told the input ended
    bool finished = false;

    void problem(double seconds, const QString &message)
    {
        if (int(problems.size()) >= kMaxProblems)
            return;
        const QString text = int(problems.size()) == kMaxProblems - 1
            ? Media::tr("%1 (further problems not listed)").arg(message)
            : message;
        problems.push_back({produced, seconds, text});
    }

    void startDraining()
    {
        avcodec_send_packet(input.decoder.get(), nullptr);
        draining = true;
    }

    double frameSeconds(const AVFrame *frame) const
    {
        const double step = input.info.fps > 0 ? 1.0 / input.info.fps : 1.0 / 25.0;
        double seconds = frame->best_effort_timestamp == AV_NOPTS_VALUE
            ? lastSeconds + step
            : av::streamSeconds(input.stream, frame->best_effort_timestamp);
        // Timestamps must increase for rate resampling; broken ones continue the sequence.
        if (lastSeconds >= 0 && seconds <= lastSeconds)
            seconds = lastSeconds + step;
        return std::max(0.0, seconds);
    }
};

Result<std::unique_ptr<VideoReader>> VideoReader::open(const QString &path,
                                                       const ReaderOptions &options)
{
    auto input = av::openInput(path, options.stallTimeoutMs);
    if (!input)
        return input.error();
    auto d = std::make_unique<Private>();
    d->input = std::move(input.value());
    d->options = options;
    d->name = QFileInfo(path).fileName();
    if (!d->packet)
        return makeError(ErrorCode::OutOfMemory,
                         Media::tr("%1: out of memory").arg(d->name).toStdString());
    return std::unique_ptr<VideoReader>(new VideoReader(std::move(d)));
}

VideoReader::VideoReader(std::unique_ptr<Private> d) : d(std::move(d)) {}
VideoReader::~VideoReader() = default;

const MediaInfo &VideoReader::info() const
{
    return d->input.info;
}

const std::vector<DecodeProblem> &VideoReader::problems() const
{
    return d->problems;
}

void VideoReader::setKeyFramesOnly(bool on)
{
    d->input.decoder->skip_frame = on ? AVDISCARD_NONKEY : AVDISCARD_DEFAULT;
}

bool VideoReader::read(DecodedPicture &picture)
{
    AVCodecContext *decoder = d->input.decoder.get();
    AVFrame *frame = picture.m_frame.get();
    int fruitless = 0;
    while (!d->finished) {
        d->input.watchdog->arm();
        int rc = avcodec_receive_frame(decoder, frame);
        if (rc == 0) {
            picture.seconds = d->frameSeconds(frame);
            picture.index = d->produced;
            if ((frame->flags & AV_FRAME_FLAG_CORRUPT) || frame->decode_error_flags) {
                d->problem(picture.seconds,
                           Media::tr("%1: frame %2 at %3 s is damaged; shown as far as it decoded")
                               .arg(d->name)
                               .arg(d->produced)
                               .arg(picture.seconds, 0, 'f', 3));
            }
            d->lastSeconds = picture.seconds;
            ++d->produced;
            return true;
        }
        if (rc == AVERROR_EOF || (rc == AVERROR(EAGAIN) && d->draining)) {
            d->finished = true;
            break;
        }
        if (rc != AVERROR(EAGAIN)) {
            d->problem(d->lastSeconds,
                       Media::tr("%1: a frame after %2 s could not be decoded: %3")
                           .arg(d->name)
                           .arg(std::max(0.0, d->lastSeconds), 0, 'f', 3)
                           .arg(QString::fromStdString(av::errorString(rc))));
        }
        if (++fruitless > kMaxFruitlessPackets) {
            d->problem(d->lastSeconds,
                       Media::tr("%1: gave up after %2 packets without a picture")
                           .arg(d->name)
                           .arg(kMaxFruitlessPackets));
            d->finished = true;
            break;
        }
        if (rc != AVERROR(EAGAIN))
            continue;

        rc = av_read_frame(d->input.format.get(), d->packet.get());
        if (rc == AVERROR_EOF) {
            d->startDraining();
            continue;
        }
        if (rc < 0) {
            const QString why = rc == AVERROR_EXIT ? Media::tr("reading stalled for more than %1 s")
                                                         .arg(d->options.stallTimeoutMs / 1000.0)
                                                   : QString::fromStdString(av::errorString(rc));
            d->problem(d->lastSeconds,
                       Media::tr("%1: cannot read past %2 s: %3")
                           .arg(d->name)
                           .arg(std::max(0.0, d->lastSeconds), 0, 'f', 3)
                           .arg(why));
            d->startDraining();
            continue;
        }
        if (d->packet->stream_index != d->input.stream->index) {
            av_packet_unref(d->packet.get());
            continue;
        }
        const int64_t ts = d->packet->pts != AV_NOPTS_VALUE ? d->packet->pts : d->packet->dts;
        const double packetSeconds = ts == AV_NOPTS_VALUE ? d->lastSeconds
                                                          : av::streamSeconds(d->input.stream, ts);
        rc = avcodec_send_packet(decoder, d->packet.get());
        av_packet_unref(d->packet.get());
        if (rc < 0 && rc != AVERROR(EAGAIN)) {
            d->problem(packetSeconds,
                       Media::tr("%1: damaged data at %2 s could not be decoded: %3")
                           .arg(d->name)
                           .arg(std::max(0.0, packetSeconds), 0, 'f', 3)
                           .arg(QString::fromStdString(av::errorString(rc))));
        }
    }
    return false;
}

bool VideoReader::seek(double seconds)
{
    AVStream *stream = d->input.stream;
    const int64_t start = stream->start_time == AV_NOPTS_VALUE ? 0 : stream->start_time;
    const int64_t target = start + int64_t(seconds / av_q2d(stream->time_base));
    d->input.watchdog->arm();
    const int rc = av_seek_frame(d->input.format.get(), stream->index, target,
                                 AVSEEK_FLAG_BACKWARD);
    if (rc < 0) {
        d->problem(seconds,
                   Media::tr("%1: cannot seek to %2 s: %3")
                       .arg(d->name)
                       .arg(seconds, 0, 'f', 3)
                       .arg(QString::fromStdString(av::errorString(rc))));
        return false;
    }
    avcodec_flush_buffers(d->input.decoder.get());
    d->draining = false;
    d->finished = false;
    d->lastSeconds = -1.0;
    return true;
}

Result<void> VideoReader::toRgb(const DecodedPicture &picture, int width, int height,
                                uint8_t *rgb)
{
    const AVFrame *frame = picture.m_frame.get();
    const auto format = AVPixelFormat(frame->format);
    const AVPixFmtDescriptor *desc = av_pix_fmt_desc_get(format);
    if (!desc || width <= 0 || height <= 0 || frame->width <= 0 || frame->height <= 0) {
        return makeError(ErrorCode::BadFormat,
                         Media::tr("%1: frame %2 has no usable picture")
                             .arg(d->name)
                             .arg(picture.index)
                             .toStdString());
    }
    const int rotation = d->input.info.rotation;
    const bool quarterTurn = rotation == 90 || rotation == 270;
    const int convWidth = quarterTurn ? height : width;
    const int convHeight = quarterTurn ? width : height;
    const bool alpha = desc->flags & AV_PIX_FMT_FLAG_ALPHA;
    const AVPixelFormat target = alpha ? AV_PIX_FMT_RGBA : AV_PIX_FMT_RGB24;
    // Area averaging for strong reductions (thumbnails) avoids aliasing; bicubic otherwise.
    const bool strongReduction = convWidth * 2 < frame->width && convHeight * 2 < frame->height;
    const int flags = (strongReduction ? SWS_AREA : SWS_BICUBIC) | SWS_ACCURATE_RND
        | SWS_FULL_CHR_H_INT | SWS_FULL_CHR_H_INP;
    d->sws.reset(sws_getCachedContext(d->sws.release(), frame->width, frame->height, format,
                                      convWidth, convHeight, target, flags, nullptr, nullptr,
                                      nullptr));
    if (!d->sws) {
        return makeError(ErrorCode::Unsupported,
                         Media::tr("%1: cannot convert %2 pictures to RGB")
                             .arg(d->name, QString::fromUtf8(desc->name))
                             .toStdString());
    }
    if (!(desc->flags & AV_PIX_FMT_FLAG_RGB) && desc->nb_components >= 3) {
        // Untagged video: HD is BT.709 and SD BT.601 in practice, which is what players assume.
        int space = frame->colorspace;
        if (space == AVCOL_SPC_UNSPECIFIED || space == AVCOL_SPC_RESERVED || space > 14)
            space = frame->height >= 720 ? SWS_CS_ITU709 : SWS_CS_ITU601;
        const int fullRange = frame->color_range == AVCOL_RANGE_JPEG || isFullRangeFormat(format);
        sws_setColorspaceDetails(d->sws.get(), sws_getCoefficients(space), fullRange,
                                 sws_getCoefficients(SWS_CS_DEFAULT), 1, 0, 1 << 16, 1 << 16);
    }

    const int channels = alpha ? 4 : 3;
    const int stride = (convWidth * channels + 31) & ~31;
    d->converted.resize(size_t(stride) * convHeight);
    uint8_t *planes[4] = {d->converted.data(), nullptr, nullptr, nullptr};
    int strides[4] = {stride, 0, 0, 0};
    sws_scale(d->sws.get(), frame->data, frame->linesize, 0, frame->height, planes, strides);

    const uint8_t *packed = d->converted.data();
    int packedStride = stride;
    if (alpha) {
        d->composited.resize(size_t(convWidth) * convHeight * 3);
        rgb::compositeOver(packed, convWidth, convHeight, stride, d->options.background,
                           d->composited.data());
        packed = d->composited.data();
        packedStride = convWidth * 3;
    }
    rgb::rotate(packed, convWidth, convHeight, packedStride, rotation, rgb);
    return {};
}

} // namespace mbq
