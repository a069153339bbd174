#pragma once
// The comparison export: several clips (source | injected | baseline) in one frame, left to
// right at a common height, each with its label in a bar above it. Shorter clips hold their
// last frame. Labels are drawn with OpenCV's built-in stroke font, so they need no font files
// and look the same everywhere; it covers printable ASCII only (other characters show as '?').

#include "inference/engine.h"
#include "inference/result.h"

#include <QString>

#include <vector>

namespace mbq {

struct ComparePanel
{
    const VideoFrames *frames = nullptr;
    QString label;
};

// The result has the first clip's height plus the label bar, the panels' widths plus gaps,
// both rounded up to even (so H.264 takes it), and the first clip's fps.
Result<VideoFrames> sideBySide(const std::vector<ComparePanel> &panels, int gap = 8);

} // namespace mbq
