#pragma once
// Writes a VideoCrafter2 model with random weights in the real formats, for tests and demos:
// model.ckpt (a torch.save zip with the official flat names) or model.safetensors, the config
// that makes the sizes tiny, a tiny CLIP BPE vocabulary and the random-weights marker; for
// T2V-Turbo-v2 also the distilled UNet's own file. The output of such a model is noise.

#include "inference/result.h"
#include "inference/videocrafter/vc2_config.h"

#include <cstdint>
#include <string>

namespace mbq::vc2 {

struct TinyVc2Options
{
    Vc2Config config = tinyVc2Config();
    std::string format = "ckpt"; // or "safetensors"
    uint64_t seed = 0;
    // T2V-Turbo-v2: the UNet file to write beside the checkpoint (unet_mg.pt, ...; .pt is a
    // torch.save zip, .safetensors a conversion); the config must have the guidance
    // projections (tinyTurboConfig). Empty: VideoCrafter2.
    std::string turboUNet;

    // Every structural feature at toy size: three UNet levels (attention on the first two
    // only, so both kinds of block and both resamplers occur), init_attn wider than its input,
    // head width 16, a two-level VAE, a three-block text tower over the tiny vocabulary.
    static Vc2Config tinyVc2Config();
    // The same with T2V-Turbo-v2's guidance projections, 16 wide.
    static Vc2Config tinyTurboConfig();
};

Result<void> writeTinyVc2(const std::string &folder, const TinyVc2Options &options);

} // namespace mbq::vc2
