#pragma once
// Facade for `mbq make-tiny-model`: writes the VAE, the umT5 text encoder and the tokenizer of a
// random-weight Wan2.1 model into a model folder, in the official or the Diffusers layout. No
// torch types, so the CLI can include it. Pair with the tiny DiT writer; the output is noise.

#include "inference/result.h"

#include <cstdint>
#include <string>

namespace mbq {

struct TinyWanPartsOptions
{
    std::string layout = "official"; // or "diffusers"
    uint64_t seed = 0;
    int64_t textDim = 24; // umT5 width; must equal the DiT's text_dim
};

// Official: Wan2.1_VAE.pth, models_t5_umt5-xxl-enc-bf16.pth, google/umt5-xxl/spiece.model.
// Diffusers: vae/, text_encoder/, tokenizer/spiece.model. Creates folders as needed.
Result<void> writeTinyWanParts(const std::string &folder, const TinyWanPartsOptions &options);

} // namespace mbq
