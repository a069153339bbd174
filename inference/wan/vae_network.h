#pragma once
// The Wan2.1 VAE's encoder and decoder (Encoder3d/Decoder3d of wan/modules/vae.py) over the
// loaded weights. With a FeatureCache they run one chunk of the official chunk protocol; with a
// null cache they run the whole sequence at once, the reference the protocol must reproduce.

#include "inference/wan/vae_causal_conv.h"
#include "inference/wan/vae_config.h"
#include "inference/wan/vae_weights.h"

namespace mbq::wan::vae {

// x [B, 3, T, H, W] -> [B, 2·zDim, T', H/8, W/8] (before the top-level conv1).
at::Tensor runEncoder(const VaeWeights &weights, const WanVaeConfig &config, const at::Tensor &x,
                      FeatureCache *cache);

// z [B, zDim, T, h, w] (after the top-level conv2) -> [B, 3, T', 8h, 8w], unclamped.
at::Tensor runDecoder(const VaeWeights &weights, const WanVaeConfig &config, const at::Tensor &z,
                      FeatureCache *cache);

} // namespace mbq::wan::vae
