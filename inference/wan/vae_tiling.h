#pragma once
// Spatial tiling for VAE decode: the latent is cut into overlapping tiles, each decoded on its
// own (all frames, with the usual chunk cache), and the decoded tiles are blended with linear
// ramps across their overlaps. Peak memory then depends on the tile size, not the frame size;
// the price is a small difference near tile seams, because the decoder's receptive field (and
// its middle attention, which spans the whole frame) no longer sees the full picture.

#include <cstdint>
#include <vector>

namespace mbq::wan {

struct VaeTiling
{
    int64_t tileLatent = 32;    // tile edge in latent pixels (256 output pixels)
    int64_t overlapLatent = 8;  // overlap of neighbouring tiles in latent pixels (64 output)
};

struct TileSpan
{
    int64_t begin = 0; // in latent pixels
    int64_t end = 0;
};

// Tiles covering [0, size): a single span when it fits, otherwise spans of `tile` stepping by
// tile - overlap, the last one moved back to end exactly at `size`. Requires tile > overlap >= 0.
std::vector<TileSpan> tileSpans(int64_t size, int64_t tile, int64_t overlap);

// Blend weight of each output pixel of span `index` of `spans` (latent spans scaled by
// `factor`): a linear ramp in (0, 1] across each overlap with a neighbour, 1 elsewhere.
std::vector<double> tileRamp(const std::vector<TileSpan> &spans, size_t index, int64_t factor);

} // namespace mbq::wan
