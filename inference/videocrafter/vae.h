#pragma once
// The SD "kl-f8" AutoencoderKL VideoCrafter2 uses (lvdm/models/autoencoder.py with
// lvdm/modules/networks/ae_modules.py Encoder/Decoder): an image VAE applied to every frame
// on its own, with the latent scale 0.18215. Frames go through in batches of at most
// `framesPerBatch` (the official code decodes one frame at a time; batching frames gives the
// same numbers, and the bound keeps memory flat for long clips).

#include "inference/result.h"
#include "inference/videocrafter/precision.h"
#include "inference/videocrafter/vc2_checkpoint.h"

#include <ATen/ATen.h>

#include <memory>

namespace mbq::vc2 {

class Vc2Vae
{
public:
    Vc2Vae(Vc2VaeConfig config, Vc2Weights weights, Vc2Precision precision);

    static Result<std::unique_ptr<Vc2Vae>> load(const Vc2Checkpoint &checkpoint,
                                                const Vc2VaeConfig &config,
                                                const Vc2Precision &precision);

    const Vc2VaeConfig &config() const { return m_config; }

    // video [B, 3, T, H, W] in [−1, 1], H and W multiples of the down factor (8) →
    // scale_factor · posterior mean [B, z, T, H/8, W/8] (the mean, not a sample, so that
    // encoding is deterministic for inversion and Q extraction).
    Result<at::Tensor> encode(const at::Tensor &video, int64_t framesPerBatch = 1) const;
    // latent [B, z, T, h, w] (scaled) → video [B, 3, T, 8h, 8w], not clamped.
    Result<at::Tensor> decode(const at::Tensor &latent, int64_t framesPerBatch = 1) const;

private:
    at::Tensor encodeFrames(const at::Tensor &frames) const;
    at::Tensor decodeFrames(const at::Tensor &latents) const;
    Result<at::Tensor> perFrame(const at::Tensor &video, int64_t framesPerBatch,
                                bool encoding) const;

    at::Tensor conv(const std::string &name, const at::Tensor &x, int64_t stride = 1,
                    int64_t padding = 1) const;
    at::Tensor norm(const std::string &name, const at::Tensor &x) const;
    at::Tensor resnet(const std::string &prefix, const at::Tensor &x) const;
    at::Tensor midBlock(const std::string &prefix, at::Tensor x) const;

    Vc2VaeConfig m_config;
    Vc2Weights m_weights;
    Vc2Precision m_precision;
};

} // namespace mbq::vc2
