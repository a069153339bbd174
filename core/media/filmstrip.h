#pragma once
// Thumbnails for the timeline: `count` pictures spread evenly over a clip, each `height` pixels
// high. Frames are scaled straight from the decoder's format to thumbnail size, never converted
// at full size, and only the frames needed are decoded: in KeyFrames mode (the default) the key
// frame at or before each point — one decoded frame per thumbnail, fast on long files — and in
// Exact mode the frame on screen at each point (decoding from the key frame before it).

#include "inference/result.h"

#include <QImage>
#include <QString>

#include <vector>

namespace mbq {

enum class FilmstripMode { KeyFrames, Exact };

struct Thumbnail
{
    double seconds = 0.0; // when the shown frame is on screen
    QImage image;         // RGB888
};

Result<std::vector<Thumbnail>> filmstrip(const QString &path, int count, int height,
                                         FilmstripMode mode = FilmstripMode::KeyFrames);

} // namespace mbq
