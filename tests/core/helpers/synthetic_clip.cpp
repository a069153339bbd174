#include "tests/core/helpers/synthetic_clip.h"

#include <algorithm>
#include <cmath>

namespace mbq::test {

namespace {

constexpr double kPi = 3.14159265358979323846;

double lattice(int x, int y, uint32_t seed)
{
    uint32_t h = uint32_t(x) * 0x8da6b343u ^ uint32_t(y) * 0xd8163841u ^ seed * 0xcb1ab31fu;
    h ^= h >> 13;
    h *= 0x5bd1e995u;
    h ^= h >> 15;
    return (h & 0xffffff) / double(0x1000000);
}

double smooth(double t)
{
    return t * t * (3.0 - 2.0 * t);
}

// Value noise: continuous in x and y, so textures move smoothly at sub-pixel offsets.
double valueNoise(double x, double y, uint32_t seed)
{
    const double fx = std::floor(x);
    const double fy = std::floor(y);
    const int ix = int(fx);
    const int iy = int(fy);
    const double tx = smooth(x - fx);
    const double ty = smooth(y - fy);
    const double a = lattice(ix, iy, seed) + tx * (lattice(ix + 1, iy, seed) - lattice(ix, iy, seed));
    const double b = lattice(ix, iy + 1, seed)
        + tx * (lattice(ix + 1, iy + 1, seed) - lattice(ix, iy + 1, seed));
    return a + ty * (b - a);
}

double texture(double x, double y, double scale, uint32_t seed)
{
    const double v = 0.65 * valueNoise(x / scale, y / scale, seed)
        + 0.35 * valueNoise(2.0 * x / scale, 2.0 * y / scale, seed + 17);
    return std::clamp((v - 0.5) * 2.2 + 0.5, 0.0, 1.0); // stretched for contrast
}

Rgb mix(const Rgb &a, const Rgb &b, double t)
{
    Rgb out;
    for (int c = 0; c < 3; ++c)
        out[size_t(c)] = uint8_t(std::lround(a[size_t(c)] + t * (b[size_t(c)] - a[size_t(c)])));
    return out;
}

} // namespace

Look Look::warm()
{
    return {};
}

Look Look::cool()
{
    Look look;
    look.seed = 91;
    look.background0 = {180, 160, 120};
    look.background1 = {235, 225, 200};
    look.object0 = {20, 40, 160};
    look.object1 = {90, 220, 230};
    look.textureScale = 5.0;
    return look;
}

Trajectory linearPath(int frames, Point start, Point velocity)
{
    Trajectory path;
    for (int i = 0; i < frames; ++i)
        path.push_back({start.x + velocity.x * i, start.y + velocity.y * i});
    return path;
}

Trajectory circularPath(int frames, Point centre, double radius, double period, double phase)
{
    Trajectory path;
    for (int i = 0; i < frames; ++i) {
        const double a = phase + 2.0 * kPi * i / period;
        path.push_back({centre.x + radius * std::cos(a), centre.y + radius * std::sin(a)});
    }
    return path;
}

Trajectory perturbed(const Trajectory &path, double amplitude, uint32_t seed)
{
    // A sum of three sinusoids per axis with seeded periods (5–12 frames) and phases.
    Trajectory out = path;
    for (int axis = 0; axis < 2; ++axis) {
        for (int k = 0; k < 3; ++k) {
            const double period = 5.0 + 7.0 * lattice(axis, k, seed);
            const double phase = 2.0 * kPi * lattice(axis + 7, k, seed);
            for (size_t i = 0; i < out.size(); ++i) {
                const double offset = amplitude / 3.0 * std::sin(phase + 2.0 * kPi * i / period);
                (axis == 0 ? out[i].x : out[i].y) += offset;
            }
        }
    }
    return out;
}

Motion standardMotion(int frames, int width, int height)
{
    Motion m;
    const double r = std::min(width, height) * 0.16;
    m.paths.push_back(linearPath(frames, {r + 4.0, height * 0.3},
                                 {(width - 2.0 * r - 8.0) / std::max(1, frames - 1), 0.35}));
    m.paths.push_back(circularPath(frames, {width * 0.6, height * 0.62}, height * 0.18,
                                   frames * 0.9, 0.0));
    m.radii = {r, r * 0.85};
    return m;
}

Motion otherMotion(int frames, int width, int height)
{
    Motion m;
    const double r = std::min(width, height) * 0.16;
    m.paths.push_back(linearPath(frames, {width * 0.35, height - r - 4.0},
                                 {0.3, -(height - 2.0 * r - 8.0) / std::max(1, frames - 1)}));
    m.paths.push_back(linearPath(frames, {width - r - 4.0, height * 0.7},
                                 {-(width * 0.5) / std::max(1, frames - 1), -0.25}));
    m.radii = {r, r * 0.85};
    return m;
}

VideoFrames renderClip(int width, int height, double fps, const Look &look, const Motion &motion)
{
    VideoFrames clip;
    clip.width = width;
    clip.height = height;
    clip.fps = fps;
    clip.count = motion.paths.empty() ? 0 : int(motion.paths.front().size());
    clip.rgb.resize(clip.frameBytes() * size_t(clip.count));

    std::vector<Rgb> background(size_t(width) * height);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            background[size_t(y) * width + x] = mix(
                look.background0, look.background1,
                texture(x, y, look.textureScale * 1.5, look.seed));

    for (int f = 0; f < clip.count; ++f) {
        uint8_t *out = clip.frame(f);
        for (int y = 0; y < height; ++y) {
            for (int x = 0; x < width; ++x) {
                Rgb colour = background[size_t(y) * width + x];
                for (size_t o = 0; o < motion.paths.size(); ++o) {
                    const Point c = motion.paths[o][size_t(f)];
                    const double dx = x - c.x;
                    const double dy = y - c.y;
                    const double coverage = std::clamp(motion.radii[o] + 0.5
                                                           - std::hypot(dx, dy), 0.0, 1.0);
                    if (coverage <= 0.0)
                        continue;
                    // Texture coordinates move with the object, so its pattern travels along.
                    const Rgb surface = mix(look.object0, look.object1,
                                            texture(dx + 500.0 * o, dy, look.textureScale,
                                                    look.seed + 1000 + uint32_t(o)));
                    colour = mix(colour, surface, coverage);
                }
                std::copy(colour.begin(), colour.end(), out + (size_t(y) * width + x) * 3);
            }
        }
    }
    return clip;
}

VideoFrames numberedClip(int width, int height, int frames, double fps)
{
    VideoFrames clip;
    clip.width = width;
    clip.height = height;
    clip.fps = fps;
    clip.count = frames;
    clip.rgb.resize(clip.frameBytes() * size_t(frames));
    for (int i = 0; i < frames; ++i) {
        // 16 levels per channel, 16 apart: survives lossy codecs and colour conversions.
        const uint8_t r = uint8_t((i % 16) * 16 + 8);
        const uint8_t g = uint8_t((i / 16 % 16) * 16 + 8);
        uint8_t *p = clip.frame(i);
        for (size_t k = 0; k < clip.frameBytes(); k += 3) {
            p[k] = r;
            p[k + 1] = g;
            p[k + 2] = 128;
        }
    }
    return clip;
}

int frameIdOf(const VideoFrames &clip, int index)
{
    const uint8_t *p = clip.frame(index)
        + (size_t(clip.height / 2) * clip.width + clip.width / 2) * 3;
    // Levels sit at 16k + 8, so dividing by 16 tolerates errors of up to ±7.
    return p[1] / 16 * 16 + p[0] / 16;
}

} // namespace mbq::test
