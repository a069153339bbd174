#include "inference/wan/rope.h"

#include <cmath>
#include <string>

namespace mbq::wan {

namespace {

// ω_j = 1 / 10000^(2j / channels), j < channels / 2, as the official rope_params computes it.
at::Tensor inverseFrequencies(int64_t channels)
{
    const int64_t pairs = channels / 2;
    at::Tensor freq = at::empty({pairs}, at::TensorOptions().dtype(at::kDouble));
    double *out = freq.data_ptr<double>();
    for (int64_t j = 0; j < pairs; ++j)
        out[j] = 1.0 / std::pow(10000.0, double(2 * j) / double(channels));
    return freq;
}

// [positions, pairs]: position·ω_j for positions 0..count-1.
at::Tensor axisAngles(int64_t count, int64_t pairs)
{
    const at::Tensor positions = at::arange(count, at::TensorOptions().dtype(at::kDouble));
    return at::outer(positions, inverseFrequencies(2 * pairs));
}

} // namespace

WanRope::WanRope(int64_t headDim, int64_t maxPositions)
    : m_headDim(headDim)
    , m_maxPositions(maxPositions)
    , m_framePairs(headDim / 2 - 2 * (headDim / 6))
    , m_spatialPairs(headDim / 6)
{}

Result<at::Tensor> WanRope::angles(const attention::TokenGrid &grid) const
{
    for (int64_t size : {grid.frames, grid.height, grid.width}) {
        if (size < 1 || size > m_maxPositions)
            return makeError(ErrorCode::InvalidArgument,
                             "token grid " + std::to_string(grid.frames) + "x"
                                 + std::to_string(grid.height) + "x"
                                 + std::to_string(grid.width) + " exceeds the "
                                 + std::to_string(m_maxPositions)
                                 + " positions per axis of the model's rotary embedding");
    }
    const int64_t f = grid.frames, h = grid.height, w = grid.width;
    const at::Tensor frame = axisAngles(f, m_framePairs).view({f, 1, 1, -1}).expand({f, h, w, -1});
    const at::Tensor row = axisAngles(h, m_spatialPairs).view({1, h, 1, -1}).expand({f, h, w, -1});
    const at::Tensor col = axisAngles(w, m_spatialPairs).view({1, 1, w, -1}).expand({f, h, w, -1});
    return at::cat({frame, row, col}, -1).reshape({f * h * w, m_headDim / 2});
}

Result<WanRope::Tables> WanRope::tables(const attention::TokenGrid &grid, at::Device device) const
{
    auto theta = angles(grid);
    if (!theta)
        return theta.error();
    const at::Tensor angle = theta->to(device);
    return Tables{angle.cos(), angle.sin()};
}

} // namespace mbq::wan
