// wan-vae: Wan2.1 VAE encode, decode and tiled decode with random weights at the real widths:
// ms per call and peak memory. CUDA: the real 832x480x81 clip (latent 16x21x60x104), float32 as
// the official run; CPU: a reduced clip (--quick: smaller still). Also checks that the chunked
// decode equals the whole-sequence evaluation on a small input, on the bench's device.
#include "inference/wan/vae.h"
#include "inference/wan/vae_tiny.h"
#include "tests/bench/bench.h"

#include <cstdio>


namespace mbq::bench {

namespace {

using wan::VaeEvaluation;
using wan::WanVae;

} // namespace

bool runWanVae(const Options &options)
{
    const wan::WanVaeConfig config; // the official widths
    wan::VaeWeights weights = wan::randomVaeWeights(config, 0);
    for (auto &[name, tensor] : weights)
        tensor = tensor.to(options.device);
    auto loaded = WanVae::fromWeights(config, std::move(weights));
    if (!loaded) {
        std::printf("wan-vae: %s\n", loaded.error().toString().c_str());
        return false;
    }
    const WanVae &vae = *loaded;
    const auto on = at::TensorOptions().device(options.device);

    // Check: chunk protocol against the whole-sequence reference.
    const at::Tensor small = at::randn({16, 3, 4, 4}, on);
    auto chunked = vae.decode(small, VaeEvaluation::Chunked);
    auto whole = vae.decode(small, VaeEvaluation::WholeSequence);
    if (!chunked || !whole) {
        std::printf("wan-vae check: decode failed\n");
        return false;
    }
    const double diff = (*chunked - *whole).abs().max().item<double>();
    const bool ok = diff < 1e-3;
    std::printf("wan-vae check chunked vs whole-sequence decode max|diff| %.3g %s\n", diff,
                ok ? "ok" : "FAIL");

    // Latent frames and latent height/width of the timed clip.
    int64_t t = 21, h = 60, w = 104;
    if (!options.device.is_cuda()) {
        t = options.quick ? 2 : 3;
        h = options.quick ? 8 : 16;
        w = options.quick ? 8 : 24;
    }
    const at::Tensor latent = at::randn({16, t, h, w}, on);
    const at::Tensor video = at::rand({3, 4 * (t - 1) + 1, 8 * h, 8 * w}, on) * 2 - 1;
    Options timed = options;
    timed.repeats = std::max(1, std::min(options.repeats, options.device.is_cuda() ? 3 : 2));
    const auto report = [&](const char *what, const std::function<void()> &fn) {
        resetPeakMemory(options.device);
        const double seconds = medianSeconds(timed, fn);
        std::printf("wan-vae %-12s %3ldx%4ldx%4ld frames %8.1f ms  peak %8.1f MiB\n", what,
                    long(4 * (t - 1) + 1), long(8 * h), long(8 * w), seconds * 1000.0,
                    peakMemoryMiB(options.device));
    };
    report("decode", [&] { (void)vae.decode(latent); });
    report("decode-tiled", [&] { (void)vae.decodeTiled(latent); });
    report("encode", [&] { (void)vae.encode(video); });
    return ok;
}

} // namespace mbq::bench
