#pragma once
// Overflow-checked arithmetic for sizes read from untrusted files: a hostile header can declare
// shapes whose element count wraps around 64 bits and then passes a naive bounds check.

#include <cstdint>
#include <vector>

namespace mbq::io {

inline bool checkedMul(uint64_t a, uint64_t b, uint64_t *out)
{
    return !__builtin_mul_overflow(a, b, out);
}

inline bool checkedAdd(uint64_t a, uint64_t b, uint64_t *out)
{
    return !__builtin_add_overflow(a, b, out);
}

// Product of the dims; false when a dim is negative or the product overflows.
inline bool checkedElementCount(const std::vector<int64_t> &shape, uint64_t *out)
{
    uint64_t count = 1;
    for (int64_t dim : shape) {
        if (dim < 0 || !checkedMul(count, uint64_t(dim), &count))
            return false;
    }
    *out = count;
    return true;
}

} // namespace mbq::io
