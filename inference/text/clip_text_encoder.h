#pragma once
// The OpenCLIP text tower as VideoCrafter2's FrozenOpenCLIPEmbedder runs it (layer
// "penultimate"): token plus positional embedding, the pre-norm residual blocks with causal
// multi-head attention (nn.MultiheadAttention with a packed in_proj) and an exact-GELU MLP,
// stopping `skipLayers` blocks before the end, then ln_final. No text_projection and no
// padding mask: all context positions go to the UNet.

#include "inference/result.h"
#include "inference/text/clip_text_config.h"

#include <ATen/ATen.h>

#include <map>
#include <string>

namespace mbq::text {

class ClipTextEncoder
{
public:
    // Names as in open_clip's state dict ("token_embedding.weight",
    // "transformer.resblocks.0.attn.in_proj_weight", ...), all on one device in one dtype.
    ClipTextEncoder(ClipTextConfig config, std::map<std::string, at::Tensor> weights);

    const ClipTextConfig &config() const { return m_config; }

    // ids: [context_length] or [B, context_length] integers in [0, vocab) →
    // [B, context_length, width] in the weights' dtype (B = 1 for 1-D ids).
    Result<at::Tensor> encode(const at::Tensor &ids) const;

private:
    at::Tensor block(const std::string &prefix, const at::Tensor &x, const at::Tensor &mask) const;
    at::Tensor linear(const std::string &name, const at::Tensor &x) const;
    at::Tensor layerNorm(const std::string &name, const at::Tensor &x) const;

    ClipTextConfig m_config;
    std::map<std::string, at::Tensor> m_weights;
};

} // namespace mbq::text
