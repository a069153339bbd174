#include "inference/wan/vae_tiling.h"

#include <algorithm>

namespace mbq::wan {

std::vector<TileSpan> tileSpans(int64_t size, int64_t tile, int64_t overlap)
{
    if (size <= tile)
        return {{0, size}};
    std::vector<TileSpan> spans;
    const int64_t stride = tile - overlap;
    for (int64_t begin = 0;; begin += stride) {
        if (begin + tile >= size) {
            spans.push_back({size - tile, size});
            break;
        }
        spans.push_back({begin, begin + tile});
    }
    return spans;
}

std::vector<double> tileRamp(const std::vector<TileSpan> &spans, size_t index, int64_t factor)
{
    const int64_t begin = spans[index].begin * factor;
    const int64_t end = spans[index].end * factor;
    const int64_t before = index > 0 ? spans[index - 1].end * factor - begin : 0;
    const int64_t after = index + 1 < spans.size() ? end - spans[index + 1].begin * factor : 0;
    std::vector<double> ramp(size_t(end - begin), 1.0);
    for (int64_t p = 0; p < end - begin; ++p) {
        // Half-pixel offsets keep every weight positive and make the two ramps of one overlap
        // sum to exactly 1.
        if (p < before)
            ramp[size_t(p)] = std::min(ramp[size_t(p)], (double(p) + 0.5) / double(before));
        if (end - begin - p <= after)
            ramp[size_t(p)] = std::min(ramp[size_t(p)],
                                       (double(end - begin - p) - 0.5) / double(after));
    }
    return ramp;
}

} // namespace mbq::wan
