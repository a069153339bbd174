#include "core/metrics/appearance.h"

#include "core/metrics/frame_prep.h"

#include <opencv2/core/utility.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace mbq {

namespace {

constexpr int kHueBins = 18;
constexpr int kSaturationBins = 4;
constexpr int kGreyBins = 8;
constexpr int kColourBins = kHueBins * kSaturationBins + kGreyBins;
constexpr int kPatternBins = 59;
constexpr int kContrastBins = 8;
// Below these (OpenCV's 0..255 scales) a pixel's hue is noise: it counts as grey.
constexpr int kMinSaturation = 40;
constexpr int kMinValue = 40;

void normalise(std::vector<double> &h)
{
    double sum = 0.0;
    for (double v : h)
        sum += v;
    if (sum > 0)
        for (double &v : h)
            v /= sum;
}

std::vector<double> colourHistogram(const cv::Mat &rgb)
{
    cv::Mat hsv;
    cv::cvtColor(rgb, hsv, cv::COLOR_RGB2HSV); // H in [0, 180), S and V in [0, 255]
    std::vector<double> h(kColourBins, 0.0);
    for (int y = 0; y < hsv.rows; ++y) {
        const uint8_t *p = hsv.ptr<uint8_t>(y);
        for (int x = 0; x < hsv.cols; ++x, p += 3) {
            if (p[1] < kMinSaturation || p[2] < kMinValue) {
                h[size_t(kHueBins * kSaturationBins + p[2] * kGreyBins / 256)] += 1.0;
                continue;
            }
            // Soft hue binning: a hue between two bin centres is shared by both, so a slight
            // tint change does not jump a whole bin.
            const double position = p[0] * kHueBins / 180.0 - 0.5;
            const double lower = std::floor(position);
            const double frac = position - lower;
            const int b0 = (int(lower) + kHueBins) % kHueBins;
            const int b1 = (b0 + 1) % kHueBins;
            const int s = std::min(kSaturationBins - 1, (p[1] - kMinSaturation) * kSaturationBins
                                                            / (256 - kMinSaturation));
            h[size_t(b0 * kSaturationBins + s)] += 1.0 - frac;
            h[size_t(b1 * kSaturationBins + s)] += frac;
        }
    }
    normalise(h);
    return h;
}

// Maps each 8-bit LBP code to its uniform-pattern bin (58 uniform codes, then one for the rest).
std::array<uint8_t, 256> uniformLbpTable()
{
    std::array<uint8_t, 256> table{};
    int next = 0;
    for (int code = 0; code < 256; ++code) {
        int transitions = 0;
        for (int bit = 0; bit < 8; ++bit)
            transitions += ((code >> bit) & 1) != ((code >> ((bit + 1) % 8)) & 1);
        table[size_t(code)] = uint8_t(transitions <= 2 ? next++ : kPatternBins - 1);
    }
    return table;
}

std::vector<double> patternHistogram(const cv::Mat &grey)
{
    static const std::array<uint8_t, 256> table = uniformLbpTable();
    std::vector<double> h(kPatternBins, 0.0);
    // Neighbours in circular order, so a uniform pattern is a single run of ones.
    static const int dx[8] = {-1, 0, 1, 1, 1, 0, -1, -1};
    static const int dy[8] = {-1, -1, -1, 0, 1, 1, 1, 0};
    for (int y = 1; y + 1 < grey.rows; ++y) {
        for (int x = 1; x + 1 < grey.cols; ++x) {
            const uint8_t centre = grey.at<uint8_t>(y, x);
            int code = 0;
            for (int k = 0; k < 8; ++k)
                code |= int(grey.at<uint8_t>(y + dy[k], x + dx[k]) >= centre) << k;
            h[table[size_t(code)]] += 1.0;
        }
    }
    normalise(h);
    return h;
}

std::vector<double> contrastHistogram(const cv::Mat &grey)
{
    cv::Mat gx;
    cv::Mat gy;
    cv::Sobel(grey, gx, CV_32F, 1, 0);
    cv::Sobel(grey, gy, CV_32F, 0, 1);
    std::vector<double> h(kContrastBins, 0.0);
    for (int y = 0; y < grey.rows; ++y) {
        const float *px = gx.ptr<float>(y);
        const float *py = gy.ptr<float>(y);
        for (int x = 0; x < grey.cols; ++x) {
            // Bin 0 holds flat pixels (|g| < 4); then one bin per doubling up to 512 and more.
            const float magnitude = std::hypot(px[x], py[x]);
            const int bin = magnitude < 4.0f ? 0 : int(std::log2(magnitude)) - 1;
            h[size_t(std::clamp(bin, 0, kContrastBins - 1))] += 1.0;
        }
    }
    normalise(h);
    return h;
}

double bhattacharyya(const std::vector<double> &p, const std::vector<double> &q)
{
    double sum = 0.0;
    for (size_t i = 0; i < p.size() && i < q.size(); ++i)
        sum += std::sqrt(p[i] * q[i]);
    return std::min(1.0, sum);
}

void accumulate(std::vector<double> &into, const std::vector<double> &add)
{
    into.resize(add.size(), 0.0);
    for (size_t i = 0; i < add.size(); ++i)
        into[i] += add[i];
}

} // namespace

std::vector<AppearanceFeatures> frameAppearance(const VideoFrames &clip,
                                                const AppearanceOptions &options)
{
    std::vector<AppearanceFeatures> frames(size_t(clip.count));
    const cv::Size size = metrics::workingSize(clip, options.maxSide);
    // Frames are independent; each writes only its own slot, so the result is deterministic.
    cv::parallel_for_(cv::Range(0, clip.count), [&](const cv::Range &range) {
        for (int i = range.start; i < range.end; ++i) {
            const cv::Mat rgb = metrics::rgbFrame(clip, i, size);
            cv::Mat grey;
            cv::cvtColor(rgb, grey, cv::COLOR_RGB2GRAY);
            AppearanceFeatures &f = frames[size_t(i)];
            f.colour = colourHistogram(rgb);
            f.pattern = patternHistogram(grey);
            f.contrast = contrastHistogram(grey);
        }
    });
    return frames;
}

AppearanceFeatures pooledAppearance(const std::vector<AppearanceFeatures> &frames)
{
    AppearanceFeatures pooled;
    for (const AppearanceFeatures &f : frames) {
        accumulate(pooled.colour, f.colour);
        accumulate(pooled.pattern, f.pattern);
        accumulate(pooled.contrast, f.contrast);
    }
    normalise(pooled.colour);
    normalise(pooled.pattern);
    normalise(pooled.contrast);
    return pooled;
}

double appearanceSimilarity(const AppearanceFeatures &a, const AppearanceFeatures &b)
{
    return 0.5 * bhattacharyya(a.colour, b.colour) + 0.25 * bhattacharyya(a.pattern, b.pattern)
        + 0.25 * bhattacharyya(a.contrast, b.contrast);
}

} // namespace mbq
