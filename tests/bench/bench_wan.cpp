// mbq-bench wan-dit: one Wan2.1 DiT forward at the real T2V-1.3B dimensions with random
// weights, in the precision the app uses on the device (CUDA: bf16 linear layers with a float32
// stream; CPU: float32). CUDA runs the official 832×480×81 size (a 2-sample guided batch is
// twice this); the CPU, which cannot hold 32 760-token attention without a fused kernel, a
// reduced clip. Prints ms per forward and the peak memory.
#include "inference/wan/dit.h"
#include "tests/bench/bench.h"

#include <cstdio>
#include <fstream>
#include <string>

#if defined(MBQ_TORCH_HAS_CUDA)
#include <c10/cuda/CUDACachingAllocator.h>
#endif

namespace mbq::bench {

namespace {

// Peak resident set of this process (VmHWM), in MiB.
double hostPeakMiB()
{
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == "VmHWM:") {
            double kib = 0;
            status >> kib;
            return kib / 1024.0;
        }
        status.ignore(1 << 12, '\n');
    }
    return 0.0;
}

double devicePeakMiB([[maybe_unused]] const at::Device &device)
{
#if defined(MBQ_TORCH_HAS_CUDA)
    if (device.is_cuda()) {
        const auto stats = c10::cuda::CUDACachingAllocator::getDeviceStats(device.index());
        const auto &peak = stats.allocated_bytes[size_t(c10::CachingAllocator::StatType::AGGREGATE)];
        return double(peak.peak) / (1024.0 * 1024.0);
    }
#endif
    return hostPeakMiB();
}

wan::WanDitWeights randomWeights(const wan::WanDitConfig &config,
                                 const wan::WanDitPrecision &precision)
{
    wan::WanDitWeights weights;
    at::Generator generator = at::detail::createCPUGenerator(0);
    for (const auto &[name, shape] : wan::wanDitTensorShapes(config)) {
        const at::ScalarType dtype = wan::isLinearWeight(name) ? precision.linear
                                                               : precision.stream;
        int64_t fanIn = 1;
        for (size_t i = 1; i < shape.size(); ++i)
            fanIn *= shape[i];
        const at::Tensor values = at::randn(shape, generator, at::kFloat)
                                  / std::sqrt(double(std::max<int64_t>(fanIn, shape.back())));
        weights.parameterCount += values.numel();
        weights.tensors.emplace(name, values.to(precision.device, dtype));
    }
    return weights;
}

} // namespace

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

    wan::WanDit dit(config, randomWeights(config, precision), precision);
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
                cuda ? "device" : "host", devicePeakMiB(options.device));
    return ok;
}

} // namespace mbq::bench
