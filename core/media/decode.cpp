#include "core/media/decode.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace mbq {

Result<DecodedClip> decodeVideo(const QString &path, const DecodeOptions &options)
{
    auto opened = VideoReader::open(path, options.reader);
    if (!opened)
        return opened.error();
    VideoReader &reader = *opened.value();
    DecodedClip clip;
    clip.info = reader.info();
    VideoFrames &frames = clip.frames;
    frames.width = clip.info.width;
    frames.height = clip.info.height;
    frames.fps = clip.info.fps;
    if (options.startSeconds > 0)
        reader.seek(options.startSeconds);

    const QString name = QFileInfo(path).fileName();
    DecodedPicture picture;
    while (reader.read(picture)) {
        // A seek lands on the key frame before the start; frames before it are decoded only
        // to reach it.
        if (picture.seconds + 1e-6 < options.startSeconds)
            continue;
        if (options.endSeconds >= 0 && picture.seconds >= options.endSeconds)
            break;
        if (options.maxFrames > 0 && frames.count >= options.maxFrames)
            break;
        if (frames.frameBytes() * size_t(frames.count + 1) > options.maxBytes) {
            clip.problems.push_back(
                {frames.count, picture.seconds,
                 QCoreApplication::translate("mbq::Media",
                                             "%1: stopped after %2 frames: more would not fit "
                                             "in %3 MiB")
                     .arg(name)
                     .arg(frames.count)
                     .arg(options.maxBytes >> 20)});
            break;
        }
        frames.rgb.resize(frames.frameBytes() * size_t(frames.count + 1));
        auto converted = reader.toRgb(picture, frames.width, frames.height,
                                      frames.frame(frames.count));
        if (!converted)
            return converted.error();
        clip.seconds.push_back(picture.seconds);
        ++frames.count;
    }
    clip.problems.insert(clip.problems.begin(), reader.problems().begin(),
                         reader.problems().end());
    if (frames.count == 0) {
        QString message = QCoreApplication::translate("mbq::Media", "%1: no frame could be decoded")
                              .arg(name);
        if (!clip.problems.empty())
            message += QStringLiteral(": ") + clip.problems.front().message;
        return makeError(ErrorCode::BadFormat, message.toStdString(), path.toStdString());
    }
    return clip;
}

} // namespace mbq
