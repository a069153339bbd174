#pragma once
// Point tracks for motion fidelity: a regular grid of points seeded on the first frame and
// followed frame to frame with pyramidal Lucas–Kanade (OpenCV). Each step is checked: a point
// that LK reports as lost, whose forward–backward round trip misses its start by more than
// `forwardBackwardPx`, whose patch changed by more than `maxPatchError` (mean absolute grey
// difference: the point was covered by something else — without this check, background points
// get dragged along by objects passing over them) or that leaves the frame ends its track there
// (a lost track). Tracks are never restarted, so every track covers frames [0, length).

#include "inference/engine.h"

#include <vector>

namespace mbq {

struct TrackingOptions
{
    // Points per side of the seeding grid. DMT tracks 55 × 55 with CoTracker; 32 × 32 keeps all
    // metrics of an 81-frame 832×480 pair within 3 s on two CPU cores.
    int grid = 32;
    int maxSide = 512;              // frames are tracked with their long side at most this
    double forwardBackwardPx = 1.0; // largest round-trip error kept, in working pixels
    double maxPatchError = 10.0;    // largest mean |grey difference| of a tracked patch, 0..255
    int window = 15;                // LK window, working pixels
    int levels = 3;                 // LK pyramid levels above the base
};

struct PointTrack
{
    std::vector<float> x; // working-pixel positions in frames 0 .. length-1
    std::vector<float> y;
    int length() const { return int(x.size()); }
};

struct TrackSet
{
    int frames = 0;   // frames of the clip that were tracked
    int width = 0;    // working size the positions are in
    int height = 0;
    std::vector<PointTrack> tracks; // seeded grid points, lost ones shortened
};

// Tracks the first `frames` frames (all when <= 0) of `clip`; needs at least two frames.
TrackSet trackGrid(const VideoFrames &clip, const TrackingOptions &options = {}, int frames = 0);

} // namespace mbq
