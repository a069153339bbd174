#include "inference/wan/vae_network.h"

#include "inference/wan/vae_blocks.h"

namespace mbq::wan::vae {

namespace {

std::string indexed(const char *prefix, size_t index)
{
    return std::string(prefix) + "." + std::to_string(index);
}

at::Tensor middle(const VaeWeights &weights, const std::string &prefix, at::Tensor x,
                  FeatureCache *cache)
{
    x = residualBlock(weights, prefix + ".middle.0", x, cache);
    x = attentionBlock(weights, prefix + ".middle.1", x);
    return residualBlock(weights, prefix + ".middle.2", x, cache);
}

at::Tensor head(const VaeWeights &weights, const std::string &prefix, const at::Tensor &x,
                FeatureCache *cache)
{
    const at::Tensor h = at::silu(rmsNorm(x, param(weights, prefix + ".head.0.gamma")));
    return cachedCausalConv3d(h, param(weights, prefix + ".head.2.weight"),
                              param(weights, prefix + ".head.2.bias"), cache);
}

} // namespace

at::Tensor runEncoder(const VaeWeights &weights, const WanVaeConfig &config, const at::Tensor &x,
                      FeatureCache *cache)
{
    at::Tensor h = cachedCausalConv3d(x, param(weights, "encoder.conv1.weight"),
                                      param(weights, "encoder.conv1.bias"), cache);
    const size_t stages = config.dimMult.size();
    size_t index = 0;
    for (size_t stage = 0; stage < stages; ++stage) {
        for (int block = 0; block < config.numResBlocks; ++block)
            h = residualBlock(weights, indexed("encoder.downsamples", index++), h, cache);
        if (stage + 1 < stages)
            h = downsample(weights, indexed("encoder.downsamples", index++), h,
                           config.temporalDownsample[stage], cache);
    }
    h = middle(weights, "encoder", h, cache);
    return head(weights, "encoder", h, cache);
}

at::Tensor runDecoder(const VaeWeights &weights, const WanVaeConfig &config, const at::Tensor &z,
                      FeatureCache *cache)
{
    at::Tensor h = cachedCausalConv3d(z, param(weights, "decoder.conv1.weight"),
                                      param(weights, "decoder.conv1.bias"), cache);
    h = middle(weights, "decoder", h, cache);
    const size_t stages = config.dimMult.size();
    const size_t flags = config.temporalDownsample.size();
    size_t index = 0;
    for (size_t stage = 0; stage < stages; ++stage) {
        for (int block = 0; block <= config.numResBlocks; ++block)
            h = residualBlock(weights, indexed("decoder.upsamples", index++), h, cache);
        if (stage + 1 < stages)
            h = upsample(weights, indexed("decoder.upsamples", index++), h,
                         config.temporalDownsample[flags - 1 - stage], cache);
    }
    return head(weights, "decoder", h, cache);
}

} // namespace mbq::wan::vae
