#pragma once
// The Wan2.1 VAE's tensors: the full list a config implies (official names, Diffusers names,
// shapes), loading them from either layout with every name and shape checked, and reading the
// architecture off an official checkpoint, which ships without a config.

#include "inference/io/tensor_store.h"
#include "inference/wan/vae_config.h"

#include <ATen/ATen.h>

#include <map>
#include <string>
#include <vector>

namespace mbq::wan {

struct VaeTensorSpec
{
    std::string official;  // e.g. "decoder.upsamples.3.time_conv.weight"
    std::string diffusers; // e.g. "decoder.up_blocks.0.upsamplers.0.time_conv.weight"
    std::vector<int64_t> shape;
};

// Every tensor of the model in module order (the official state dict's order).
std::vector<VaeTensorSpec> vaeTensorSpecs(const WanVaeConfig &config);

enum class VaeLayout { Official, Diffusers };

// Official-name -> tensor, converted to `dtype` on `device`.
using VaeWeights = std::map<std::string, at::Tensor>;

// Loads every tensor of `config` from `store` (opened without a key map). Missing, unexpected or
// mis-shaped tensors are errors that name the key, the expected and the found shape.
Result<VaeWeights> loadVaeWeights(const io::TensorStore &store, const WanVaeConfig &config,
                                  VaeLayout layout, at::ScalarType dtype, at::Device device);

// Reads base_dim, z_dim, dim_mult, num_res_blocks and the temporal flags off the encoder's
// tensor shapes of an official-layout store (latent statistics stay the official ones). The
// result is then checked tensor by tensor by loadVaeWeights.
Result<WanVaeConfig> inferOfficialVaeConfig(const io::TensorStore &store);

} // namespace mbq::wan
