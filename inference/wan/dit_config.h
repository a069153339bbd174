#pragma once
// Wan2.1 DiT hyper-parameters, read from the official `config.json` (WanModel) or the Diffusers
// `transformer/config.json` (WanTransformer3DModel). Keys a file leaves out take the
// T2V-1.3B values, which are the defaults here. Torch-free.

#include "inference/result.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace mbq::wan {

struct WanDitConfig
{
    int64_t patchT = 1;
    int64_t patchH = 2;
    int64_t patchW = 2;
    int64_t textLen = 512; // context rows after zero-padding the text encoder's output
    int64_t inDim = 16;
    int64_t outDim = 16;
    int64_t dim = 1536;
    int64_t ffnDim = 8960;
    int64_t freqDim = 256; // sinusoidal time features
    int64_t textDim = 4096;
    int64_t numHeads = 12;
    int64_t numLayers = 30;
    bool qkNorm = true;        // RMSNorm over all `dim` channels of q and k
    bool crossAttnNorm = true; // affine LayerNorm (norm3) before cross-attention
    double eps = 1e-6;
    int64_t ropeMaxLen = 1024; // positions per axis in the RoPE tables

    int64_t headDim() const { return numHeads > 0 ? dim / numHeads : 0; }
    int64_t patchVolume() const { return patchT * patchH * patchW; }
    bool operator==(const WanDitConfig &o) const;
};

// Checks the values make a buildable t2v model (positive sizes, dim divisible by heads, even
// head_dim of at least 6 channels...). InvalidArgument naming the offending key.
Result<void> validateWanDitConfig(const WanDitConfig &config, const std::string &origin);

// Parses either config flavour (recognised by its keys: "dim"/"num_heads" are official,
// "num_attention_heads"/"attention_head_dim" Diffusers). Rejects model types other than t2v,
// windowed attention and unknown qk_norm kinds as Unsupported. `origin` names the file in
// errors.
Result<WanDitConfig> parseWanDitConfig(const std::string &jsonText, const std::string &origin);
Result<WanDitConfig> readWanDitConfig(const std::string &path);

// The JSON each layout ships, for the tiny-model writer.
std::string officialConfigJson(const WanDitConfig &config);
std::string diffusersConfigJson(const WanDitConfig &config);

// Every tensor of a t2v DiT under its official name, with its shape, in network order.
std::vector<std::pair<std::string, std::vector<int64_t>>> wanDitTensorShapes(
    const WanDitConfig &config);

} // namespace mbq::wan
