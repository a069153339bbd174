// CPU reference of q_swap in plain ATen ops: slow but obviously right, the yardstick for the
// CUDA kernel.
#include "kernels/qswap.h"

namespace mbq::kernels {

void qSwapReference_(at::Tensor &target, const at::Tensor &source, const QSwapParams &params)
{
    const int64_t batch = target.size(0), tokens = target.size(1), channels = target.size(2);
    const int64_t heads = params.heads, headDim = channels / heads;

    const auto options = target.options().dtype(at::kFloat);
    auto effective = at::full({1, tokens, heads, 1}, double(params.weight), options);
    if (params.headWeights.defined())
        effective = effective * params.headWeights.to(options).view({1, 1, heads, 1});
    if (params.tokenMask.defined())
        effective = effective * params.tokenMask.to(options).ne(0).to(at::kFloat).view(
                        {1, tokens, 1, 1});

    auto t = target.to(at::kFloat).view({batch, tokens, heads, headDim});
    auto s = source.to(at::kFloat).view({source.size(0), tokens, heads, headDim});
    at::Tensor out;
    if (params.mode == QSwapMode::Blend)
        out = t + effective * (s - t);
    else
        out = at::where(effective.gt(0), s.expand_as(t), t);
    target.copy_(out.view({batch, tokens, channels}));
}

} // namespace mbq::kernels
