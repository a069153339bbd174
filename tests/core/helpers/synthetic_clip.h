#pragma once
// Synthetic clips with known ground truth for the media and metrics tests: textured discs moving
// along chosen trajectories over a textured, still background. Appearance (Look) and motion
// (Motion) are chosen separately, so a test can keep one and change the other.

#include "inference/engine.h"

#include <array>
#include <cstdint>
#include <vector>

namespace mbq::test {

using Rgb = std::array<uint8_t, 3>;

// What things look like: two-colour smooth-noise textures for the background and the objects.
struct Look
{
    uint32_t seed = 1;
    Rgb background0 = {40, 90, 40};
    Rgb background1 = {160, 200, 120};
    Rgb object0 = {200, 40, 30};
    Rgb object1 = {250, 210, 60};
    double textureScale = 8.0; // pixels per noise cell: smaller is busier

    static Look warm(); // greens behind red/yellow objects
    static Look cool(); // sand behind blue/cyan objects, finer texture
};

struct Point
{
    double x = 0.0;
    double y = 0.0;
};
using Trajectory = std::vector<Point>; // one object centre per frame, in pixels

// Where things go: one trajectory per object (all as long as the clip) and the disc radii.
struct Motion
{
    std::vector<Trajectory> paths;
    std::vector<double> radii;
};

Trajectory linearPath(int frames, Point start, Point velocity);
Trajectory circularPath(int frames, Point centre, double radius, double period, double phase);
// `path` plus a smooth random wobble of the given amplitude (pixels); amplitude 0 returns it
// unchanged, and a larger amplitude scales the same wobble.
Trajectory perturbed(const Trajectory &path, double amplitude, uint32_t seed);

// Two objects: one crossing left to right, one circling; sized for width × height.
Motion standardMotion(int frames, int width, int height);
// Two objects moving in clearly different directions from standardMotion's.
Motion otherMotion(int frames, int width, int height);

VideoFrames renderClip(int width, int height, double fps, const Look &look, const Motion &motion);

// Frame i filled with one flat colour that encodes i (for timestamp and resampling tests,
// robust to lossy codecs): see frameIdOf.
VideoFrames numberedClip(int width, int height, int frames, double fps);
// The id numberedClip drew into a frame (nearest), read from its centre pixel.
int frameIdOf(const VideoFrames &clip, int index);

} // namespace mbq::test
