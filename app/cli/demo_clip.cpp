#include "app/cli/demo_clip.h"

#include <algorithm>
#include <cmath>

namespace mbq::cli {
namespace {

struct Ellipse
{
    double cx, cy, rx, ry;
    bool contains(double x, double y) const
    {
        const double dx = (x - cx) / rx, dy = (y - cy) / ry;
        return dx * dx + dy * dy <= 1.0;
    }
};

// A fixed pseudo-random value per pixel, so the snow has texture the tracker can follow.
double grain(int x, int y)
{
    uint32_t h = uint32_t(x) * 73856093u ^ uint32_t(y) * 19349663u;
    h ^= h >> 13;
    h *= 0x5bd1e995u;
    h ^= h >> 15;
    return double(h & 0xffu) / 255.0;
}

void put(uint8_t *pixel, double r, double g, double b)
{
    pixel[0] = uint8_t(std::clamp(r, 0.0, 255.0));
    pixel[1] = uint8_t(std::clamp(g, 0.0, 255.0));
    pixel[2] = uint8_t(std::clamp(b, 0.0, 255.0));
}

} // namespace

VideoFrames drawDemoClip(int width, int height, int frames, double fps)
{
    VideoFrames clip;
    clip.width = width;
    clip.height = height;
    clip.count = frames;
    clip.fps = fps;
    clip.rgb.resize(clip.frameBytes() * size_t(frames));
    const double horizon = 0.45 * height;
    const double size = 0.12 * height;
    for (int f = 0; f < frames; ++f) {
        const double t = frames > 1 ? double(f) / (frames - 1) : 0.0;
        // Trots across the middle 70% of the frame, bouncing twice per second.
        const double x = width * (0.15 + 0.7 * t);
        const double y = 0.7 * height - std::abs(std::sin(f / fps * 2.0 * M_PI)) * 0.08 * height;
        const Ellipse body{x, y, 1.6 * size, 0.8 * size};
        const Ellipse head{x + 1.7 * size, y - 0.7 * size, 0.7 * size, 0.6 * size};
        const Ellipse tail{x - 2.0 * size, y - 0.3 * size, 0.9 * size, 0.35 * size};
        uint8_t *frame = clip.frame(f);
        for (int py = 0; py < height; ++py) {
            for (int px = 0; px < width; ++px) {
                uint8_t *pixel = frame + (size_t(py) * width + px) * 3;
                if (body.contains(px, py) || head.contains(px, py)) {
                    put(pixel, 225, 110 + 20 * grain(px - int(x), py), 35);
                } else if (tail.contains(px, py)) {
                    const bool tip = px < tail.cx - 0.5 * tail.rx;
                    put(pixel, tip ? 245 : 215, tip ? 245 : 100, tip ? 240 : 30);
                } else if (py < horizon) {
                    const double s = double(py) / horizon;
                    put(pixel, 120 + 80 * s, 160 + 60 * s, 220 + 20 * s);
                } else {
                    const double g = 215 + 35 * grain(px, py);
                    put(pixel, g, g, g + 8);
                }
            }
        }
    }
    return clip;
}

} // namespace mbq::cli
