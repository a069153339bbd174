#pragma once
// Writes a Wan2.1 DiT with random weights in the real file formats (official or Diffusers
// layout, optionally sharded with an index), for tests and demos. Everything it writes says it
// holds random weights: the safetensors metadata, the config and a marker file. The output of
// such a model is noise.

#include "inference/result.h"
#include "inference/wan/dit_config.h"

#include <cstdint>
#include <string>

namespace mbq::wan {

struct TinyDitOptions
{
    WanDitConfig config = tinyDitConfig();
    std::string layout = "official"; // or "diffusers"
    uint64_t seed = 0;
    int shards = 1; // > 1: diffusion_pytorch_model-0000i-of-0000n.safetensors plus the index

    // Small enough for sub-second CPU forwards, with every structural feature of the real
    // model (head_dim 16 gives a 4/2/2 RoPE split, three blocks, a non-square patch grid).
    static WanDitConfig tinyDitConfig();
};

// Creates `folder` (and transformer/ for Diffusers) and writes config and weights there, plus
// the random-weights marker in `folder`.
Result<void> writeTinyDit(const std::string &folder, const TinyDitOptions &options);

} // namespace mbq::wan
