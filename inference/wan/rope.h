#pragma once
// Wan's 3D rotary position embedding. A head's d channels form d/2 complex pairs (channels 2k
// and 2k+1, "interleaved"); the pairs split over the three token axes as frame, height, width
// = d/2 − 2·⌊d/6⌋, ⌊d/6⌋, ⌊d/6⌋ (22/21/21 for d = 128, i.e. 44/42/42 channels). Each axis has
// its own frequency table ω_j = 10000^(−2j/n), n = that axis's channel count, and a token at
// grid position (f, h, w) turns its pairs by f·ω^F, h·ω^H, w·ω^W. The tables are computed in
// float64, as the official code does; kernels::wanNormRope applies them.

#include "inference/attention/q_hook.h"
#include "inference/result.h"

#include <ATen/ATen.h>

namespace mbq::wan {

class WanRope
{
public:
    explicit WanRope(int64_t headDim, int64_t maxPositions = 1024);

    int64_t framePairs() const { return m_framePairs; }
    int64_t heightPairs() const { return m_spatialPairs; }
    int64_t widthPairs() const { return m_spatialPairs; }
    int64_t maxPositions() const { return m_maxPositions; }

    // The rotation angle of every pair of every token: [tokens, headDim/2] float64, tokens in
    // frame-major, then row, then column order. InvalidArgument when an axis exceeds
    // maxPositions().
    Result<at::Tensor> angles(const attention::TokenGrid &grid) const;

    struct Tables
    {
        at::Tensor cos; // [tokens, headDim/2] float64
        at::Tensor sin;
    };
    Result<Tables> tables(const attention::TokenGrid &grid, at::Device device) const;

private:
    int64_t m_headDim;
    int64_t m_maxPositions;
    int64_t m_framePairs;
    int64_t m_spatialPairs;
};

} // namespace mbq::wan
