#include "inference/wan/vae_weights.h"

#include "inference/io/shape_text.h"

#include <set>

namespace mbq::wan {

namespace {

using io::shapeText;

// Collects specs under an official and a Diffusers prefix at once.
class SpecList
{
public:
    void add(const std::string &official, const std::string &diffusers,
             std::vector<int64_t> shape)
    {
        m_specs.push_back({official, diffusers, std::move(shape)});
    }

    void conv3d(const std::string &official, const std::string &diffusers, int64_t out,
                int64_t in, std::vector<int64_t> kernel)
    {
        std::vector<int64_t> shape{out, in};
        shape.insert(shape.end(), kernel.begin(), kernel.end());
        add(official + ".weight", diffusers + ".weight", shape);
        add(official + ".bias", diffusers + ".bias", {out});
    }

    void residual(const std::string &official, const std::string &diffusers, int64_t in,
                  int64_t out)
    {
        add(official + ".residual.0.gamma", diffusers + ".norm1.gamma", {in, 1, 1, 1});
        conv3d(official + ".residual.2", diffusers + ".conv1", out, in, {3, 3, 3});
        add(official + ".residual.3.gamma", diffusers + ".norm2.gamma", {out, 1, 1, 1});
        conv3d(official + ".residual.6", diffusers + ".conv2", out, out, {3, 3, 3});
        if (in != out)
            conv3d(official + ".shortcut", diffusers + ".conv_shortcut", out, in, {1, 1, 1});
    }

    void attention(const std::string &official, const std::string &diffusers, int64_t dim)
    {
        add(official + ".norm.gamma", diffusers + ".norm.gamma", {dim, 1, 1});
        conv3d(official + ".to_qkv", diffusers + ".to_qkv", 3 * dim, dim, {1, 1});
        conv3d(official + ".proj", diffusers + ".proj", dim, dim, {1, 1});
    }

    void middle(const std::string &official, const std::string &diffusers, int64_t dim)
    {
        residual(official + ".middle.0", diffusers + ".mid_block.resnets.0", dim, dim);
        attention(official + ".middle.1", diffusers + ".mid_block.attentions.0", dim);
        residual(official + ".middle.2", diffusers + ".mid_block.resnets.1", dim, dim);
    }

    std::vector<VaeTensorSpec> take() { return std::move(m_specs); }

private:
    std::vector<VaeTensorSpec> m_specs;
};

std::string indexed(const std::string &prefix, size_t index)
{
    return prefix + "." + std::to_string(index);
}

} // namespace

std::vector<VaeTensorSpec> vaeTensorSpecs(const WanVaeConfig &config)
{
    SpecList specs;
    const size_t stages = config.dimMult.size();
    const int64_t z = config.zDim;

    std::vector<int64_t> dims{config.baseDim};
    for (int mult : config.dimMult)
        dims.push_back(int64_t(config.baseDim) * mult);
    specs.conv3d("encoder.conv1", "encoder.conv_in", dims[0], 3, {3, 3, 3});
    size_t index = 0;
    for (size_t stage = 0; stage < stages; ++stage) {
        int64_t in = dims[stage];
        const int64_t out = dims[stage + 1];
        for (int block = 0; block < config.numResBlocks; ++block, ++index) {
            specs.residual(indexed("encoder.downsamples", index),
                           indexed("encoder.down_blocks", index), in, out);
            in = out;
        }
        if (stage + 1 == stages)
            continue;
        const std::string official = indexed("encoder.downsamples", index) + ".";
        const std::string diffusers = indexed("encoder.down_blocks", index) + ".";
        specs.conv3d(official + "resample.1", diffusers + "resample.1", out, out, {3, 3});
        if (config.temporalDownsample[stage])
            specs.conv3d(official + "time_conv", diffusers + "time_conv", out, out, {3, 1, 1});
        ++index;
    }
    specs.middle("encoder", "encoder", dims.back());
    specs.add("encoder.head.0.gamma", "encoder.norm_out.gamma", {dims.back(), 1, 1, 1});
    specs.conv3d("encoder.head.2", "encoder.conv_out", 2 * z, dims.back(), {3, 3, 3});
    specs.conv3d("conv1", "quant_conv", 2 * z, 2 * z, {1, 1, 1});
    specs.conv3d("conv2", "post_quant_conv", z, z, {1, 1, 1});

    std::vector<int64_t> up{int64_t(config.decoderBaseDim) * config.dimMult.back()};
    for (size_t i = stages; i-- > 0;)
        up.push_back(int64_t(config.decoderBaseDim) * config.dimMult[i]);
    specs.conv3d("decoder.conv1", "decoder.conv_in", up[0], z, {3, 3, 3});
    specs.middle("decoder", "decoder", up[0]);
    index = 0;
    for (size_t stage = 0; stage < stages; ++stage) {
        // Every upsample before this stage halved the channels.
        int64_t in = stage > 0 ? up[stage] / 2 : up[stage];
        const int64_t out = up[stage + 1];
        const std::string block = indexed("decoder.up_blocks", stage);
        for (int r = 0; r <= config.numResBlocks; ++r, ++index) {
            specs.residual(indexed("decoder.upsamples", index), indexed(block + ".resnets", r),
                           in, out);
            in = out;
        }
        if (stage + 1 == stages)
            continue;
        const std::string official = indexed("decoder.upsamples", index) + ".";
        const std::string diffusers = block + ".upsamplers.0.";
        specs.conv3d(official + "resample.1", diffusers + "resample.1", out / 2, out, {3, 3});
        if (config.temporalDownsample[config.temporalDownsample.size() - 1 - stage])
            specs.conv3d(official + "time_conv", diffusers + "time_conv", 2 * out, out,
                         {3, 1, 1});
        ++index;
    }
    specs.add("decoder.head.0.gamma", "decoder.norm_out.gamma", {up.back(), 1, 1, 1});
    specs.conv3d("decoder.head.2", "decoder.conv_out", 3, up.back(), {3, 3, 3});
    return specs.take();
}

Result<VaeWeights> loadVaeWeights(const io::TensorStore &store, const WanVaeConfig &config,
                                  VaeLayout layout, at::ScalarType dtype, at::Device device)
{
    if (auto valid = config.validate(); !valid)
        return valid.error();
    const char *layoutName = layout == VaeLayout::Official ? "official" : "Diffusers";
    const std::vector<VaeTensorSpec> specs = vaeTensorSpecs(config);
    std::set<std::string> expected;
    for (const VaeTensorSpec &spec : specs)
        expected.insert(layout == VaeLayout::Official ? spec.official : spec.diffusers);
    for (const auto &[name, record] : store.tensors()) {
        if (!expected.count(name))
            return makeError(ErrorCode::BadFormat,
                             store.path() + ": unexpected tensor '" + name + "' for a Wan2.1 VAE ("
                                 + layoutName + " names)",
                             "the checkpoint does not match the VAE configuration");
    }

    VaeWeights weights;
    for (const VaeTensorSpec &spec : specs) {
        const std::string &name = layout == VaeLayout::Official ? spec.official : spec.diffusers;
        auto record = store.record(name);
        if (!record)
            return makeError(ErrorCode::NotFound,
                             store.path() + ": missing VAE tensor '" + name + "' (expected shape "
                                 + shapeText(spec.shape) + ")");
        if ((*record)->shape != spec.shape)
            return makeError(ErrorCode::BadFormat, store.path() + ": VAE tensor '" + name
                                                       + "' has shape "
                                                       + shapeText((*record)->shape)
                                                       + ", expected " + shapeText(spec.shape));
        auto tensor = store.load(name, dtype, device);
        if (!tensor)
            return tensor.error();
        weights.emplace(spec.official, std::move(*tensor));
    }
    return weights;
}

Result<WanVaeConfig> inferOfficialVaeConfig(const io::TensorStore &store)
{
    const auto shapeOf = [&](const std::string &name) -> Result<std::vector<int64_t>> {
        auto record = store.record(name);
        if (!record)
            return makeError(ErrorCode::NotFound,
                             store.path() + ": missing VAE tensor '" + name
                                 + "' (is this a Wan2.1 VAE with official names?)");
        return (*record)->shape;
    };
    WanVaeConfig config;
    auto inConv = shapeOf("encoder.conv1.weight");
    auto post = shapeOf("conv2.weight");
    auto head = shapeOf("decoder.head.2.weight");
    for (auto *shape : {&inConv, &post, &head}) {
        if (!*shape)
            return shape->error();
        if ((*shape)->size() != 5)
            return makeError(ErrorCode::BadFormat,
                             store.path() + ": VAE convolution weights must be 5-D, found "
                                 + shapeText(**shape));
    }
    config.baseDim = int((*inConv)[0]);
    config.zDim = int((*post)[0]);

    // Walk the encoder's flat module list: residual blocks widen, resamples end a stage.
    std::vector<int> widths;
    std::vector<bool> temporal;
    int blocksInStage = 0;
    config.numResBlocks = 0;
    for (size_t i = 0;; ++i) {
        const std::string prefix = indexed("encoder.downsamples", i);
        if (store.contains(prefix + ".resample.1.weight")) {
            temporal.push_back(store.contains(prefix + ".time_conv.weight"));
            if (config.numResBlocks == 0)
                config.numResBlocks = blocksInStage;
            blocksInStage = 0;
            continue;
        }
        if (!store.contains(prefix + ".residual.2.weight"))
            break;
        auto conv = shapeOf(prefix + ".residual.2.weight");
        if (!conv)
            return conv.error();
        if (blocksInStage == 0)
            widths.push_back(int((*conv)[0]));
        ++blocksInStage;
    }
    if (config.numResBlocks == 0)
        config.numResBlocks = blocksInStage;
    if (widths.size() != temporal.size() + 1 || config.baseDim <= 0)
        return makeError(ErrorCode::BadFormat,
                         store.path() + ": cannot read the VAE encoder's stages from its tensor "
                                        "names (encoder.downsamples.N)");
    config.dimMult.clear();
    for (int width : widths) {
        if (width % config.baseDim != 0)
            return makeError(ErrorCode::BadFormat,
                             store.path() + ": VAE encoder width " + std::to_string(width)
                                 + " is not a multiple of the base width "
                                 + std::to_string(config.baseDim));
        config.dimMult.push_back(width / config.baseDim);
    }
    config.temporalDownsample = temporal;
    const int64_t headIn = (*head)[1];
    if (headIn % config.dimMult.front() != 0)
        return makeError(ErrorCode::BadFormat,
                         store.path() + ": decoder.head.2.weight has an unexpected shape "
                             + shapeText(*head));
    config.decoderBaseDim = int(headIn / config.dimMult.front());
    if (config.zDim != int(config.latentsMean.size()))
        return makeError(ErrorCode::Unsupported,
                         store.path() + ": the official layout has latent statistics for 16 "
                                        "channels only; this VAE has z_dim "
                             + std::to_string(config.zDim));
    if (auto valid = config.validate(); !valid)
        return makeError(ErrorCode::BadFormat, store.path() + ": " + valid.error().message);
    return config;
}

} // namespace mbq::wan
