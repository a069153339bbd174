#pragma once
// The pieces a text-to-video pipeline needs besides its diffusion model, as small interfaces,
// so pipelines and tests do not depend on one text encoder or VAE implementation. The Wan
// adapters for the umT5 encoder and the Wan VAE implement these.

#include "inference/result.h"

#include <ATen/ATen.h>

#include <string>

namespace mbq::pipelines {

class TextEncoder
{
public:
    virtual ~TextEncoder() = default;
    // The encoder's rows for the prompt's real tokens (end-of-text included, padding left
    // out): [tokens, width] float32, on any device. Over-long prompts are truncated by the
    // encoder, which says so through `warning`.
    virtual Result<at::Tensor> encode(const std::string &prompt, std::string *warning) = 0;
    // Frees the weights; encode() must not be called afterwards. Pipelines release the encoder
    // once both prompts are encoded so the diffusion model has the memory.
    virtual void release() = 0;
};

class VideoVae
{
public:
    virtual ~VideoVae() = default;
    virtual int64_t latentChannels() const = 0; // 16 for Wan
    virtual int64_t temporalStride() const = 0; // 4: frames = 4·(latent frames − 1) + 1
    virtual int64_t spatialStride() const = 0;  // 8
    // latent [channels, F, H, W] (normalised, as the DiT sees it) -> video [3, T, H·s, W·s]
    // float32 in [-1, 1].
    virtual Result<at::Tensor> decode(const at::Tensor &latent) = 0;
    // video [3, T, H, W] float32 in [-1, 1] -> the normalised latent decode() takes. Only motion
    // transfer needs it (to encode the source clip), so VAEs used for plain text-to-video may
    // keep this default.
    virtual Result<at::Tensor> encode(const at::Tensor &video)
    {
        (void)video;
        return makeError(ErrorCode::Unsupported, "this VAE cannot encode video");
    }
};

} // namespace mbq::pipelines
