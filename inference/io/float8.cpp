#include "inference/io/float8.h"

#include <cmath>
#include <limits>

namespace mbq::io {

namespace {

// Value of a minifloat with `mantissaBits` and `bias`; exponent 0 is subnormal.
float decode(uint8_t bits, int mantissaBits, int bias)
{
    const bool negative = bits & 0x80;
    const int exponent = (bits & 0x7f) >> mantissaBits;
    const int mantissa = bits & ((1 << mantissaBits) - 1);
    const float fraction = float(mantissa) / float(1 << mantissaBits);
    const float magnitude = exponent == 0 ? std::ldexp(fraction, 1 - bias)
                                          : std::ldexp(1.0f + fraction, exponent - bias);
    return negative ? -magnitude : magnitude;
}

} // namespace

float decodeF8E4M3(uint8_t bits)
{
    if ((bits & 0x7f) == 0x7f)
        return std::numeric_limits<float>::quiet_NaN();
    return decode(bits, 3, 7);
}

float decodeF8E5M2(uint8_t bits)
{
    if ((bits & 0x7c) == 0x7c) {
        if (bits & 0x03)
            return std::numeric_limits<float>::quiet_NaN();
        return (bits & 0x80) ? -std::numeric_limits<float>::infinity()
                             : std::numeric_limits<float>::infinity();
    }
    return decode(bits, 2, 15);
}

} // namespace mbq::io
