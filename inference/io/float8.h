#pragma once
// Float8 decoding. F8 tensors are read as their raw bytes and widened here when a float dtype is
// asked for: exact, and the same on every device and LibTorch.

#include <cstdint>

namespace mbq::io {

// E4M3 "fn" variant (OCP FP8): bias 7, no infinities, S.1111.111 is NaN; max 448.
float decodeF8E4M3(uint8_t bits);
// E5M2: bias 15, IEEE-like with infinities and NaNs; max 57344.
float decodeF8E5M2(uint8_t bits);

} // namespace mbq::io
