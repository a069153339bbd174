// Wan's fused Q path (kernels/wan_q_path.h) against the unfused one it replaces (norm and
// rotation in ATen ops, then the q_swap kernel): a check of the fused result against the
// reference, then both timed side by side on one Wan2.1-1.3B block's Q.
#include "kernels/qswap.h"
#include "kernels/wan_q_path.h"
#include "tests/bench/bench.h"

#include <cstdio>

namespace mbq::bench {
namespace {

struct Inputs
{
    at::Tensor proj; // the q projection, in the linear dtype
    at::Tensor source; // one source row, float32
    kernels::WanNormRopeParams params;
    kernels::QSwapParams swap;
};

Inputs makeInputs(const Options &options, int64_t tokens)
{
    const int64_t heads = 12, headDim = 128;
    const auto on = at::TensorOptions().device(options.device);
    const auto linear = options.device.is_cuda() ? at::kBFloat16 : at::kFloat;
    Inputs in;
    in.proj = at::randn({2, tokens, heads * headDim}, on).to(linear);
    in.source = at::randn({1, tokens, heads * headDim}, on);
    in.params.heads = heads;
    in.params.normWeight = at::rand({heads * headDim}, on) + 0.5;
    const at::Tensor angles = at::rand({tokens, headDim / 2}, on.dtype(at::kDouble)) * 6.3;
    in.params.cos = angles.cos();
    in.params.sin = angles.sin();
    in.params.dtype = at::kFloat;
    in.swap.heads = heads;
    in.swap.mode = kernels::QSwapMode::Blend;
    in.swap.weight = 0.7f;
    in.swap.headWeights = at::rand({heads}, on);
    in.swap.tokenMask = at::rand({tokens}, on).gt(0.2);
    return in;
}

at::Tensor unfused(const Inputs &in)
{
    at::Tensor q = kernels::wanNormRopeReference(in.proj, in.params);
    kernels::qSwap_(q, in.source, in.swap);
    return q;
}

// The fused kernel sums each row's squares in another order than ATen's mean, so a value may
// land on the other side of a bfloat16 rounding: one step of a value below 8 is 2^-5, times a
// weight below 1.5, in both halves of a rotated pair.
bool check(const Options &options)
{
    const Inputs in = makeInputs(options, 1560);
    if (options.device.is_cuda()) {
        // Poison the caching allocator's free blocks so an unwritten output shows as NaN.
        at::full({4, 1560, 1536}, NAN, in.source.options());
    }
    const at::Tensor fused = kernels::wanNormRope(in.proj, in.params, in.source, &in.swap);
    const double diff
        = (fused.to(at::kDouble) - unfused(in).to(at::kDouble)).abs().max().item<double>();
    const bool ok = diff <= 0.1; // NaN fails too
    std::printf("wan q path check %s max|diff| %.3g %s\n", options.device.str().c_str(), diff,
                ok ? "ok" : "FAIL");
    return ok;
}

} // namespace

bool runWanQPath(const Options &options)
{
    const bool ok = check(options);
    // One Wan2.1-1.3B block at 832×480×81: 32760 tokens × 1536 channels, both CFG branches.
    const Inputs in = makeInputs(options, options.quick ? 2048 : 32760);
    const double slow = medianSeconds(options, [&] { unfused(in); });
    const double fast = medianSeconds(
        options, [&] { kernels::wanNormRope(in.proj, in.params, in.source, &in.swap); });
    std::printf("wan q path %s [2,%lld,1536]: unfused %.3f ms, fused %.3f ms = %.2fx faster%s\n",
                options.device.str().c_str(), (long long)in.proj.size(1), slow * 1e3, fast * 1e3,
                slow / fast,
                options.device.is_cuda() ? "" : " (CPU: both run the reference, expect 1x)");
    return ok;
}

} // namespace mbq::bench
