#pragma once
// Writes a VideoCrafter2 model with random weights in the real formats, for tests and demos:
// model.ckpt (a torch.save zip with the official flat names) or model.safetensors, the config
// that makes the sizes tiny, a tiny CLIP BPE vocabulary and the random-weights marker. The
// output of such a model is noise.

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

    // Every structural feature at toy size: three UNet levels (attention on the first two
    // only, so both kinds of block and both resamplers occur), init_attn wider than its input,
    // head width 16, a two-level VAE, a three-block text tower over the tiny vocabulary.
    static Vc2Config tinyVc2Config();
};

Result<void> writeTinyVc2(const std::string &folder, const TinyVc2Options &options);

} // namespace mbq::vc2
