#include "core/metrics/frame_prep.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace mbq::metrics {

cv::Size workingSize(const VideoFrames &clip, int maxSide)
{
    const int longSide = std::max(clip.width, clip.height);
    if (longSide <= maxSide || maxSide <= 0)
        return {clip.width, clip.height};
    const double s = double(maxSide) / longSide;
    return {std::max(1, int(std::lround(clip.width * s))),
            std::max(1, int(std::lround(clip.height * s)))};
}

cv::Mat rgbFrame(const VideoFrames &clip, int index, cv::Size size)
{
    // The wrapper only views the frame; resize or clone copies out of it.
    const cv::Mat view(clip.height, clip.width, CV_8UC3,
                       const_cast<uint8_t *>(clip.frame(index)));
    cv::Mat out;
    if (size == view.size())
        out = view.clone();
    else
        cv::resize(view, out, size, 0, 0, cv::INTER_AREA);
    return out;
}

cv::Mat greyFrame(const VideoFrames &clip, int index, cv::Size size)
{
    const cv::Mat view(clip.height, clip.width, CV_8UC3,
                       const_cast<uint8_t *>(clip.frame(index)));
    cv::Mat grey;
    cv::cvtColor(view, grey, cv::COLOR_RGB2GRAY);
    if (size == grey.size())
        return grey;
    cv::Mat out;
    cv::resize(grey, out, size, 0, 0, cv::INTER_AREA);
    return out;
}

} // namespace mbq::metrics
