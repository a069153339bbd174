#pragma once
// The Wan2.1 VAE's building blocks as functions over the loaded weights (official names):
// RMS norm, residual block, single-head spatial attention, and the four resamples. Tensors are
// [B, C, T, H, W]; `cache` null means the whole sequence at once (see vae_causal_conv.h).

#include "inference/wan/vae_causal_conv.h"
#include "inference/wan/vae_weights.h"

#include <string>

namespace mbq::wan::vae {

// The official "RMS" norm is an L2 normalisation over channels times sqrt(C) times gamma
// (F.normalize, eps 1e-12), not mean-square plus eps.
at::Tensor rmsNorm(const at::Tensor &x, const at::Tensor &gamma);

at::Tensor residualBlock(const VaeWeights &weights, const std::string &prefix,
                         const at::Tensor &x, FeatureCache *cache);

// Per-frame self-attention over the H·W positions, one head of width C.
at::Tensor attentionBlock(const VaeWeights &weights, const std::string &prefix,
                          const at::Tensor &x);

// Zero-pads right and bottom, 3x3 conv with stride 2; when `temporal`, then halves time with a
// stride-2 time conv. The first frame (the first chunk) passes through that time conv untouched.
at::Tensor downsample(const VaeWeights &weights, const std::string &prefix, const at::Tensor &x,
                      bool temporal, FeatureCache *cache);

// When `temporal`, first doubles time (a causal time conv to 2C channels, read as two frames);
// then nearest x2 in space and a 3x3 conv to C/2 channels. The first frame is not doubled.
at::Tensor upsample(const VaeWeights &weights, const std::string &prefix, const at::Tensor &x,
                    bool temporal, FeatureCache *cache);

// weights.at(name) with the name in the message of the exception a missing key raises; load
// checked every name, so this only fires on a bug.
const at::Tensor &param(const VaeWeights &weights, const std::string &name);

} // namespace mbq::wan::vae
