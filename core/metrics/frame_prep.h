#pragma once
// Getting VideoFrames into OpenCV at the metrics' working size. Private to core/metrics: the
// public headers stay free of OpenCV types.

#include "inference/engine.h"

#include <opencv2/core.hpp>

namespace mbq::metrics {

// The size a clip is measured at: scaled so the long side is at most `maxSide` (never
// enlarged), aspect kept.
cv::Size workingSize(const VideoFrames &clip, int maxSide);

// Frame `index` as 8-bit grey / 8-bit RGB at `size` (area-averaged when reduced).
cv::Mat greyFrame(const VideoFrames &clip, int index, cv::Size size);
cv::Mat rgbFrame(const VideoFrames &clip, int index, cv::Size size);

} // namespace mbq::metrics
