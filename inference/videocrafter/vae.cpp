#include "inference/videocrafter/vae.h"

#include "inference/io/shape_text.h"
#include "inference/videocrafter/attention_ops.h"

#include <new>

namespace mbq::vc2 {

namespace {

using io::shapeText;

} // namespace

Vc2Vae::Vc2Vae(Vc2VaeConfig config, Vc2Weights weights, Vc2Precision precision)
    : m_config(std::move(config))
    , m_weights(std::move(weights))
    , m_precision(precision)
{ }

Result<std::unique_ptr<Vc2Vae>> Vc2Vae::load(const Vc2Checkpoint &checkpoint,
                                             const Vc2VaeConfig &config,
                                             const Vc2Precision &precision)
{
    auto weights = checkpoint.loadPart(kVaePrefix, vaeTensorShapes(config), precision.dtype,
                                       precision.device);
    if (!weights)
        return weights.error();
    return std::make_unique<Vc2Vae>(config, std::move(*weights), precision);
}

Result<at::Tensor> Vc2Vae::encode(const at::Tensor &video, int64_t framesPerBatch) const
{
    const int64_t factor = m_config.downFactor();
    if (!video.defined() || video.dim() != 5 || video.size(1) != m_config.inChannels
        || video.size(3) % factor || video.size(4) % factor || video.size(3) < factor
        || video.size(4) < factor || !at::isFloatingType(video.scalar_type()))
        return makeError(ErrorCode::InvalidArgument,
                         "VAE encode: video must be floating [batch, "
                             + std::to_string(m_config.inChannels)
                             + ", frames, height, width] with height and width multiples of "
                             + std::to_string(factor) + ", got "
                             + (video.defined() ? shapeText(video.sizes()) : "nothing"));
    return perFrame(video, framesPerBatch, true);
}

Result<at::Tensor> Vc2Vae::decode(const at::Tensor &latent, int64_t framesPerBatch) const
{
    if (!latent.defined() || latent.dim() != 5 || latent.size(1) != m_config.zChannels
        || latent.size(3) < 1 || latent.size(4) < 1 || !at::isFloatingType(latent.scalar_type()))
        return makeError(ErrorCode::InvalidArgument,
                         "VAE decode: latent must be floating [batch, "
                             + std::to_string(m_config.zChannels) + ", frames, height, width], got "
                             + (latent.defined() ? shapeText(latent.sizes()) : "nothing"));
    return perFrame(latent, framesPerBatch, false);
}

Result<at::Tensor> Vc2Vae::perFrame(const at::Tensor &video, int64_t framesPerBatch,
                                    bool encoding) const
{
    try {
        at::NoGradGuard noGrad;
        const int64_t b = video.size(0), t = video.size(2);
        const at::Tensor frames
            = video.permute({0, 2, 1, 3, 4})
                  .reshape({b * t, video.size(1), video.size(3), video.size(4)});
        const int64_t chunk = std::max<int64_t>(1, framesPerBatch);
        std::vector<at::Tensor> outputs;
        for (int64_t start = 0; start < b * t; start += chunk) {
            const at::Tensor part = frames.narrow(0, start, std::min(chunk, b * t - start))
                                        .to(m_precision.device, m_precision.dtype);
            outputs.push_back(encoding ? encodeFrames(part) : decodeFrames(part));
        }
        const at::Tensor out = at::cat(outputs, 0);
        return out.reshape({b, t, out.size(1), out.size(2), out.size(3)})
            .permute({0, 2, 1, 3, 4})
            .contiguous();
    } catch (const std::bad_alloc &) {
        return makeError(ErrorCode::OutOfMemory, "out of host memory in the VideoCrafter2 VAE");
    } catch (const std::exception &e) {
        std::string text = e.what();
        text = text.substr(0, text.find('\n'));
        if (text.find("out of memory") != std::string::npos)
            return makeError(ErrorCode::OutOfMemory,
                             "out of memory in the VideoCrafter2 VAE; use fewer frames per batch",
                             text);
        return makeError(ErrorCode::Internal, "VideoCrafter2 VAE failed", text);
    }
}

at::Tensor Vc2Vae::conv(const std::string &name, const at::Tensor &x, int64_t stride,
                        int64_t padding) const
{
    return at::conv2d(x, m_weights.at(name + ".weight"), m_weights.at(name + ".bias"), stride,
                      padding);
}

// GroupNorm(32, eps 1e-6), per image, computed in at least float32.
at::Tensor Vc2Vae::norm(const std::string &name, const at::Tensor &x) const
{
    const at::ScalarType wide = m_precision.wide();
    return at::group_norm(x.to(wide), 32, m_weights.at(name + ".weight").to(wide),
                          m_weights.at(name + ".bias").to(wide), 1e-6)
        .to(x.scalar_type());
}

at::Tensor Vc2Vae::resnet(const std::string &p, const at::Tensor &x) const
{
    at::Tensor h = conv(p + "conv1", at::silu(norm(p + "norm1", x)));
    h = conv(p + "conv2", at::silu(norm(p + "norm2", h)));
    const at::Tensor skip
        = m_weights.count(p + "nin_shortcut.weight") ? conv(p + "nin_shortcut", x, 1, 0) : x;
    return skip + h;
}

// ResNet, single-head attention over the pixels (q, k, v, proj_out are 1×1 convs), ResNet.
at::Tensor Vc2Vae::midBlock(const std::string &p, at::Tensor x) const
{
    x = resnet(p + "mid.block_1.", x);
    const at::Tensor h = norm(p + "mid.attn_1.norm", x);
    const int64_t n = h.size(0), c = h.size(1), height = h.size(2), width = h.size(3);
    const auto tokens = [&](const char *name) {
        return conv(p + "mid.attn_1." + name, h, 1, 0).flatten(2).transpose(1, 2);
    };
    const at::Tensor o = multiHeadAttention(tokens("q"), tokens("k"), tokens("v"), 1);
    x = x + conv(p + "mid.attn_1.proj_out", o.transpose(1, 2).reshape({n, c, height, width}), 1, 0);
    return resnet(p + "mid.block_2.", x);
}

at::Tensor Vc2Vae::encodeFrames(const at::Tensor &frames) const
{
    const Vc2VaeConfig &c = m_config;
    const int64_t levels = int64_t(c.chMult.size());
    at::Tensor h = conv("encoder.conv_in", frames);
    for (int64_t i = 0; i < levels; ++i) {
        const std::string level = "encoder.down." + std::to_string(i) + ".";
        for (int64_t j = 0; j < c.numResBlocks; ++j)
            h = resnet(level + "block." + std::to_string(j) + ".", h);
        // Asymmetric zero padding (right and bottom only), then a stride-2 conv.
        if (i != levels - 1)
            h = conv(level + "downsample.conv", at::constant_pad_nd(h, {0, 1, 0, 1}, 0.0), 2, 0);
    }
    h = midBlock("encoder.", h);
    h = conv("encoder.conv_out", at::silu(norm("encoder.norm_out", h)));
    const at::Tensor moments = conv("quant_conv", h, 1, 0);
    return moments.narrow(1, 0, c.embedDim) * c.scaleFactor;
}

at::Tensor Vc2Vae::decodeFrames(const at::Tensor &latents) const
{
    const Vc2VaeConfig &c = m_config;
    at::Tensor h = conv("post_quant_conv", latents * (1.0 / c.scaleFactor), 1, 0);
    h = midBlock("decoder.", conv("decoder.conv_in", h));
    for (int64_t i = int64_t(c.chMult.size()) - 1; i >= 0; --i) {
        const std::string level = "decoder.up." + std::to_string(i) + ".";
        for (int64_t j = 0; j <= c.numResBlocks; ++j)
            h = resnet(level + "block." + std::to_string(j) + ".", h);
        if (i != 0)
            h = conv(level + "upsample.conv",
                     at::upsample_nearest2d(h, {h.size(2) * 2, h.size(3) * 2}));
    }
    return conv("decoder.conv_out", at::silu(norm("decoder.norm_out", h)));
}

} // namespace mbq::vc2
