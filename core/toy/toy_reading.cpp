#include "core/toy/toy_reading.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>

namespace mbq::toy {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double distance(const uint8_t *pixel, const Rgb &c)
{
    const double r = pixel[0] - c.r, g = pixel[1] - c.g, b = pixel[2] - c.b;
    return std::sqrt(r * r + g * g + b * b);
}

double distance(const Rgb &a, const Rgb &c)
{
    const double r = a.r - c.r, g = a.g - c.g, b = a.b - c.b;
    return std::sqrt(r * r + g * g + b * b);
}

template<typename T>
T nearest(const std::vector<T> &values, Rgb (*rgb)(T), const Rgb &seen)
{
    return *std::min_element(values.begin(), values.end(), [&](T a, T b) {
        return distance(rgb(a), seen) < distance(rgb(b), seen);
    });
}

Rgb medianBorder(const VideoFrames &clip)
{
    std::array<std::vector<uint8_t>, 3> channels;
    for (int f = 0; f < clip.count; ++f) {
        const uint8_t *frame = clip.frame(f);
        for (int y = 0; y < clip.height; ++y)
            for (int x = 0; x < clip.width; ++x) {
                if (x > 1 && y > 1 && x < clip.width - 2 && y < clip.height - 2)
                    continue;
                const uint8_t *pixel = frame + (size_t(y) * clip.width + x) * 3;
                for (int c = 0; c < 3; ++c)
                    channels[size_t(c)].push_back(pixel[c]);
            }
    }
    std::array<double, 3> median{};
    for (int c = 0; c < 3; ++c) {
        auto &v = channels[size_t(c)];
        std::nth_element(v.begin(), v.begin() + long(v.size() / 2), v.end());
        median[size_t(c)] = v[v.size() / 2];
    }
    return {median[0], median[1], median[2]};
}

// The largest 4-connected region of pixels farther than `threshold` from `backdrop`.
struct Region
{
    int area = 0;
    double cx = 0, cy = 0;
    int left = 0, right = 0, top = 0, bottom = 0;

    // Area over bounding box, and the centroid's offset below the box's middle (in box
    // heights): together they tell the world's shapes apart.
    double fill() const { return double(area) / ((right - left + 1) * (bottom - top + 1)); }
    double drop() const { return (cy - 0.5 * (top + bottom)) / (bottom - top + 1); }
};

Region largestRegion(const VideoFrames &clip, int f, const Rgb &backdrop, double threshold)
{
    const int w = clip.width, h = clip.height;
    const uint8_t *frame = clip.frame(f);
    std::vector<uint8_t> mask(size_t(w) * h);
    for (size_t i = 0; i < mask.size(); ++i)
        mask[i] = distance(frame + i * 3, backdrop) > threshold;
    Region best;
    std::vector<int> stack;
    for (int start = 0; start < w * h; ++start) {
        if (!mask[size_t(start)])
            continue;
        Region region{0, 0, 0, w, -1, h, -1};
        stack.assign(1, start);
        mask[size_t(start)] = 0;
        while (!stack.empty()) {
            const int i = stack.back();
            stack.pop_back();
            const int x = i % w, y = i / w;
            ++region.area;
            region.cx += x;
            region.cy += y;
            region.left = std::min(region.left, x);
            region.right = std::max(region.right, x);
            region.top = std::min(region.top, y);
            region.bottom = std::max(region.bottom, y);
            for (const int j : {x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, y > 0 ? i - w : -1,
                                y < h - 1 ? i + w : -1}) {
                if (j >= 0 && mask[size_t(j)]) {
                    mask[size_t(j)] = 0;
                    stack.push_back(j);
                }
            }
        }
        if (region.area > best.area)
            best = region;
    }
    if (best.area > 0) {
        best.cx /= best.area;
        best.cy /= best.area;
    }
    return best;
}

// Below this many pixels (at 64x64) a region is a speck, not a shape.
int minimumArea(const VideoFrames &clip)
{
    return std::max(4, clip.width * clip.height / 256);
}

// Each shape as drawn at the clip's size: what a region is compared with.
std::vector<Region> shapePrototypes(int width, int height)
{
    std::vector<Region> prototypes;
    for (Shape shape : allShapes()) {
        const ToyScene scene{shape, Colour::White, Backdrop::Black, Motion::Still};
        const VideoFrames drawn = drawToyClip(scene, width, height, 1, 16.0);
        const double half = 0.5 * distance(colourRgb(scene.colour), backdropRgb(scene.backdrop));
        prototypes.push_back(largestRegion(drawn, 0, backdropRgb(scene.backdrop), half));
    }
    return prototypes;
}

Shape nearestShape(const Region &region, const std::vector<Region> &prototypes)
{
    size_t best = 0;
    double bestDistance = std::numeric_limits<double>::infinity();
    for (size_t i = 0; i < prototypes.size(); ++i) {
        const double d = std::abs(region.fill() - prototypes[i].fill())
                         + std::abs(region.drop() - prototypes[i].drop());
        if (d < bestDistance) {
            bestDistance = d;
            best = i;
        }
    }
    return allShapes()[best];
}

// Root-mean-square distance between a track and a motion's path, each about its own mean.
double pathError(const ToyReading &reading, const std::vector<double> &pathX,
                 const std::vector<double> &pathY)
{
    double meanX = 0, meanY = 0, pathMeanX = 0, pathMeanY = 0;
    int seen = 0;
    for (size_t f = 0; f < pathX.size(); ++f) {
        if (std::isnan(reading.trackX[f]))
            continue;
        meanX += reading.trackX[f];
        meanY += reading.trackY[f];
        pathMeanX += pathX[f];
        pathMeanY += pathY[f];
        ++seen;
    }
    if (seen == 0)
        return kNaN;
    double sum = 0;
    for (size_t f = 0; f < pathX.size(); ++f) {
        if (std::isnan(reading.trackX[f]))
            continue;
        const double dx = (reading.trackX[f] - meanX / seen) - (pathX[f] - pathMeanX / seen);
        const double dy = (reading.trackY[f] - meanY / seen) - (pathY[f] - pathMeanY / seen);
        sum += dx * dx + dy * dy;
    }
    return std::sqrt(sum / seen);
}

void readMotion(ToyReading &reading, int frames)
{
    reading.motionError = std::numeric_limits<double>::infinity();
    constexpr int kPhases = 120; // where a circle starts is not named; try every 3 degrees
    for (Motion motion : allMotions()) {
        for (int p = 0; p < (motion == Motion::Circle ? kPhases : 1); ++p) {
            ToyScene scene{Shape::Square, Colour::Red, Backdrop::Grey, motion};
            scene.phase = 2 * M_PI * p / kPhases;
            std::vector<double> pathX(static_cast<size_t>(frames)), pathY(pathX);
            for (int f = 0; f < frames; ++f) {
                const ShapePose pose = poseAt(scene, f, frames, 1000, 1000);
                pathX[size_t(f)] = pose.x / 1000;
                pathY[size_t(f)] = pose.y / 1000;
            }
            const double error = pathError(reading, pathX, pathY);
            if (error < reading.motionError) {
                reading.motionError = error;
                reading.motion = motion;
            }
        }
    }
}

} // namespace

ToyReading readToyClip(const VideoFrames &clip)
{
    ToyReading reading;
    reading.trackX.assign(size_t(clip.count), kNaN);
    reading.trackY.assign(size_t(clip.count), kNaN);
    if (clip.empty())
        return reading;
    const Rgb border = medianBorder(clip);
    reading.backdrop = nearest(allBackdrops(), backdropRgb, border);

    // The colour: the mean of the pixels clearly unlike the border, over every frame.
    double sum[3] = {0, 0, 0};
    long count = 0;
    for (int f = 0; f < clip.count; ++f) {
        const uint8_t *pixel = clip.frame(f);
        for (size_t i = 0; i < size_t(clip.width) * clip.height; ++i, pixel += 3) {
            if (distance(pixel, border) > 80) {
                for (int c = 0; c < 3; ++c)
                    sum[c] += pixel[c];
                ++count;
            }
        }
    }
    if (count == 0)
        return reading;
    const Rgb seen{sum[0] / count, sum[1] / count, sum[2] / count};
    reading.colour = nearest(allColours(), colourRgb, seen);

    // The shape: regions at half coverage (halfway between the border and the colour read),
    // one vote per frame.
    const double half = 0.5 * distance(colourRgb(reading.colour), border);
    const std::vector<Region> prototypes = shapePrototypes(clip.width, clip.height);
    std::map<Shape, int> votes;
    int framesSeen = 0;
    for (int f = 0; f < clip.count; ++f) {
        const Region region = largestRegion(clip, f, border, half);
        if (region.area < minimumArea(clip))
            continue;
        ++framesSeen;
        ++votes[nearestShape(region, prototypes)];
        reading.trackX[size_t(f)] = (region.cx + 0.5) / clip.width;
        reading.trackY[size_t(f)] = (region.cy + 0.5) / clip.height;
    }
    reading.shapeSeen = 2 * framesSeen >= clip.count;
    if (framesSeen == 0)
        return reading;
    reading.shape = std::max_element(votes.begin(), votes.end(), [](auto &a, auto &b) {
                        return a.second < b.second;
                    })->first;
    readMotion(reading, clip.count);
    return reading;
}

double trackDistance(const ToyReading &a, const ToyReading &b)
{
    const size_t frames = std::min(a.trackX.size(), b.trackX.size());
    double sum = 0;
    int both = 0;
    for (size_t f = 0; f < frames; ++f) {
        if (std::isnan(a.trackX[f]) || std::isnan(b.trackX[f]))
            continue;
        sum += std::hypot(a.trackX[f] - b.trackX[f], a.trackY[f] - b.trackY[f]);
        ++both;
    }
    return both ? sum / both : kNaN;
}

} // namespace mbq::toy
