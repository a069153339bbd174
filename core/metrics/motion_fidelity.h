#pragma once
// Motion fidelity: how closely an output clip's motion follows the source's, as the tracklet
// score of the motion-transfer literature (DMT's Motion-Fidelity score), with OpenCV LK tracks
// (point_tracks.h) in place of CoTracker.
//
// Each track becomes per-step displacements d_t = p(t+1) - p(t); the output's are rescaled to
// the source's working pixels so clips of different sizes compare. A step *moves* when
// |d_t| >= staticPx; its direction is then d_t / |d_t|. Two tracks a, b are compared over the
// steps both are alive (tracks start at frame 0, so the shorter one's length) by
//     sim(a, b) = Σ cos(a_t, b_t) over steps where both move
//                 / number of steps where at least one moves,
// i.e. a step where both move scores their cosine, one where only one moves scores 0, and one
// where both stand still carries no information and is left out (0 when no step moves). This
// keeps still stretches — a still background, a pause — from passing for agreement. Pairs
// sharing fewer than minSharedSteps steps (lost tracks) are not compared.
//
// A track is *moving* if it ever gets movingPx away from where it started. Only moving tracks
// ask for a best match (a still point has no motion to keep), but every track can be the
// match. The score is the mean, over the moving tracks of each clip, of the similarity to their
// best match on the other side (0 when nothing there is comparable), averaged over the two
// directions: in [-1, 1], 1 for identical motion. When only one clip has moving tracks, only its direction counts; when
// neither does, both are still and the score is 1. Clips of different lengths are compared
// over the frames they share from the start.
//
// perStep[t] is the mean agreement at step t (frame t to t+1) between each moving track and its
// best match, over the pairs where either moves then (cosine, or 0 if only one moves); NaN
// where no such pair exists. It is the curve the UI plots.

#include "core/metrics/point_tracks.h"

#include <vector>

namespace mbq {

struct FidelityOptions
{
    TrackingOptions tracking;
    double staticPx = 0.25;   // per-step motion below this (working px) is standing still
    double movingPx = 4.0;    // a track that never strays this far is a still point
    int minSharedSteps = 4;   // fewer shared steps than this and a pair is not compared
};

struct MotionFidelity
{
    bool defined = false;      // false when a clip has fewer than two frames or no tracks
    double score = 0.0;        // in [-1, 1]
    std::vector<double> perStep; // framesCompared - 1 values, NaN where undefined
    int framesCompared = 0;
    int sourceTracks = 0;      // tracks that lived at least minSharedSteps steps
    int outputTracks = 0;
    int sourceMoving = 0;      // of those, the moving ones
    int outputMoving = 0;
};

// Compares two track sets (tracked over the same number of frames).
MotionFidelity compareTracks(const TrackSet &source, const TrackSet &output,
                             const FidelityOptions &options = {});

// Tracks both clips over the frames they share and compares them.
MotionFidelity motionFidelity(const VideoFrames &source, const VideoFrames &output,
                              const FidelityOptions &options = {});

} // namespace mbq
