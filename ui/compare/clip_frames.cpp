#include "ui/compare/clip_frames.h"

#include "core/media/video_reader.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <cstring>
#include <vector>

namespace mbq {
namespace {

struct CompareViewTr
{
    Q_DECLARE_TR_FUNCTIONS(mbq::CompareView)
};

// The displayed size, scaled down (aspect kept) when its longer side exceeds maxSide.
QSize decodeSize(int width, int height, int maxSide)
{
    QSize size(width, height);
    if (std::max(width, height) > maxSide)
        size.scale(maxSide, maxSide, Qt::KeepAspectRatio);
    return size.expandedTo(QSize(1, 1));
}

// QImage rows are 4-byte aligned; the decoder writes tightly packed ones.
QImage packedRgbToImage(const uint8_t *rgb, int width, int height)
{
    QImage image(width, height, QImage::Format_RGB888);
    const size_t rowBytes = size_t(width) * 3;
    for (int y = 0; y < height; ++y)
        std::memcpy(image.scanLine(y), rgb + size_t(y) * rowBytes, rowBytes);
    return image;
}

} // namespace

ClipFrames decodeClipFrames(const QString &path, const std::atomic<bool> &cancel,
                            const ClipFramesOptions &options)
{
    ClipFrames clip;
    const QString name = QFileInfo(path).fileName();
    auto opened = VideoReader::open(path);
    if (!opened) {
        clip.error = QString::fromStdString(opened.error().message);
        return clip;
    }
    VideoReader &reader = *opened.value();
    clip.fps = reader.info().fps;
    const QSize size = decodeSize(reader.info().width, reader.info().height, options.maxSide);
    const size_t frameBytes = size_t(size.width()) * size_t(size.height()) * 3;
    std::vector<uint8_t> rgb(frameBytes);

    DecodedPicture picture;
    while (!cancel.load(std::memory_order_relaxed) && reader.read(picture)) {
        if (frameBytes * size_t(clip.frames.size() + 1) > options.maxBytes) {
            clip.note
                = CompareViewTr::tr("Showing the first %1 frames: the rest would not fit in memory")
                      .arg(clip.frames.size());
            break;
        }
        auto converted = reader.toRgb(picture, size.width(), size.height(), rgb.data());
        if (!converted) {
            clip.note = QString::fromStdString(converted.error().message);
            break;
        }
        clip.frames.append(packedRgbToImage(rgb.data(), size.width(), size.height()));
    }
    const std::vector<DecodeProblem> &problems = reader.problems();
    if (clip.frames.isEmpty() && clip.note.isEmpty()) {
        clip.error = CompareViewTr::tr("%1: no frame could be decoded").arg(name);
        if (!problems.empty())
            clip.error += QStringLiteral(": ") + problems.front().message;
    } else if (clip.frames.isEmpty()) {
        clip.error = clip.note;
        clip.note.clear();
    } else if (clip.note.isEmpty() && !problems.empty()) {
        clip.note = problems.front().message;
    }
    return clip;
}

QImage frameToImage(const VideoFrames &frames, int index)
{
    if (index < 0 || index >= frames.count || frames.width <= 0 || frames.height <= 0)
        return {};
    return packedRgbToImage(frames.frame(index), frames.width, frames.height);
}

} // namespace mbq
