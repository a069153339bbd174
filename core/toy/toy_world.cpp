#include "core/toy/toy_world.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <random>

namespace mbq::toy {
namespace {

struct Point
{
    double x, y;
};

// Crossing-number test; the star is not convex.
bool insidePolygon(const std::vector<Point> &polygon, double x, double y)
{
    bool inside = false;
    for (size_t i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
        const Point &a = polygon[i], &b = polygon[j];
        if ((a.y > y) != (b.y > y) && x < (b.x - a.x) * (y - a.y) / (b.y - a.y) + a.x)
            inside = !inside;
    }
    return inside;
}

std::vector<Point> regularOutline(int points, double outer, double inner)
{
    std::vector<Point> outline;
    const int corners = inner > 0 ? 2 * points : points;
    for (int i = 0; i < corners; ++i) {
        const double angle = -M_PI / 2 + 2 * M_PI * i / corners;
        const double radius = (inner > 0 && i % 2 == 1) ? inner : outer;
        outline.push_back({radius * std::cos(angle), radius * std::sin(angle)});
    }
    return outline;
}

// Whether (x, y), relative to the shape's centre, is inside a shape of half-extent `half`.
class Outline
{
public:
    Outline(Shape shape, double half) : m_shape(shape), m_half(half)
    {
        if (shape == Shape::Triangle)
            m_polygon = regularOutline(3, 1.15 * half, 0);
        else if (shape == Shape::Star)
            m_polygon = regularOutline(5, 1.2 * half, 0.5 * half);
    }
    bool contains(double x, double y) const
    {
        switch (m_shape) {
        case Shape::Square:
            return std::abs(x) <= 0.82 * m_half && std::abs(y) <= 0.82 * m_half;
        case Shape::Circle:
            return x * x + y * y <= 0.9 * 0.9 * m_half * m_half;
        default:
            return insidePolygon(m_polygon, x, y);
        }
    }

private:
    Shape m_shape;
    double m_half;
    std::vector<Point> m_polygon;
};

double triangleWave(double t) // period 1, range [-1, 1], 0 at t = 0
{
    const double u = t - std::floor(t);
    return u < 0.25 ? 4 * u : (u < 0.75 ? 2 - 4 * u : 4 * u - 4);
}

} // namespace

const std::vector<Shape> &allShapes()
{
    static const std::vector<Shape> values{Shape::Square, Shape::Circle, Shape::Triangle,
                                           Shape::Star};
    return values;
}

const std::vector<Colour> &allColours()
{
    static const std::vector<Colour> values{Colour::Red, Colour::Blue, Colour::Yellow,
                                            Colour::White};
    return values;
}

const std::vector<Backdrop> &allBackdrops()
{
    static const std::vector<Backdrop> values{Backdrop::Grey, Backdrop::Green, Backdrop::Black};
    return values;
}

const std::vector<Motion> &allMotions()
{
    static const std::vector<Motion> values{Motion::LeftToRight, Motion::RightToLeft,
                                            Motion::Circle,      Motion::Bounce,
                                            Motion::ZigZag,      Motion::Still};
    return values;
}

std::string shapeWord(Shape shape)
{
    static const std::array<const char *, 4> words{"square", "circle", "triangle", "star"};
    return words[size_t(shape)];
}

std::string colourWord(Colour colour)
{
    static const std::array<const char *, 4> words{"red", "blue", "yellow", "white"};
    return words[size_t(colour)];
}

std::string backdropWord(Backdrop backdrop)
{
    static const std::array<const char *, 3> words{"grey", "green", "black"};
    return words[size_t(backdrop)];
}

std::string motionPhrase(Motion motion)
{
    static const std::array<const char *, 6> words{
        "moving from left to right", "moving from right to left", "moving in a circle",
        "bouncing up and down",      "zig-zagging from left to right", "standing still"};
    return words[size_t(motion)];
}

Rgb colourRgb(Colour colour)
{
    static const std::array<Rgb, 4> values{
        Rgb{215, 45, 45}, Rgb{45, 90, 225}, Rgb{235, 205, 40}, Rgb{240, 240, 240}};
    return values[size_t(colour)];
}

Rgb backdropRgb(Backdrop backdrop)
{
    static const std::array<Rgb, 3> values{Rgb{125, 125, 125}, Rgb{50, 140, 70},
                                           Rgb{25, 25, 30}};
    return values[size_t(backdrop)];
}

std::string promptFor(const ToyScene &scene)
{
    const std::string motion = scene.motionNamed ? " " + motionPhrase(scene.motion) : "";
    return "a " + colourWord(scene.colour) + " " + shapeWord(scene.shape) + motion + " on a "
           + backdropWord(scene.backdrop) + " background";
}

std::optional<ToyScene> sceneFromPrompt(const std::string &prompt)
{
    for (Shape shape : allShapes())
        for (Colour colour : allColours())
            for (Backdrop backdrop : allBackdrops())
                for (Motion motion : allMotions())
                    for (bool named : {true, false}) {
                        ToyScene scene{shape, colour, backdrop, named ? motion : Motion::Still};
                        scene.motionNamed = named;
                        if (promptFor(scene) == prompt)
                            return scene;
                    }
    return std::nullopt;
}

ToyScene datasetScene(uint64_t seed, int index)
{
    ToyScene scene;
    const int n = std::max(index, 0);
    const int shapes = int(allShapes().size()), colours = int(allColours().size());
    const int backdrops = int(allBackdrops().size()), motions = int(allMotions().size());
    scene.shape = allShapes()[size_t(n % shapes)];
    scene.colour = allColours()[size_t(n / shapes % colours)];
    scene.backdrop = allBackdrops()[size_t(n / (shapes * colours) % backdrops)];
    scene.motion = allMotions()[size_t(n / (shapes * colours * backdrops) % motions)];
    // One generator per scene, so scene i is the same whatever the dataset's length.
    std::mt19937_64 random(seed * 0x9e3779b97f4a7c15ull + uint64_t(n));
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const double spread = scene.motion == Motion::Still ? 0.2 : 0.06;
    scene.offsetX = (2 * unit(random) - 1) * spread;
    scene.offsetY = (2 * unit(random) - 1) * spread;
    scene.size = 0.30 + 0.08 * unit(random);
    scene.phase = 2 * M_PI * unit(random);
    scene.motionNamed = unit(random) >= 0.25;
    return scene;
}

ShapePose poseAt(const ToyScene &scene, int frame, int frames, int width, int height)
{
    const double t = frames > 1 ? double(frame) / (frames - 1) : 0.0;
    const double side = std::min(width, height);
    const double cx = 0.5 * width + scene.offsetX * width;
    const double cy = 0.5 * height + scene.offsetY * height;
    const double acrossX = 0.22 * width + 0.56 * width * t;
    ShapePose pose{cx, cy};
    switch (scene.motion) {
    case Motion::LeftToRight:
        pose.x = acrossX;
        break;
    case Motion::RightToLeft:
        pose.x = width - acrossX;
        break;
    case Motion::Circle: {
        const double angle = scene.phase + 2 * M_PI * t;
        pose.x = cx + 0.24 * side * std::cos(angle);
        pose.y = cy - 0.24 * side * std::sin(angle);
        break;
    }
    case Motion::Bounce:
        pose.y = 0.72 * height - 0.42 * height * std::abs(std::sin(2 * M_PI * t));
        break;
    case Motion::ZigZag:
        pose.x = acrossX;
        pose.y = cy + 0.18 * height * triangleWave(2 * t);
        break;
    case Motion::Still:
        break;
    }
    return pose;
}

VideoFrames drawToyClip(const ToyScene &scene, int width, int height, int frames, double fps)
{
    VideoFrames clip;
    clip.width = std::max(width, 16);
    clip.height = std::max(height, 16);
    clip.count = std::max(frames, 1);
    clip.fps = fps;
    clip.rgb.resize(clip.frameBytes() * size_t(clip.count));
    const Rgb fill = colourRgb(scene.colour), back = backdropRgb(scene.backdrop);
    const double half = 0.5 * scene.size * std::min(clip.width, clip.height);
    const Outline outline(scene.shape, half);
    constexpr int kSub = 4; // 4x4 samples per pixel: smooth edges the VAE can reproduce
    for (int f = 0; f < clip.count; ++f) {
        const ShapePose pose = poseAt(scene, f, clip.count, clip.width, clip.height);
        uint8_t *pixel = clip.frame(f);
        for (int py = 0; py < clip.height; ++py) {
            for (int px = 0; px < clip.width; ++px, pixel += 3) {
                int covered = 0;
                for (int sy = 0; sy < kSub; ++sy)
                    for (int sx = 0; sx < kSub; ++sx) {
                        const double x = px + (sx + 0.5) / kSub - pose.x;
                        const double y = py + (sy + 0.5) / kSub - pose.y;
                        covered += outline.contains(x, y);
                    }
                const double a = double(covered) / (kSub * kSub);
                pixel[0] = uint8_t(std::lround(a * fill.r + (1 - a) * back.r));
                pixel[1] = uint8_t(std::lround(a * fill.g + (1 - a) * back.g));
                pixel[2] = uint8_t(std::lround(a * fill.b + (1 - a) * back.b));
            }
        }
    }
    return clip;
}

} // namespace mbq::toy
