#pragma once
// A whole clip decoded into memory as QImages, for the compare view. Compared clips are short
// (at most a few hundred frames), and holding every frame is what lets three panes step and
// scrub in exact sync without seeking. Runs on a worker thread (clip_loader.h); the decoder is
// core/media's VideoReader, read frame by frame so a cancelled load stops within a frame.

#include "inference/engine.h"

#include <QImage>
#include <QString>
#include <QVector>

#include <atomic>
#include <cstddef>

namespace mbq {

struct ClipFrames
{
    QVector<QImage> frames; // RGB888, all the same size
    double fps = 0.0; // the container's nominal rate; 0 when unknown
    QString error; // why nothing could be shown; empty on success
    QString note; // a partial success: damaged frames skipped, or stopped early
};

struct ClipFramesOptions
{
    int maxSide = 1280; // larger clips are scaled down while decoding
    size_t maxBytes = size_t(1) << 30; // decoding stops (with a note) before exceeding this
};

// Reads `path` until its end, an unreadable rest, the byte budget, or `cancel` becoming true
// (then the result is incomplete and should be dropped).
ClipFrames decodeClipFrames(const QString &path, const std::atomic<bool> &cancel,
                            const ClipFramesOptions &options = {});

// Frame `index` of an engine clip (a render preview, say) as a QImage that owns its pixels.
QImage frameToImage(const VideoFrames &frames, int index);

} // namespace mbq
