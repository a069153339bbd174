#pragma once
// Wan's Q and K paths after the projection, as one op: RMSNorm over the full width, the 3D
// rotary embedding, and for Q optionally the swap. Unfused, the queries are read and written
// once by the norm, once by the rotation and once by the swap (and each of those is several
// ATen ops); the CUDA kernel reads the projection and the source once and writes Q once.

#include "kernels/qswap.h"

#include <ATen/ATen.h>

namespace mbq::kernels {

struct WanNormRopeParams
{
    int64_t heads = 1; // channels = heads × head_dim
    // x·rsqrt(mean(x²) + eps) over all channels, computed in `dtype`, rounded back to the
    // projection's dtype, times normWeight [channels] (WanRMSNorm). Undefined: no norm.
    at::Tensor normWeight;
    double eps = 1e-6;
    // The rotation of each interleaved channel pair (2k, 2k+1) of every head: cos and sin of
    // its angle, float64 [tokens, head_dim/2], applied in float64 as the official code does.
    at::Tensor cos;
    at::Tensor sin;
    at::ScalarType dtype = at::kFloat; // of the result: the model's stream dtype
};

// proj: [batch, tokens, channels], the q or k projection. Returns the normalised, rotated
// [batch, tokens, channels] in params.dtype. With `swap`, q_swap(result, source, *swap) is
// applied within the same pass; source is then as q_swap takes it, in params.dtype.
at::Tensor wanNormRope(const at::Tensor &proj, const WanNormRopeParams &params,
                       const at::Tensor &source = {}, const QSwapParams *swap = nullptr);

// The CPU reference in plain ATen ops (any device, any floating dtype, float64 included):
// norm, rotation, then qSwapReference_. Inputs must already be validated.
at::Tensor wanNormRopeReference(const at::Tensor &proj, const WanNormRopeParams &params,
                                const at::Tensor &source = {}, const QSwapParams *swap = nullptr);

// The norm alone, as the reference computes it (cross-attention's q and k are not rotated).
at::Tensor wanRmsNorm(const at::Tensor &x, const at::Tensor &weight, double eps,
                      at::ScalarType dtype);

} // namespace mbq::kernels
