#pragma once
// The demo's source clip, drawn procedurally so the repository ships no binary video: an orange
// "fox" (a body, a head and a tail) trotting left to right with a bounce, over snow under a sky.
// Its motion is easy to see and to track, which is what a motion-transfer demo needs.

#include "inference/engine.h"

namespace mbq::cli {

VideoFrames drawDemoClip(int width, int height, int frames, double fps);

} // namespace mbq::cli
