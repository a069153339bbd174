// mbq-bench wan-dit: one Wan2.1 DiT forward at the real T2V-1.3B dimensions with random
// weights, in the precision the app uses on the device (CUDA: bf16 linear layers with a float32
// stream; CPU: float32). CUDA runs the official 832×480×81 size (a 2-sample guided batch is
// twice this); the CPU, which cannot hold 32 760-token attention without a fused kernel, a
// reduced clip. Prints ms per forward and the peak memory.
#include "inference/wan/dit.h"
#include "tests/bench/bench.h"

#include <cstdio>
#include <string>

namespace mbq::bench {

bool runWanDit(const Options &options)
{
    wan::WanDitConfig config; // T2V-1.3B
    const bool cuda = options.device.is_cuda();
    if (options.quick)
        config.numLayers = 2;
    const wan::WanDitPrecision precision = cuda ? wan::WanDitPrecision::cudaBFloat16()
                                                : wan::WanDitPrecision::cpuFloat32();
    // Latent sizes: 832×480×81 on CUDA; 208×112×9 (273 tokens) on the CPU.
    const int64_t frames = cuda && !options.quick ? 21 : 3;
    const int64_t height = cuda && !options.quick ? 60 : 14;
    const int64_t width = cuda && !options.quick ? 104 : 26;

    wan::WanDit dit(config, randomWanDitWeights(config, precision), precision);
    at::Generator generator = at::detail::createCPUGenerator(1);
    const at::Tensor x = at::randn({1, config.inDim, frames, height, width}, generator, at::kFloat)
                             .to(options.device);
    const at::Tensor t = at::full({1}, 999.0, at::TensorOptions().device(options.device));
    const at::Tensor context = at::randn({1, config.textLen, config.textDim}, generator, at::kFloat)
                                   .to(options.device);
    bool ok = true;
    Options timed = options;
    timed.repeats = std::max(1, std::min(options.repeats, cuda ? 5 : 2));
    const double seconds = medianSeconds(timed, [&] {
        auto y = dit.forward(x, t, context);
        if (!y) {
            std::printf("wan-dit: forward failed: %s\n", y.error().toString().c_str());
            ok = false;
        }
    });
    const int64_t tokens = frames * (height / 2) * (width / 2);
    std::printf("wan-dit: %lld layers, dim %lld, %.3f B params, %s, latent %lldx%lldx%lld "
                "(%lld tokens): %.1f ms/forward, peak %s memory %.0f MiB\n",
                static_cast<long long>(config.numLayers), static_cast<long long>(config.dim),
                double(dit.parameterCount()) / 1e9, cuda ? "CUDA bf16/f32" : "CPU f32",
                static_cast<long long>(frames), static_cast<long long>(height),
                static_cast<long long>(width), static_cast<long long>(tokens), seconds * 1e3,
                cuda ? "device" : "host", peakMemoryMiB(options.device));
    return ok;
}

} // namespace mbq::bench
