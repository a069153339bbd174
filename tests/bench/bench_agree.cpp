// mbq-bench agree: the bench's device, in the precision the app renders with there, against the
// CPU in float32, on small random models of each network: Wan DiT (bf16 projections, float32
// stream), Wan VAE (float32; CUDA convolutions may use TF32) and VC2 UNet (bf16). One relative
// L2 error per network, checked against a tolerance set by the reduced precision: bf16 keeps 8
// mantissa bits (2^-8 ≈ 4e-3 per rounding, a few percent after a network's depth); TF32 keeps
// 10. On the CPU (the GPU check's --cpu rehearsal) the same reduced precisions run on the CPU.
#include "inference/videocrafter/unet.h"
#include "inference/videocrafter/vc2_config.h"
#include "inference/videocrafter/vc2_tensors.h"
#include "inference/wan/dit.h"
#include "inference/wan/vae.h"
#include "inference/wan/vae_tiny.h"
#include "tests/bench/bench.h"

#include <cmath>
#include <cstdio>

namespace mbq::bench {

namespace {

constexpr double kBFloat16Tolerance = 3e-2;
constexpr double kFloat32Tolerance = 5e-3;

double relativeL2(const at::Tensor &got, const at::Tensor &reference)
{
    const at::Tensor g = got.to(at::kCPU, at::kDouble), r = reference.to(at::kDouble);
    return ((g - r).norm() / r.norm().clamp_min(1e-30)).item<double>();
}

bool report(const char *network, const char *precision, double error, double tolerance)
{
    const bool ok = std::isfinite(error) && error <= tolerance;
    std::printf("agree %-8s %-14s vs CPU f32: relative L2 error %.3g (tolerance %.3g) %s\n",
                network, precision, error, tolerance, ok ? "ok" : "FAIL");
    return ok;
}

bool agreeWanDit(const at::Device &device)
{
    wan::WanDitConfig config;
    config.dim = 128;
    config.ffnDim = 256;
    config.numHeads = 4;
    config.numLayers = 2;
    config.textDim = 64;
    config.textLen = 16;
    config.freqDim = 32;
    const auto build = [&](const wan::WanDitPrecision &precision) {
        return wan::WanDit(config, randomWanDitWeights(config, precision), precision);
    };
    at::Generator generator = at::detail::createCPUGenerator(5);
    const at::Tensor x = at::randn({1, config.inDim, 3, 8, 12}, generator, at::kFloat);
    const at::Tensor context
        = at::randn({1, config.textLen, config.textDim}, generator, at::kFloat);
    const at::Tensor t = at::full({1}, 700.0);
    const wan::WanDitPrecision subject {device, at::kBFloat16, at::kFloat};
    auto reference = build(wan::WanDitPrecision::cpuFloat32()).forward(x, t, context);
    auto got = build(subject).forward(x.to(device), t.to(device), context.to(device));
    if (!reference || !got) {
        std::printf("agree wan-dit: forward failed: %s\n",
                    (!reference ? reference : got).error().toString().c_str());
        return false;
    }
    return report("wan-dit", "bf16/f32", relativeL2(*got, *reference), kBFloat16Tolerance);
}

bool agreeWanVae(const at::Device &device)
{
    const wan::WanVaeConfig config = wan::tinyVaeConfig();
    const auto build = [&](const at::Device &on) {
        wan::VaeWeights weights = wan::randomVaeWeights(config, 3);
        for (auto &[name, tensor] : weights)
            tensor = tensor.to(on);
        return wan::WanVae::fromWeights(config, std::move(weights));
    };
    auto reference = build(at::kCPU);
    auto subject = build(device);
    if (!reference || !subject) {
        std::printf("agree wan-vae: %s\n",
                    (!reference ? reference : subject).error().toString().c_str());
        return false;
    }
    at::Generator generator = at::detail::createCPUGenerator(6);
    const at::Tensor latent = at::randn({16, 3, 6, 8}, generator, at::kFloat);
    auto want = reference->decode(latent);
    auto got = subject->decode(latent.to(device));
    if (!want || !got) {
        std::printf("agree wan-vae: decode failed\n");
        return false;
    }
    return report("wan-vae", "f32", relativeL2(*got, *want), kFloat32Tolerance);
}

bool agreeVc2UNet(const at::Device &device)
{
    vc2::Vc2UNetConfig config;
    config.modelChannels = 32;
    config.numHeadChannels = 16;
    config.contextDim = 64;
    config.initAttnHeads = 2;
    const auto build = [&](const vc2::Vc2Precision &precision) {
        vc2::Vc2Weights weights
            = randomTensors(vc2::unetTensorShapes(config), [&](const std::string &) {
                  return std::make_pair(precision.device, precision.dtype);
              });
        return vc2::Vc2UNet(config, std::move(weights), precision);
    };
    at::Generator generator = at::detail::createCPUGenerator(7);
    const at::Tensor x = at::randn({1, config.inChannels, 4, 16, 16}, generator, at::kFloat);
    const at::Tensor context = at::randn({1, 77, config.contextDim}, generator, at::kFloat);
    const at::Tensor t = at::full({1}, int64_t(501), at::kLong);
    const at::Tensor fps = at::full({1}, 28.0, at::kDouble);
    const vc2::Vc2Precision wide {at::kCPU, at::kFloat};
    const vc2::Vc2Precision narrow {device, at::kBFloat16};
    auto want = build(wide).forward(x, t, context, fps);
    auto got = build(narrow).forward(x.to(device), t, context.to(device), fps);
    if (!want || !got) {
        std::printf("agree vc2-unet: forward failed: %s\n",
                    (!want ? want : got).error().toString().c_str());
        return false;
    }
    return report("vc2-unet", "bf16/f32", relativeL2(*got, *want), kBFloat16Tolerance);
}

} // namespace

bool runAgree(const Options &options)
{
    bool ok = agreeWanDit(options.device);
    ok = agreeWanVae(options.device) && ok;
    return agreeVc2UNet(options.device) && ok;
}

} // namespace mbq::bench
