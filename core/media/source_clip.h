#pragma once
// The source clip of a motion transfer, decoded and conformed to the render's settings: the
// one routine the CLI and the studio's render thread share, so both cut, scale and check a clip
// the same way.

#include "core/media/conform.h"
#include "inference/engine.h"
#include "inference/result.h"

#include <QStringList>

#include <string>

namespace mbq {

struct ConformedSource
{
    VideoFrames frames;  // exactly settings.frames at settings.width × settings.height
    ConformPlan plan;    // what was cut or scaled, for the artist
    QStringList warnings; // damage met while decoding
};

// The conform target for a render at its size, rate and frame count, with the frame rule of
// the model family: Wan's 4n+1 (the default) or VideoCrafter2's exact count.
ConformSpec conformSpecFor(const GenerationSettings &settings, const std::string &family = {});

// Fails with a message naming the file when it cannot be read or holds fewer usable frames
// than the render needs (the message says which frame count would fit).
Result<ConformedSource> loadConformedSource(const QString &path,
                                            const GenerationSettings &settings,
                                            const std::string &family = {});

} // namespace mbq
