#pragma once
// Hyper-parameters of the Wan2.1 causal 3D VAE. The defaults are the official ones
// (wan/modules/vae.py `_video_vae`); tiny test variants change the widths and depths. The
// Diffusers layout ships them as vae/config.json; the official layout has no config, so its
// architecture is read off the checkpoint's own tensor shapes (see vae_weights.h).

#include "inference/result.h"

#include <string>
#include <vector>

namespace mbq::wan {

struct WanVaeConfig
{
    int zDim = 16;                   // latent channels (the encoder emits 2·zDim: mean, logvar)
    int baseDim = 96;                // encoder width at full resolution
    int decoderBaseDim = 96;         // decoder width (equal to baseDim for Wan2.1)
    std::vector<int> dimMult{1, 2, 4, 4};
    int numResBlocks = 2;            // per encoder stage; the decoder has one more per stage
    // One flag per spatial downsample (dimMult.size() - 1 of them): true also halves time.
    // The decoder uses the reversed list for its upsamples.
    std::vector<bool> temporalDownsample{false, true, true};
    // Per-channel latent statistics: encode returns (mu - mean) / std.
    std::vector<float> latentsMean{-0.7571f, -0.7089f, -0.9113f, 0.1075f, -0.1745f, 0.9653f,
                                   -0.1517f, 1.5508f,  0.4134f,  -0.0715f, 0.5517f, -0.3632f,
                                   -0.1922f, -0.9497f, 0.2503f,  -0.2921f};
    std::vector<float> latentsStd{2.8184f, 1.4541f, 2.3275f, 2.6558f, 1.2196f, 1.7708f,
                                  2.6052f, 2.0743f, 3.2687f, 2.1526f, 2.8652f, 1.5579f,
                                  1.6382f, 1.1253f, 2.8251f, 1.9160f};

    // Frames per latent frame after the first, and pixels per latent pixel.
    int temporalFactor() const;
    int spatialFactor() const;

    // InvalidArgument naming the first inconsistent field.
    Result<void> validate() const;
};

// Parses a Diffusers AutoencoderKLWan config.json text (missing fields keep the defaults).
// Wan2.2-style options (is_residual, attention scales, other channel counts) are Unsupported.
Result<WanVaeConfig> parseVaeConfigJson(const std::string &text, const std::string &origin);
Result<WanVaeConfig> readVaeConfigFile(const std::string &path);
// The config as Diffusers' config.json spells it (used by the tiny-model writer).
std::string vaeConfigToJson(const WanVaeConfig &config);

} // namespace mbq::wan
