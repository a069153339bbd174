// mbq-bench vc2-unet: one VideoCrafter2 UNet3D forward at the real v2.0 widths (1.4 B
// parameters) with random weights, in the precision the app uses on the device (CUDA: bf16 with
// float32 norms; CPU: float32). CUDA runs the official 512×320×16 clip; the CPU a reduced 256×192×4 one.
// A DDIM step with guidance is two such calls (conditional and unconditional). Prints ms per
// forward and the peak memory.
#include "inference/videocrafter/unet.h"
#include "inference/videocrafter/vc2_config.h"
#include "inference/videocrafter/vc2_tensors.h"
#include "tests/bench/bench.h"

#include <cstdio>

namespace mbq::bench {

bool runVc2UNet(const Options &options)
{
    vc2::Vc2UNetConfig config; // the official v2.0 inference config
    const bool cuda = options.device.is_cuda();
    if (options.quick)
        config.modelChannels = 64;
    vc2::Vc2Precision precision;
    precision.device = options.device;
    precision.dtype = cuda ? at::kBFloat16 : at::kFloat;
    // Latent sizes: 512×320×16 on CUDA (64×40×16); 256×192×4 on the CPU.
    const int64_t frames = cuda && !options.quick ? 16 : 4;
    const int64_t height = cuda && !options.quick ? 40 : 24;
    const int64_t width = cuda && !options.quick ? 64 : 32;

    vc2::Vc2Weights weights = randomTensors(vc2::unetTensorShapes(config), [&](const std::string &) {
        return std::make_pair(precision.device, precision.dtype);
    });
    int64_t parameters = 0;
    for (const auto &[name, tensor] : weights)
        parameters += tensor.numel();
    const vc2::Vc2UNet unet(config, std::move(weights), precision);

    at::Generator generator = at::detail::createCPUGenerator(1);
    const at::Tensor x = at::randn({1, config.inChannels, frames, height, width}, generator,
                                   at::kFloat)
                             .to(options.device, precision.wide());
    const at::Tensor t = at::full({1}, int64_t(981), at::kLong);
    const at::Tensor context = at::randn({1, 77, config.contextDim}, generator, at::kFloat)
                                   .to(options.device, precision.wide());
    const at::Tensor fps = at::full({1}, 28.0, at::kDouble);
    bool ok = true;
    Options timed = options;
    timed.repeats = std::max(1, std::min(options.repeats, cuda ? 5 : 2));
    const double seconds = medianSeconds(timed, [&] {
        auto eps = unet.forward(x, t, context, fps);
        if (!eps) {
            std::printf("vc2-unet: forward failed: %s\n", eps.error().toString().c_str());
            ok = false;
        }
    });
    std::printf("vc2-unet: %lld channels, %.3f B params, %s, latent %lldx%lldx%lld: "
                "%.1f ms/forward (a guided DDIM step is two), peak %s memory %.0f MiB\n",
                static_cast<long long>(config.modelChannels), double(parameters) / 1e9,
                cuda ? "CUDA bf16/f32" : "CPU f32", static_cast<long long>(frames),
                static_cast<long long>(height), static_cast<long long>(width), seconds * 1e3,
                cuda ? "device" : "host", peakMemoryMiB(options.device));
    return ok;
}

} // namespace mbq::bench
