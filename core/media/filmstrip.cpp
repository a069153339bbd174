#include "core/media/filmstrip.h"

#include "core/media/video_reader.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace mbq {

Result<std::vector<Thumbnail>> filmstrip(const QString &path, int count, int height,
                                         FilmstripMode mode)
{
    if (count <= 0 || height <= 0)
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("mbq::Media",
                                                     "A filmstrip needs a positive count and "
                                                     "height")
                             .toStdString());
    auto opened = VideoReader::open(path);
    if (!opened)
        return opened.error();
    VideoReader &reader = *opened.value();
    const MediaInfo &info = reader.info();
    const int width = std::max(1, int(std::lround(double(info.width) * height / info.height)));
    const double duration = info.durationSeconds > 0
        ? info.durationSeconds
        : (info.fps > 0 && info.frameCount > 0 ? info.frameCount / info.fps : 0.0);
    reader.setKeyFramesOnly(mode == FilmstripMode::KeyFrames);

    std::vector<Thumbnail> thumbnails;
    std::vector<uint8_t> rgb(size_t(width) * height * 3);
    DecodedPicture picture; // the frame on screen at the current point
    DecodedPicture ahead;   // the next one, read to learn that `picture` is the last before t
    bool havePicture = false;
    bool haveAhead = false;
    for (int i = 0; i < count; ++i) {
        const double t = duration * (i + 0.5) / count;
        // Seeking fails on some inputs (pipes, a few image formats); reading on still works,
        // since the points only move forward.
        const bool seeked = reader.seek(t);
        if (seeked)
            havePicture = haveAhead = false;
        // After a seek in KeyFrames mode the first frame is already the key frame at or before t.
        const bool firstWillDo = seeked && mode == FilmstripMode::KeyFrames;
        while (haveAhead || (haveAhead = reader.read(ahead))) {
            if (havePicture && (firstWillDo || ahead.seconds > t))
                break;
            std::swap(picture, ahead);
            havePicture = true;
            haveAhead = false;
        }
        if (!havePicture)
            break;
        auto converted = reader.toRgb(picture, width, height, rgb.data());
        if (!converted)
            return converted.error();
        QImage image(width, height, QImage::Format_RGB888);
        for (int y = 0; y < height; ++y)
            std::memcpy(image.scanLine(y), rgb.data() + size_t(y) * width * 3, size_t(width) * 3);
        thumbnails.push_back({picture.seconds, image});
    }
    if (thumbnails.empty())
        return makeError(ErrorCode::BadFormat,
                         QCoreApplication::translate("mbq::Media", "%1: no frame could be decoded")
                             .arg(QFileInfo(path).fileName())
                             .toStdString(),
                         path.toStdString());
    return thumbnails;
}

} // namespace mbq
