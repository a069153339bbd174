#include "core/metrics/point_tracks.h"

#include "core/metrics/frame_prep.h"

#include <opencv2/video/tracking.hpp>

#include <algorithm>
#include <utility>

namespace mbq {

TrackSet trackGrid(const VideoFrames &clip, const TrackingOptions &options, int frames)
{
    TrackSet set;
    set.frames = frames > 0 ? std::min(frames, clip.count) : clip.count;
    const cv::Size size = metrics::workingSize(clip, options.maxSide);
    set.width = size.width;
    set.height = size.height;
    if (set.frames < 1 || clip.empty())
        return set;

    const int grid = std::max(1, options.grid);
    set.tracks.resize(size_t(grid) * grid);
    std::vector<int> active;
    std::vector<cv::Point2f> from;
    for (int gy = 0; gy < grid; ++gy) {
        for (int gx = 0; gx < grid; ++gx) {
            const int id = gy * grid + gx;
            const float x = (gx + 0.5f) * size.width / grid;
            const float y = (gy + 0.5f) * size.height / grid;
            set.tracks[size_t(id)].x.push_back(x);
            set.tracks[size_t(id)].y.push_back(y);
            active.push_back(id);
            from.emplace_back(x, y);
        }
    }

    const cv::Size window(options.window, options.window);
    const cv::TermCriteria criteria(cv::TermCriteria::COUNT | cv::TermCriteria::EPS, 30, 0.01);
    const float limit = float(options.forwardBackwardPx);
    const float maxError = float(options.maxPatchError);
    // Pyramids are built once per frame and used by both directions of the check.
    std::vector<cv::Mat> previous;
    std::vector<cv::Mat> next;
    cv::buildOpticalFlowPyramid(metrics::greyFrame(clip, 0, size), previous, window,
                                options.levels);
    std::vector<cv::Point2f> to;
    std::vector<cv::Point2f> back;
    std::vector<uchar> forwardOk;
    std::vector<uchar> backwardOk;
    std::vector<float> error;
    for (int t = 1; t < set.frames && !active.empty(); ++t) {
        cv::buildOpticalFlowPyramid(metrics::greyFrame(clip, t, size), next, window,
                                    options.levels);
        cv::calcOpticalFlowPyrLK(previous, next, from, to, forwardOk, error, window,
                                 options.levels, criteria);
        std::vector<float> backwardError;
        cv::calcOpticalFlowPyrLK(next, previous, to, back, backwardOk, backwardError, window,
                                 options.levels, criteria);
        std::vector<int> stillActive;
        std::vector<cv::Point2f> stillFrom;
        for (size_t i = 0; i < active.size(); ++i) {
            const cv::Point2f p = to[i];
            const bool inside = p.x >= 0 && p.y >= 0 && p.x <= size.width - 1
                && p.y <= size.height - 1;
            const cv::Point2f roundTrip = back[i] - from[i];
            if (!forwardOk[i] || !backwardOk[i] || !inside
                || roundTrip.dot(roundTrip) > limit * limit || error[i] > maxError)
                continue;
            PointTrack &track = set.tracks[size_t(active[i])];
            track.x.push_back(p.x);
            track.y.push_back(p.y);
            stillActive.push_back(active[i]);
            stillFrom.push_back(p);
        }
        active = std::move(stillActive);
        from = std::move(stillFrom);
        std::swap(previous, next);
    }
    return set;
}

} // namespace mbq
