#pragma once
// Temporal consistency of a clip: the frame-to-frame warping error. For each pair of
// neighbouring frames, dense optical flow (OpenCV DIS) from frame t to t+1 warps frame t+1
// back onto frame t; the error is the mean absolute RGB difference (0..1) over the pixels whose
// flow is trustworthy: the backward flow must return them to where they started (within
// 0.01·(|F|² + |B|²) + 0.5 px², the usual forward–backward occlusion test) and they must stay
// inside the frame. Motion the flow explains costs nothing; flicker, popping and texture that
// crawls over a surface do. Lower is steadier; 0 for a still or perfectly coherent clip.

#include "inference/engine.h"

#include <vector>

namespace mbq {

struct ConsistencyOptions
{
    int maxSide = 384; // frames are compared with their long side at most this
};

struct TemporalConsistency
{
    bool defined = false;          // false with fewer than two frames
    double warpError = 0.0;        // mean of perStep
    double validFraction = 0.0;    // mean share of pixels that passed the occlusion test
    std::vector<double> perStep;   // count - 1 values: frame t to t+1
};

TemporalConsistency temporalConsistency(const VideoFrames &clip,
                                        const ConsistencyOptions &options = {});

} // namespace mbq
