#include "core/metrics/temporal_consistency.h"

#include "core/metrics/frame_prep.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/video/tracking.hpp>

#include <cmath>

namespace mbq {

namespace {

struct PairError
{
    double error = 0.0;
    double valid = 0.0;
};

PairError warpError(const cv::Mat &rgb0, const cv::Mat &rgb1, const cv::Mat &forward,
                    const cv::Mat &backward)
{
    const int w = rgb0.cols;
    const int h = rgb0.rows;
    cv::Mat mapX(h, w, CV_32F);
    cv::Mat mapY(h, w, CV_32F);
    for (int y = 0; y < h; ++y) {
        const auto *f = forward.ptr<cv::Point2f>(y);
        auto *mx = mapX.ptr<float>(y);
        auto *my = mapY.ptr<float>(y);
        for (int x = 0; x < w; ++x) {
            mx[x] = x + f[x].x;
            my[x] = y + f[x].y;
        }
    }
    cv::Mat warped;
    cv::remap(rgb1, warped, mapX, mapY, cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    cv::Mat backAtTarget;
    cv::remap(backward, backAtTarget, mapX, mapY, cv::INTER_LINEAR, cv::BORDER_REPLICATE);

    double sum = 0.0;
    long valid = 0;
    for (int y = 0; y < h; ++y) {
        const auto *f = forward.ptr<cv::Point2f>(y);
        const auto *b = backAtTarget.ptr<cv::Point2f>(y);
        const auto *mx = mapX.ptr<float>(y);
        const auto *my = mapY.ptr<float>(y);
        const uint8_t *a = rgb0.ptr<uint8_t>(y);
        const uint8_t *c = warped.ptr<uint8_t>(y);
        for (int x = 0; x < w; ++x) {
            if (mx[x] < 0 || my[x] < 0 || mx[x] > w - 1 || my[x] > h - 1)
                continue;
            const cv::Point2f roundTrip = f[x] + b[x];
            if (roundTrip.dot(roundTrip) > 0.01f * (f[x].dot(f[x]) + b[x].dot(b[x])) + 0.5f)
                continue;
            sum += std::abs(a[3 * x] - c[3 * x]) + std::abs(a[3 * x + 1] - c[3 * x + 1])
                + std::abs(a[3 * x + 2] - c[3 * x + 2]);
            ++valid;
        }
    }
    PairError e;
    e.valid = double(valid) / (double(w) * h);
    e.error = valid > 0 ? sum / (3.0 * 255.0 * valid) : 0.0;
    return e;
}

} // namespace

TemporalConsistency temporalConsistency(const VideoFrames &clip,
                                        const ConsistencyOptions &options)
{
    TemporalConsistency result;
    if (clip.count < 2)
        return result;
    result.defined = true;
    const cv::Size size = metrics::workingSize(clip, options.maxSide);
    auto flow = cv::DISOpticalFlow::create(cv::DISOpticalFlow::PRESET_FAST);
    cv::Mat rgb0 = metrics::rgbFrame(clip, 0, size);
    cv::Mat grey0;
    cv::cvtColor(rgb0, grey0, cv::COLOR_RGB2GRAY);
    cv::Mat forward;
    cv::Mat backward;
    for (int t = 0; t + 1 < clip.count; ++t) {
        cv::Mat rgb1 = metrics::rgbFrame(clip, t + 1, size);
        cv::Mat grey1;
        cv::cvtColor(rgb1, grey1, cv::COLOR_RGB2GRAY);
        // Empty outputs: DIS would otherwise start from the previous pair's flow.
        forward.release();
        backward.release();
        flow->calc(grey0, grey1, forward);
        flow->calc(grey1, grey0, backward);
        const PairError e = warpError(rgb0, rgb1, forward, backward);
        result.perStep.push_back(e.error);
        result.warpError += e.error;
        result.validFraction += e.valid;
        rgb0 = rgb1;
        grey0 = grey1;
    }
    result.warpError /= double(result.perStep.size());
    result.validFraction /= double(result.perStep.size());
    return result;
}

} // namespace mbq
