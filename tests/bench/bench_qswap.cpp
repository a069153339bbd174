// q_swap: correctness of the dispatched op against the CPU reference (on CUDA: every dtype and
// mode), and its speed as a ratio of a plain copy of the same tensor (the budget: ≥ 0.8 of the
// device's copy bandwidth for replace, which moves the same bytes as a copy).
#include "kernels/qbank_codec.h"
#include "kernels/qswap.h"
#include "kernels/qswap_fp8.h"
#include "tests/bench/bench.h"

#include <cstdio>

namespace mbq::bench {
namespace {

using kernels::QSwapMode;
using kernels::QSwapParams;

// What the checks swap with: a blend weight, random head weights and a random token mask, for
// one Wan block's 12 heads over 1560 tokens.
QSwapParams checkParams(const Options &options, QSwapMode mode)
{
    QSwapParams p;
    p.mode = mode;
    p.weight = 0.7f;
    p.heads = 12;
    const auto deviceOptions = at::TensorOptions().device(options.device);
    p.headWeights = at::rand({12}, deviceOptions);
    p.tokenMask = at::rand({1560}, deviceOptions).gt(0.3);
    return p;
}

QSwapParams onCpu(const QSwapParams &p)
{
    QSwapParams cpu = p;
    cpu.headWeights = p.headWeights.cpu();
    cpu.tokenMask = p.tokenMask.cpu();
    return cpu;
}

bool checkAgainstReference(const Options &options, at::ScalarType type, QSwapMode mode)
{
    const QSwapParams p = checkParams(options, mode);
    const auto deviceOptions = at::TensorOptions().device(options.device);
    auto target = at::randn({2, 1560, 1536}, deviceOptions).to(type);
    auto source = at::randn({1, 1560, 1536}, deviceOptions).to(type);

    auto expected = target.cpu();
    const QSwapParams cpuParams = onCpu(p);
    kernels::qSwapReference_(expected, source.cpu(), cpuParams);
    kernels::qSwap_(target, source, p);
    const double diff = (target.cpu().to(at::kDouble) - expected.to(at::kDouble)).abs().max()
                            .item<double>();
    // Both sides compute in float32 and round once, so they agree bit for bit.
    const bool ok = diff == 0.0;
    std::printf("qswap check %-8s %-7s max|diff| %.3g %s\n", c10::toString(type),
                mode == QSwapMode::Blend ? "blend" : "replace", diff, ok ? "ok" : "FAIL");
    return ok;
}

// The fp8 source path against its reference (decode, then the CPU swap): bit for bit.
bool checkFp8AgainstReference(const Options &options, at::ScalarType type, QSwapMode mode)
{
    const QSwapParams p = checkParams(options, mode);
    const auto deviceOptions = at::TensorOptions().device(options.device);
    auto target = at::randn({2, 1560, 1536}, deviceOptions).to(type);
    const auto source = kernels::encodeFp8Queries(at::randn({1, 1560, 1536}, deviceOptions)
                                                      .to(type),
                                                  12);

    auto expected = target.cpu();
    const QSwapParams cpuParams = onCpu(p);
    auto cpuSource = source;
    cpuSource.codes = source.codes.cpu();
    cpuSource.scales = source.scales.cpu();
    kernels::qSwapFp8Reference_(expected, cpuSource, cpuParams);
    kernels::qSwapFp8_(target, source, p);
    const bool ok = at::equal(target.cpu(), expected);
    std::printf("qswap fp8 check %-8s %-7s %s\n", c10::toString(type),
                mode == QSwapMode::Blend ? "blend" : "replace", ok ? "ok" : "FAIL");
    return ok;
}

} // namespace

bool runQSwap(const Options &options)
{
    bool ok = true;
    for (auto type : {at::kFloat, at::kHalf, at::kBFloat16})
        for (auto mode : {QSwapMode::Replace, QSwapMode::Blend})
            ok = checkAgainstReference(options, type, mode)
                && checkFp8AgainstReference(options, type, mode) && ok;

    // One Wan2.1-1.3B block's Q at 832×480×81: 32760 tokens × 1536 channels, both CFG branches.
    const int64_t tokens = options.quick ? 2048 : 32760;
    const auto type = options.device.is_cuda() ? at::kBFloat16 : at::kFloat;
    const auto tensorOptions = at::TensorOptions().device(options.device).dtype(type);
    auto target = at::randn({2, tokens, 1536}, tensorOptions);
    auto source = at::randn({1, tokens, 1536}, tensorOptions);
    auto copyTarget = at::empty_like(target);
    auto copySource = source.expand_as(target).contiguous();
    QSwapParams p;
    p.heads = 12;

    const double copy = medianSeconds(options, [&] { copyTarget.copy_(copySource); });
    const double replace = medianSeconds(options, [&] { kernels::qSwap_(target, source, p); });
    p.mode = QSwapMode::Blend;
    p.weight = 0.5f;
    const double blend = medianSeconds(options, [&] { kernels::qSwap_(target, source, p); });
    const double bytes = 2.0 * double(target.nbytes());
    std::printf("qswap %s %s [2,%lld,1536]: copy %.3f ms (%.1f GB/s)\n",
                options.device.str().c_str(), c10::toString(type), (long long)tokens,
                copy * 1e3, bytes / copy / 1e9);
    std::printf("qswap replace %.3f ms (%.1f GB/s) = %.2fx copy bandwidth\n", replace * 1e3,
                bytes / replace / 1e9, copy / replace);
    std::printf("qswap blend   %.3f ms = %.2fx copy bandwidth (reads one more tensor)\n",
                blend * 1e3, copy / blend);

    // The same replace from an fp8 bank entry: a quarter of float32's source bytes (half of
    // bfloat16's) plus one scale per token and head.
    p.mode = QSwapMode::Replace;
    p.weight = 1.0f;
    const auto encoded = kernels::encodeFp8Queries(source, p.heads);
    const double fp8 = medianSeconds(options, [&] { kernels::qSwapFp8_(target, encoded, p); });
    std::printf("qswap replace from fp8 %.3f ms = %.2fx the dense replace's time\n", fp8 * 1e3,
                fp8 / replace);
    return runWanQPath(options) && ok;
}

} // namespace mbq::bench
