#pragma once
// Random-weight Wan2.1 VAEs in the real file formats, for tests and `mbq make-tiny-model`:
// the official layout as a torch zip .pth (Wan2.1_VAE.pth) and the Diffusers vae/ folder. The
// output of such a model is noise; the files say so in their metadata.

#include "inference/result.h"
#include "inference/wan/vae_config.h"
#include "inference/wan/vae_weights.h"

#include <cstdint>
#include <string>

namespace mbq::wan {

// z_dim 16 (what the DiT expects), widths 4..8, one residual block per stage, and the official
// temporal flags: every structural feature of the real VAE at a size that decodes in
// milliseconds.
WanVaeConfig tinyVaeConfig();

// Weights of a plausible scale, drawn in module order from one generator seeded by `seed`.
VaeWeights randomVaeWeights(const WanVaeConfig &config, uint64_t seed,
                            at::ScalarType dtype = at::kFloat);

// `path` ending in .safetensors writes safetensors, anything else a torch zip file; official
// names, float32.
Result<void> writeVaeOfficial(const std::string &path, const WanVaeConfig &config,
                              const VaeWeights &weights);
// Creates `folder` with config.json and diffusion_pytorch_model.safetensors (Diffusers names).
Result<void> writeVaeDiffusers(const std::string &folder, const WanVaeConfig &config,
                               const VaeWeights &weights);

} // namespace mbq::wan
