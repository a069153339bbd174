#pragma once
// Where a window goes so that the artist can reach all of it: a layout saved on a larger or
// another screen, or a default size above this screen's, must not open partly off the screen.

#include <QRect>

namespace mbq {

// `frame` (a window's outer rectangle) shrunk to `available` but no smaller than `minimum`,
// then moved inside it; along an axis where it is still larger, it starts at the edge of
// `available`, so the title bar stays in reach.
QRect fitFrameOnScreen(const QRect &frame, const QRect &available, const QSize &minimum);

} // namespace mbq
