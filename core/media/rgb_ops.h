#pragma once
// Small pixel operations on packed 8-bit buffers, shared by decode and export. No libav, no
// OpenCV: plain loops the compiler vectorises well enough at our sizes.

#include <array>
#include <cstdint>

namespace mbq::rgb {

// Rotates an RGB8 image clockwise by 90, 180 or 270 degrees (0 copies). For quarter turns the
// destination is srcHeight wide and srcWidth high. `srcStride` is in bytes.
void rotate(const uint8_t *src, int srcWidth, int srcHeight, int srcStride, int clockwise,
            uint8_t *dst);

// RGBA8 over an opaque background colour, to RGB8 (same size, `srcStride` in bytes).
void compositeOver(const uint8_t *rgba, int width, int height, int srcStride,
                   const std::array<uint8_t, 3> &background, uint8_t *rgb);

} // namespace mbq::rgb
