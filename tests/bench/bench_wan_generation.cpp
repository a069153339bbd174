// mbq-bench wan-generation: what a whole Wan2.1 T2V-1.3B generation holds and costs on the
// device, as the app runs it: the text encoder released (its context is on the device, the
// encoder not), the DiT at the real widths in the app's precision, guided steps (a conditional
// and an unconditional forward each), then the tiled VAE decode. Random weights: the numbers
// are the point, not the picture. CUDA: 832×480×81 (latent 21×60×104); the CPU a reduced clip.
// Prints seconds per guided step, the decode's seconds and the peak memory of the whole run.
#include "inference/wan/dit.h"
#include "inference/wan/vae.h"
#include "inference/wan/vae_tiny.h"
#include "tests/bench/bench.h"

#include <cstdio>

namespace mbq::bench {

bool runWanGeneration(const Options &options)
{
    const bool cuda = options.device.is_cuda();
    wan::WanDitConfig config; // T2V-1.3B
    if (options.quick)
        config.numLayers = 2;
    const wan::WanDitPrecision precision
        = cuda ? wan::WanDitPrecision::cudaBFloat16() : wan::WanDitPrecision::cpuFloat32();
    const int64_t frames = cuda && !options.quick ? 21 : 3;
    const int64_t height = cuda && !options.quick ? 60 : 14;
    const int64_t width = cuda && !options.quick ? 104 : 26;
    const int steps = 2; // the peak and a step's time are those of every one of the 50

    resetPeakMemory(options.device);
    const wan::WanDit dit(config, randomWanDitWeights(config, precision), precision);
    const wan::WanVaeConfig vaeConfig;
    wan::VaeWeights vaeWeights = wan::randomVaeWeights(vaeConfig, 0);
    for (auto &[name, tensor] : vaeWeights)
        tensor = tensor.to(options.device);
    auto vae = wan::WanVae::fromWeights(vaeConfig, std::move(vaeWeights));
    if (!vae) {
        std::printf("wan-generation: %s\n", vae.error().toString().c_str());
        return false;
    }

    at::Generator generator = at::detail::createCPUGenerator(2);
    const auto on = at::TensorOptions().device(options.device);
    at::Tensor latent = at::randn({1, config.inDim, frames, height, width}, generator, at::kFloat)
                            .to(options.device);
    const at::Tensor prompt
        = at::randn({1, config.textLen, config.textDim}, generator, at::kFloat).to(options.device);
    const at::Tensor negative = at::zeros_like(prompt);
    bool ok = true;
    const double stepSeconds
        = onceSeconds(options,
                      [&] {
                          for (int i = 0; i < steps; ++i) {
                              const at::Tensor t = at::full({1}, 999.0 - 20.0 * i, on);
                              auto cond = dit.forward(latent, t, prompt);
                              auto uncond = dit.forward(latent, t, negative);
                              if (!cond || !uncond) {
                                  std::printf("wan-generation: forward failed\n");
                                  ok = false;
                                  return;
                              }
                              const at::Tensor velocity = *uncond + 5.0 * (*cond - *uncond);
                              latent = latent - 0.02 * velocity;
                          }
                      })
        / steps;
    const double decodeSeconds = onceSeconds(options, [&] {
        auto video = vae->decodeTiled(latent[0]);
        if (!video) {
            std::printf("wan-generation: tiled decode failed: %s\n",
                        video.error().toString().c_str());
            ok = false;
        }
    });
    std::printf("wan-generation: %lld layers, latent %lldx%lldx%lld, %s: %.3f s per guided step, "
                "tiled decode %.2f s, 50-step generation ~%.0f s, peak %s memory %.0f MiB\n",
                static_cast<long long>(config.numLayers), static_cast<long long>(frames),
                static_cast<long long>(height), static_cast<long long>(width),
                cuda ? "CUDA bf16/f32" : "CPU f32", stepSeconds, decodeSeconds,
                50 * stepSeconds + decodeSeconds, cuda ? "device" : "host",
                peakMemoryMiB(options.device));
    return ok;
}

} // namespace mbq::bench
