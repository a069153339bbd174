#pragma once
// Finds a Wan2.1 DiT in a model folder (official or Diffusers layout, one file, a sharded
// index or bare shards) and loads its tensors under their official names, each checked
// against the shape the config implies.

#include "inference/result.h"
#include "inference/wan/dit_config.h"

#include <ATen/ATen.h>

#include <map>
#include <string>
#include <vector>

namespace mbq::wan {

struct WanDitLocation
{
    std::string folder;
    std::string layout;                   // "official" or "diffusers"
    std::string configPath;               // empty: official folder without config (defaults)
    std::vector<std::string> weightFiles; // one file, an index .json, or every shard
    bool randomWeights = false;           // an mbq tiny model: its output is noise
};

// The file names mbq's tiny-model writer marks random-weight folders with.
constexpr const char *kRandomWeightsMarker = "RANDOM_WEIGHTS.txt";

// Official: FOLDER/config.json + FOLDER/diffusion_pytorch_model*.safetensors[.index.json];
// Diffusers: the same under FOLDER/transformer/. NotFound naming what was looked for.
Result<WanDitLocation> locateWanDit(const std::string &folder);

// Where each part of the model lives and in which dtype. CPU: float32 throughout (or float64
// for checks). CUDA: bfloat16 linear layers with a float32 residual stream, norms, modulation,
// time MLP and head, as the official autocast run.
struct WanDitPrecision
{
    at::Device device = at::kCPU;
    at::ScalarType linear = at::kFloat; // projections, FFN, patch and text embeddings
    at::ScalarType stream = at::kFloat; // residual stream and everything kept in full precision

    static WanDitPrecision cpuFloat32() { return {}; }
    static WanDitPrecision cpuFloat64() { return {at::kCPU, at::kDouble, at::kDouble}; }
    static WanDitPrecision cudaBFloat16() { return {at::kCUDA, at::kBFloat16, at::kFloat}; }
};

struct WanDitWeights
{
    std::map<std::string, at::Tensor> tensors; // official names
    std::vector<std::string> notes;            // e.g. ignored extra tensors
    int64_t parameterCount = 0;

    // The tensor; the loader guarantees every name of wanDitTensorShapes() is present.
    const at::Tensor &operator[](const std::string &name) const { return tensors.at(name); }
};

// True for tensors stored in WanDitPrecision::linear (the rest use ::stream).
bool isLinearWeight(const std::string &officialName);

// Loads and cross-checks every tensor: a missing tensor is NotFound, a mis-shaped one
// BadFormat; both name the key as stored (and its official name when they differ), the
// expected and the found shape. Extra tensors are ignored and listed in notes.
Result<WanDitWeights> loadWanDitWeights(const WanDitLocation &location,
                                        const WanDitConfig &config,
                                        const WanDitPrecision &precision);

} // namespace mbq::wan
