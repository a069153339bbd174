#pragma once
// Reads a clip of the toy world back: which backdrop, which colour and shape the moving thing
// has, and which of the world's motions its centre follows. The toy tests judge renders of
// the toy model with it (does the render show what the prompt names? does a transfer show the
// source's motion, or the source's look?). It uses only pixel statistics, and its references
// are the drawing's own palette and shapes (toy_world.h), measured at the clip's size, not
// numbers written down here.

#include "core/toy/toy_world.h"

#include <vector>

namespace mbq::toy {

struct ToyReading
{
    Backdrop backdrop = Backdrop::Grey;
    bool shapeSeen = false; // something unlike the backdrop in at least half the frames
    Colour colour = Colour::Red;
    Shape shape = Shape::Square;
    Motion motion = Motion::Still;
    // The shape's centre per frame, as fractions of the frame's width and height; NaN where
    // nothing was seen.
    std::vector<double> trackX, trackY;
    // Root-mean-square distance, in the same fractions, from the track to the motion read
    // (after removing where each path sits): how cleanly it follows it.
    double motionError = 0.0;
};

ToyReading readToyClip(const VideoFrames &clip);

// The mean distance between two clips' tracks, in fractions of the frame, over the frames
// where both were seen (clips of different sizes compare); NaN when none were.
double trackDistance(const ToyReading &a, const ToyReading &b);

} // namespace mbq::toy
