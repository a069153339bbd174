// Wan's norm, rotation and swap as the model code wrote them before fusion, op by op: the
// yardstick for the CUDA kernel and the path every CPU render takes.
#include "kernels/wan_q_path.h"

#include <vector>

namespace mbq::kernels {

at::Tensor wanRmsNorm(const at::Tensor &x, const at::Tensor &weight, double eps,
                      at::ScalarType dtype)
{
    const at::Tensor wide = x.to(dtype);
    const at::Tensor normed = wide * at::rsqrt(wide.pow(2).mean(-1, true) + eps);
    // Rounded back to the input's dtype, then scaled by the full-precision weight, which
    // promotes the result to the stream dtype (the official WanRMSNorm under autocast).
    return normed.to(x.scalar_type()) * weight;
}

namespace {

// x: [batch, tokens, heads, head_dim]; each pair (re, im) times (cos + i·sin), in float64.
at::Tensor rotate(const at::Tensor &x, const at::Tensor &cos, const at::Tensor &sin,
                  at::ScalarType dtype)
{
    std::vector<int64_t> pairShape = x.sizes().vec();
    pairShape.back() /= 2;
    pairShape.push_back(2);
    const at::Tensor pairs = x.to(at::kDouble).reshape(pairShape);
    const at::Tensor re = pairs.select(-1, 0);
    const at::Tensor im = pairs.select(-1, 1);
    const at::Tensor c = cos.unsqueeze(1); // [tokens, 1, head_dim/2]: every head alike
    const at::Tensor s = sin.unsqueeze(1);
    const at::Tensor outRe = re * c - im * s;
    const at::Tensor outIm = re * s + im * c;
    return at::stack({outRe, outIm}, -1).flatten(-2, -1).to(dtype);
}

} // namespace

at::Tensor wanNormRopeReference(const at::Tensor &proj, const WanNormRopeParams &p,
                                const at::Tensor &source, const QSwapParams *swap)
{
    const int64_t batch = proj.size(0), tokens = proj.size(1), channels = proj.size(2);
    const at::Tensor normed = p.normWeight.defined()
        ? wanRmsNorm(proj, p.normWeight, p.eps, p.dtype)
        : proj.to(p.dtype);
    at::Tensor out = rotate(normed.reshape({batch, tokens, p.heads, channels / p.heads}), p.cos,
                            p.sin, p.dtype)
                         .view({batch, tokens, channels});
    if (swap && swap->weight > 0.0f)
        qSwapReference_(out, source, *swap);
    return out;
}

} // namespace mbq::kernels
