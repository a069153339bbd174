#include "core/media/rgb_ops.h"

#include <cstring>

namespace mbq::rgb {

void rotate(const uint8_t *src, int srcWidth, int srcHeight, int srcStride, int clockwise,
            uint8_t *dst)
{
    const int w = srcWidth;
    const int h = srcHeight;
    if (clockwise == 0) {
        for (int y = 0; y < h; ++y)
            std::memcpy(dst + size_t(y) * w * 3, src + size_t(y) * srcStride, size_t(w) * 3);
        return;
    }
    for (int y = 0; y < h; ++y) {
        const uint8_t *row = src + size_t(y) * srcStride;
        for (int x = 0; x < w; ++x) {
            size_t to = 0;
            if (clockwise == 90) // (x, y) -> (h-1-y, x) in an h-wide image
                to = (size_t(x) * h + (h - 1 - y)) * 3;
            else if (clockwise == 180)
                to = (size_t(h - 1 - y) * w + (w - 1 - x)) * 3;
            else // 270: (x, y) -> (y, w-1-x)
                to = (size_t(w - 1 - x) * h + y) * 3;
            std::memcpy(dst + to, row + size_t(x) * 3, 3);
        }
    }
}

void compositeOver(const uint8_t *rgba, int width, int height, int srcStride,
                   const std::array<uint8_t, 3> &background, uint8_t *rgb)
{
    for (int y = 0; y < height; ++y) {
        const uint8_t *in = rgba + size_t(y) * srcStride;
        uint8_t *out = rgb + size_t(y) * width * 3;
        for (int x = 0; x < width; ++x, in += 4, out += 3) {
            const int a = in[3];
            for (int c = 0; c < 3; ++c)
                out[c] = uint8_t((in[c] * a + background[c] * (255 - a) + 127) / 255);
        }
    }
}

} // namespace mbq::rgb
