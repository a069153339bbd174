#pragma once
// The umT5 encoder's tensors under Wan's names (wan/modules/t5.py, the official
// models_t5_umt5-xxl-enc-bf16.pth) and HF's (UMT5EncoderModel, the Diffusers text_encoder/),
// loading with every name and shape checked, and reading the architecture off an official
// checkpoint, which ships without a config.

#include "inference/io/tensor_store.h"
#include "inference/text/umt5_config.h"

#include <ATen/ATen.h>

#include <map>
#include <string>
#include <vector>

namespace mbq::text {

struct UmT5TensorSpec
{
    std::string official; // e.g. "blocks.3.ffn.gate.0.weight"
    std::string hf;       // e.g. "encoder.block.3.layer.1.DenseReluDense.wi_0.weight"
    std::vector<int64_t> shape;
};

std::vector<UmT5TensorSpec> umT5TensorSpecs(const UmT5Config &config);

enum class UmT5Layout { Official, HuggingFace };

// Official name -> tensor.
using UmT5Weights = std::map<std::string, at::Tensor>;

// Every tensor of `config`; HF files may name the embedding "shared.weight" or
// "encoder.embed_tokens.weight" (or both, tied). Errors name the key and both shapes.
Result<UmT5Weights> loadUmT5Weights(const io::TensorStore &store, const UmT5Config &config,
                                    UmT5Layout layout, at::ScalarType dtype, at::Device device);

// Vocabulary, widths, heads, layers and buckets from an official store's shapes.
Result<UmT5Config> inferOfficialUmT5Config(const io::TensorStore &store);

} // namespace mbq::text
