#include "ui/screen_fit.h"

#include <algorithm>

namespace mbq {
namespace {

// The start of an extent `length` placed at `start` within [lo, lo + room).
int fitted(int start, int length, int lo, int room)
{
    return length <= room ? std::clamp(start, lo, lo + room - length) : lo;
}

} // namespace

QRect fitFrameOnScreen(const QRect &frame, const QRect &available, const QSize &minimum)
{
    const int width = std::min(frame.width(), std::max(available.width(), minimum.width()));
    const int height = std::min(frame.height(), std::max(available.height(), minimum.height()));
    return {fitted(frame.x(), width, available.x(), available.width()),
            fitted(frame.y(), height, available.y(), available.height()), width, height};
}

} // namespace mbq
