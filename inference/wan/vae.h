#pragma once
// WanVae: the Wan2.1 causal 3D VAE. Loads the official Wan2.1_VAE.pth (or a safetensors file
// with the same names) and the Diffusers vae/ folder; encodes and decodes with the official
// frame-chunk protocol (encode: 1 frame, then chunks of 4; decode: one latent frame at a time,
// each causal conv carrying its last two input frames to the next chunk), so memory does not
// grow with the clip length; and decodes in spatial tiles to bound memory further.

#include "inference/result.h"
#include "inference/wan/vae_config.h"
#include "inference/wan/vae_tiling.h"
#include "inference/wan/vae_weights.h"

#include <ATen/ATen.h>

#include <string>

namespace mbq::wan {

struct WanVaeOptions
{
    // Official run: float32 (bfloat16 works but is not what the reference does).
    at::ScalarType dtype = at::kFloat;
    at::Device device = at::kCPU;
};

enum class VaeEvaluation {
    Chunked,      // the official chunk protocol with the feature cache (use this)
    WholeSequence // every frame at once with full-sequence causal convs: the reference the
                  // chunked run must equal; memory grows with the frame count
};

class WanVae
{
public:
    // The official checkpoint; the architecture is read off its tensor shapes.
    static Result<WanVae> loadOfficial(const std::string &checkpoint,
                                       const WanVaeOptions &options = {});
    // A Diffusers vae/ folder: config.json plus diffusion_pytorch_model.safetensors (or its
    // sharded .index.json).
    static Result<WanVae> loadDiffusers(const std::string &folder,
                                        const WanVaeOptions &options = {});
    // A Wan2.1 model folder in either layout: <folder>/Wan2.1_VAE.pth or <folder>/vae/.
    static Result<WanVae> loadModelFolder(const std::string &folder,
                                          const WanVaeOptions &options = {});
    // Weights already loaded (official names; checked against config's specs).
    static Result<WanVae> fromWeights(const WanVaeConfig &config, VaeWeights weights);

    const WanVaeConfig &config() const { return m_config; }
    at::ScalarType dtype() const { return m_dtype; }
    at::Device device() const { return m_device; }

    // video [3, F, H, W] in [-1, 1] with F = 4k+1 and H, W multiples of 8 -> the normalised
    // latent [zDim, k+1, H/8, W/8] ((mu - mean) / std, no sampling, as the official encode).
    // Computed in the VAE's dtype on its device; the result stays there.
    Result<at::Tensor> encode(const at::Tensor &video,
                              VaeEvaluation evaluation = VaeEvaluation::Chunked) const;
    // latent [zDim, T, h, w] -> video [3, 4(T-1)+1, 8h, 8w] clamped to [-1, 1].
    Result<at::Tensor> decode(const at::Tensor &latent,
                              VaeEvaluation evaluation = VaeEvaluation::Chunked) const;
    // decode() tile by tile (see vae_tiling.h); equals decode() when one tile covers the latent.
    Result<at::Tensor> decodeTiled(const at::Tensor &latent, const VaeTiling &tiling = {}) const;

private:
    at::Tensor decodeUnchecked(const at::Tensor &latent, VaeEvaluation evaluation) const;
    Result<at::Tensor> checkLatent(const at::Tensor &latent) const;

    WanVaeConfig m_config;
    VaeWeights m_weights;
    at::Tensor m_mean;    // [1, zDim, 1, 1, 1]
    at::Tensor m_invStd;  // 1 / std, as the official code keeps it
    at::ScalarType m_dtype = at::kFloat;
    at::Device m_device = at::kCPU;
};

} // namespace mbq::wan
