// The layers of Vc2UNet: ResBlock with its temporal conv block, the spatial and temporal
// transformers, BasicTransformerBlock, attention with its Q site, and the primitive layers.
#include "inference/videocrafter/unet.h"

#include "inference/videocrafter/attention_ops.h"

namespace mbq::vc2 {

const at::Tensor &Vc2UNet::weight(const std::string &name) const
{
    return m_weights.at(name);
}

at::Tensor Vc2UNet::linear(const std::string &name, const at::Tensor &x, bool bias) const
{
    return at::linear(x, weight(name + ".weight"), bias ? weight(name + ".bias") : at::Tensor());
}

at::Tensor Vc2UNet::conv2d(const std::string &name, const at::Tensor &x, int64_t stride,
                           int64_t padding) const
{
    return at::conv2d(x, weight(name + ".weight"), weight(name + ".bias"), stride, padding);
}

// Statistics over each group of channels and everything after the channel dim: per frame for
// (B·T, C, H, W), across all frames for (B, C, T, H, W).
at::Tensor Vc2UNet::groupNorm(const std::string &name, const at::Tensor &x, double eps) const
{
    const at::ScalarType wide = m_precision.wide();
    return at::group_norm(x.to(wide), 32, weight(name + ".weight").to(wide),
                          weight(name + ".bias").to(wide), eps)
        .to(x.scalar_type());
}

at::Tensor Vc2UNet::layerNorm(const std::string &name, const at::Tensor &x) const
{
    const at::ScalarType wide = m_precision.wide();
    return at::layer_norm(x.to(wide), {x.size(-1)}, weight(name + ".weight").to(wide),
                          weight(name + ".bias").to(wide), 1e-5)
        .to(x.scalar_type());
}

at::Tensor Vc2UNet::resBlock(const std::string &p, const at::Tensor &x, int64_t inChannels,
                             int64_t outChannels, const Pass &pass) const
{
    at::Tensor h = conv2d(p + "in_layers.2", at::silu(groupNorm(p + "in_layers.0", x, 1e-5)));
    h = h + linear(p + "emb_layers.1", at::silu(pass.emb)).unsqueeze(-1).unsqueeze(-1);
    h = conv2d(p + "out_layers.3", at::silu(groupNorm(p + "out_layers.0", h, 1e-5)));
    const at::Tensor skip = inChannels == outChannels ? x : conv2d(p + "skip_connection", x, 1, 0);
    return temporalConv(p + "temopral_conv.", skip + h, pass);
}

at::Tensor Vc2UNet::temporalConv(const std::string &p, const at::Tensor &h, const Pass &pass) const
{
    const int64_t c = h.size(1), height = h.size(2), width = h.size(3);
    const at::Tensor video
        = h.reshape({pass.batch, pass.frames, c, height, width}).permute({0, 2, 1, 3, 4});
    // Kernel (3, 1, 1), zero padding of one frame at each end.
    const auto conv = [&](const std::string &norm, const std::string &conv, const at::Tensor &in) {
        return at::conv3d(at::silu(groupNorm(p + norm, in, 1e-5)), weight(p + conv + ".weight"),
                          weight(p + conv + ".bias"), 1, {1, 0, 0});
    };
    at::Tensor y = conv("conv1.0", "conv1.2", video);
    for (const char *name : {"conv2", "conv3", "conv4"})
        y = conv(std::string(name) + ".0", std::string(name) + ".3", y);
    return (video + y)
        .permute({0, 2, 1, 3, 4})
        .reshape({pass.batch * pass.frames, c, height, width});
}

at::Tensor Vc2UNet::spatialTransformer(const std::string &p, const at::Tensor &h, int64_t heads,
                                       const std::string &siteId, const Pass &pass) const
{
    const int64_t rows = h.size(0), c = h.size(1), height = h.size(2), width = h.size(3);
    at::Tensor u
        = groupNorm(p + "norm", h, 1e-6).permute({0, 2, 3, 1}).reshape({rows, height * width, c});
    u = linear(p + "proj_in", u);
    const attention::QSite site {
        siteId, m_siteIndex.at(siteId), *pass.forward, heads, {1, height, width}};
    for (int64_t d = 0; d < m_config.transformerDepth; ++d)
        u = transformerBlock(p + "transformer_blocks." + std::to_string(d) + ".", u, pass.context,
                             heads, &site, d);
    u = linear(p + "proj_out", u);
    return h + u.reshape({rows, height, width, c}).permute({0, 3, 1, 2});
}

at::Tensor Vc2UNet::temporalTransformer(const std::string &p, const at::Tensor &h, int64_t heads,
                                        bool conv1d, const std::string &siteId,
                                        const Pass &pass) const
{
    const int64_t b = pass.batch, t = pass.frames;
    const int64_t c = h.size(1), height = h.size(2), width = h.size(3);
    const at::Tensor video = h.reshape({b, t, c, height, width}).permute({0, 2, 1, 3, 4});
    // (B, C, T, H, W) -> (B·H·W, T, C): row b·HW + y·W + x, sequence index t.
    at::Tensor u = groupNorm(p + "norm", video, 1e-6)
                       .permute({0, 3, 4, 2, 1})
                       .reshape({b * height * width, t, c});
    // init_attn's projections are Conv1d with kernel 1: a Linear over the channels.
    const auto project = [&](const std::string &name, const at::Tensor &in) {
        const at::Tensor &w = weight(name + ".weight");
        return at::linear(in, conv1d ? w.squeeze(-1) : w, weight(name + ".bias"));
    };
    u = project(p + "proj_in", u);
    const attention::QSite site {siteId, m_siteIndex.at(siteId), *pass.forward, heads, {t, 1, 1}};
    for (int64_t d = 0; d < m_config.temporalTransformerDepth; ++d)
        u = transformerBlock(p + "transformer_blocks." + std::to_string(d) + ".", u, at::Tensor(),
                             heads, &site, d);
    u = project(p + "proj_out", u);
    const at::Tensor back = u.reshape({b, height, width, t, c}).permute({0, 4, 3, 1, 2});
    return (video + back).permute({0, 2, 1, 3, 4}).reshape({b * t, c, height, width});
}

// Pre-norm self-attention, attention to `context` (itself when undefined: the temporal
// blocks), GEGLU feed-forward. Only the first block of a stack exposes its Q site.
at::Tensor Vc2UNet::transformerBlock(const std::string &p, at::Tensor x, const at::Tensor &context,
                                     int64_t heads, const attention::QSite *site,
                                     int64_t depth) const
{
    const at::Tensor n1 = layerNorm(p + "norm1", x);
    x = x + attention(p + "attn1", n1, n1, heads, depth == 0 ? site : nullptr);
    const at::Tensor n2 = layerNorm(p + "norm2", x);
    x = x + attention(p + "attn2", n2, context.defined() ? context : n2, heads, nullptr);
    const at::Tensor projected = linear(p + "ff.net.0.proj", layerNorm(p + "norm3", x));
    const auto halves = projected.chunk(2, -1);
    return x + linear(p + "ff.net.2", halves[0] * at::gelu(halves[1]));
}

at::Tensor Vc2UNet::attention(const std::string &p, const at::Tensor &x, const at::Tensor &context,
                              int64_t heads, const attention::QSite *site) const
{
    at::Tensor q = linear(p + ".to_q", x, false);
    if (site && m_hook)
        m_hook->onQuery(*site, q);
    const at::Tensor k = linear(p + ".to_k", context, false);
    const at::Tensor v = linear(p + ".to_v", context, false);
    return linear(p + ".to_out.0", multiHeadAttention(q, k, v, heads));
}

} // namespace mbq::vc2
