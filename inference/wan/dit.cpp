#include "inference/wan/dit.h"

#include "inference/io/shape_text.h"

#include "kernels/wan_q_path.h"

#include <new>

namespace mbq::wan {

namespace {

using io::shapeText;

Error inputError(const std::string &what)
{
    return makeError(ErrorCode::InvalidArgument, "Wan DiT input: " + what);
}

// Torch reports device memory exhaustion as a c10::Error whose text says so.
Error torchError(const std::exception &e)
{
    std::string text = e.what();
    text = text.substr(0, text.find('\n'));
    if (text.find("out of memory") != std::string::npos)
        return makeError(ErrorCode::OutOfMemory,
                         "out of memory in the Wan DiT; try a smaller size or fewer frames", text);
    return makeError(ErrorCode::Internal, "Wan DiT forward failed", text);
}

} // namespace

WanDit::WanDit(WanDitConfig config, WanDitWeights weights, WanDitPrecision precision)
    : m_config(std::move(config))
    , m_weights(std::move(weights))
    , m_precision(precision)
    , m_rope(m_config.headDim(), m_config.ropeMaxLen)
{
    for (int64_t n = 0; n < m_config.numLayers; ++n)
        m_layerIds.push_back("block." + std::to_string(n));
}

Result<std::unique_ptr<WanDit>> WanDit::load(const std::string &folder,
                                             const WanDitPrecision &precision)
{
    auto location = locateWanDit(folder);
    if (!location)
        return location.error();
    WanDitConfig config;
    if (!location->configPath.empty()) {
        auto parsed = readWanDitConfig(location->configPath);
        if (!parsed)
            return parsed.error();
        config = *parsed;
    }
    auto weights = loadWanDitWeights(*location, config, precision);
    if (!weights)
        return weights.error();
    return std::make_unique<WanDit>(config, std::move(*weights), precision);
}

at::Tensor WanDit::timeFeatures(const at::Tensor &timesteps, int64_t freqDim)
{
    const int64_t half = freqDim / 2;
    const auto options = at::TensorOptions().dtype(at::kDouble).device(timesteps.device());
    const at::Tensor omega = at::pow(10000.0, -at::arange(half, options).div(double(half)));
    const at::Tensor phase = at::outer(timesteps.to(at::kDouble), omega);
    return at::cat({phase.cos(), phase.sin()}, 1);
}

Result<void> WanDit::checkInputs(const at::Tensor &x, const at::Tensor &timesteps,
                                 const at::Tensor &context) const
{
    const WanDitConfig &c = m_config;
    if (!x.defined() || x.dim() != 5 || x.size(1) != c.inDim)
        return inputError("latents must be [batch, " + std::to_string(c.inDim)
                          + ", frames, height, width], got "
                          + (x.defined() ? shapeText(x.sizes()) : std::string("nothing")));
    const int64_t batch = x.size(0);
    if (batch < 1 || x.size(2) < 1 || x.size(2) % c.patchT || x.size(3) < 1
        || x.size(3) % c.patchH || x.size(4) < 1 || x.size(4) % c.patchW)
        return inputError("latent size " + shapeText(x.sizes())
                          + " is not a positive multiple of the patch size "
                          + shapeText({c.patchT, c.patchH, c.patchW}));
    if (!timesteps.defined() || timesteps.dim() != 1 || timesteps.size(0) != batch)
        return inputError("timesteps must be [" + std::to_string(batch) + "], got "
                          + (timesteps.defined() ? shapeText(timesteps.sizes())
                                                 : std::string("nothing")));
    if (!context.defined() || context.dim() != 3 || context.size(0) != batch
        || context.size(2) != c.textDim || context.size(1) > c.textLen)
        return inputError("context must be [" + std::to_string(batch) + ", <= "
                          + std::to_string(c.textLen) + ", " + std::to_string(c.textDim)
                          + "], got "
                          + (context.defined() ? shapeText(context.sizes())
                                               : std::string("nothing")));
    if (!at::isFloatingType(x.scalar_type()) || !at::isFloatingType(context.scalar_type()))
        return inputError("latents and context must be floating point");
    return {};
}

Result<at::Tensor> WanDit::forward(const at::Tensor &x, const at::Tensor &timesteps,
                                   const at::Tensor &context,
                                   const attention::ForwardContext &forwardContext) const
{
    if (auto valid = checkInputs(x, timesteps, context); !valid)
        return valid.error();
    const attention::TokenGrid grid{x.size(2) / m_config.patchT, x.size(3) / m_config.patchH,
                                    x.size(4) / m_config.patchW};
    try {
        at::NoGradGuard noGrad;
        auto rope = m_rope.tables(grid, m_precision.device);
        if (!rope)
            return rope.error();
        return run(x, timesteps, context, forwardContext, *rope);
    } catch (const std::bad_alloc &) {
        return makeError(ErrorCode::OutOfMemory,
                         "out of host memory in the Wan DiT; try a smaller size or fewer frames");
    } catch (const std::exception &e) {
        return torchError(e);
    }
}

at::Tensor WanDit::run(const at::Tensor &x, const at::Tensor &timesteps,
                       const at::Tensor &context,
                       const attention::ForwardContext &forwardContext,
                       const WanRope::Tables &rope) const
{
    const WanDitConfig &c = m_config;
    const at::ScalarType stream = m_precision.stream;
    const at::Device device = m_precision.device;
    const int64_t batch = x.size(0);

    // Patch embedding: a strided Conv3d, then tokens in frame, row, column order.
    const at::Tensor patches = at::conv3d(x.to(device, m_precision.linear),
                                          m_weights["patch_embedding.weight"],
                                          m_weights["patch_embedding.bias"],
                                          {c.patchT, c.patchH, c.patchW});
    const attention::TokenGrid grid{patches.size(2), patches.size(3), patches.size(4)};
    at::Tensor tokens = patches.flatten(2).transpose(1, 2).to(stream).contiguous();

    // Time: float64 sinusoid, then the MLP and the 6-way projection in the stream dtype.
    const at::Tensor features = timeFeatures(timesteps.to(device), c.freqDim).to(stream);
    const at::Tensor e = linear("time_embedding.2",
                                at::silu(linear("time_embedding.0", features)));
    const at::Tensor e0 = linear("time_projection.1", at::silu(e)).view({batch, 6, c.dim});

    // Text: the real rows, zero rows up to text_len (they are not masked later), then the MLP.
    at::Tensor text = context.to(device, m_precision.linear);
    if (text.size(1) < c.textLen)
        text = at::cat({text, at::zeros({batch, c.textLen - text.size(1), c.textDim},
                                        text.options())},
                       1);
    const at::Tensor ctx = linear("text_embedding.2",
                                  at::gelu(linear("text_embedding.0", text), "tanh"));

    for (int n = 0; n < int(c.numLayers); ++n) {
        const attention::QSite site{m_layerIds[size_t(n)], n, forwardContext, c.numHeads, grid};
        tokens = block(n, tokens, e0, ctx, rope, site);
    }

    // Head: its own 2-row table plus e (not e0), all in the stream dtype.
    const at::Tensor mh = m_weights["head.modulation"] + e.unsqueeze(1);
    const at::Tensor shift = mh.select(1, 0).unsqueeze(1);
    const at::Tensor scale = mh.select(1, 1).unsqueeze(1);
    const at::Tensor out = linear("head.head", layerNorm(tokens) * (1 + scale) + shift);

    // Unpatchify: each token's vector is (pt, ph, pw, channel) with the channel fastest.
    return out.view({batch, grid.frames, grid.height, grid.width, c.patchT, c.patchH, c.patchW,
                     c.outDim})
        .permute({0, 7, 1, 4, 2, 5, 3, 6})
        .reshape({batch, c.outDim, grid.frames * c.patchT, grid.height * c.patchH,
                  grid.width * c.patchW});
}

at::Tensor WanDit::block(int index, const at::Tensor &x, const at::Tensor &e0,
                         const at::Tensor &context, const WanRope::Tables &rope,
                         const attention::QSite &site) const
{
    const std::string prefix = "blocks." + std::to_string(index) + ".";
    const at::ScalarType stream = m_precision.stream;
    // Rows: shift, scale, gate for self-attention, then the same for the FFN.
    const at::Tensor m = m_weights[prefix + "modulation"] + e0;
    const auto row = [&](int64_t i) { return m.select(1, i).unsqueeze(1); };

    at::Tensor h = layerNorm(x) * (1 + row(1)) + row(0);
    at::Tensor out = x + selfAttention(prefix + "self_attn.", h, rope, site).to(stream) * row(2);

    h = m_config.crossAttnNorm
            ? at::layer_norm(out, {m_config.dim}, m_weights[prefix + "norm3.weight"],
                             m_weights[prefix + "norm3.bias"], m_config.eps)
            : out;
    out = out + crossAttention(prefix + "cross_attn.", h, context).to(stream);

    h = layerNorm(out) * (1 + row(4)) + row(3);
    const at::Tensor ffn = linear(prefix + "ffn.2",
                                  at::gelu(linear(prefix + "ffn.0", h), "tanh"));
    return out + ffn.to(stream) * row(5);
}

at::Tensor WanDit::selfAttention(const std::string &prefix, const at::Tensor &h,
                                 const WanRope::Tables &rope, const attention::QSite &site) const
{
    const int64_t batch = h.size(0), tokens = h.size(1);
    const int64_t heads = m_config.numHeads, headDim = m_config.headDim();
    const at::ScalarType stream = m_precision.stream;
    const auto heady = [&](const at::Tensor &t) { return t.reshape({batch, tokens, heads, headDim}); };

    // The Q site: projection, RMS norm over all heads at once, rotation; a hook's swap may
    // join the same pass (kernels/wan_q_path.h). K takes the same path without a swap.
    const auto normRope = [&](const std::string &name) {
        kernels::WanNormRopeParams p;
        p.heads = heads;
        if (m_config.qkNorm)
            p.normWeight = m_weights[prefix + "norm_" + name + ".weight"];
        p.eps = m_config.eps;
        p.cos = rope.cos;
        p.sin = rope.sin;
        p.dtype = stream;
        return p;
    };
    const at::Tensor qProj = linear(prefix + "q", h);
    const kernels::WanNormRopeParams qParams = normRope("q");
    const auto finishQ = [&](const at::Tensor &source, const kernels::QSwapParams *swap) {
        return kernels::wanNormRope(qProj, qParams, source, swap);
    };
    const at::Tensor q = m_hook ? m_hook->onProjection(site, {batch, h.device(), finishQ})
                                : finishQ({}, nullptr);
    const at::Tensor k = heady(kernels::wanNormRope(linear(prefix + "k", h), normRope("k")));
    const at::Tensor v = heady(linear(prefix + "v", h));

    // Attention runs in the linear dtype (bf16 on CUDA, as the official flash path).
    const at::ScalarType attn = m_precision.linear;
    const at::Tensor o = at::scaled_dot_product_attention(
        heady(q).to(attn).transpose(1, 2), k.to(attn).transpose(1, 2), v.to(attn).transpose(1, 2));
    return linear(prefix + "o", o.transpose(1, 2).reshape({batch, tokens, heads * headDim}));
}

at::Tensor WanDit::crossAttention(const std::string &prefix, const at::Tensor &h,
                                  const at::Tensor &context) const
{
    const int64_t batch = h.size(0);
    const int64_t heads = m_config.numHeads, headDim = m_config.headDim();
    const at::ScalarType attn = m_precision.linear;
    const auto heads4 = [&](const at::Tensor &t) {
        return t.to(attn).view({batch, -1, heads, headDim}).transpose(1, 2);
    };
    const at::Tensor q = crossNorm(prefix + "norm_q", linear(prefix + "q", h));
    const at::Tensor k = crossNorm(prefix + "norm_k", linear(prefix + "k", context));
    const at::Tensor v = linear(prefix + "v", context);
    // No mask: the zero-padded text rows take part, as in the official model.
    const at::Tensor o = at::scaled_dot_product_attention(heads4(q), heads4(k), heads4(v));
    return linear(prefix + "o", o.transpose(1, 2).reshape({batch, -1, heads * headDim}));
}

// Linear layers take their input in their weight's dtype (the autocast rule).
at::Tensor WanDit::linear(const std::string &name, const at::Tensor &input) const
{
    const at::Tensor &weight = m_weights[name + ".weight"];
    return at::linear(input.to(weight.scalar_type()), weight, m_weights[name + ".bias"]);
}

// Cross-attention's q and k: WanRMSNorm alone, no rotation.
at::Tensor WanDit::crossNorm(const std::string &name, const at::Tensor &input) const
{
    if (!m_config.qkNorm)
        return input.to(m_precision.stream);
    return kernels::wanRmsNorm(input, m_weights[name + ".weight"], m_config.eps,
                               m_precision.stream);
}

// The parameter-free LayerNorm used for norm1, norm2 and the head, in the stream dtype.
at::Tensor WanDit::layerNorm(const at::Tensor &input) const
{
    return at::layer_norm(input.to(m_precision.stream), {m_config.dim}, {}, {}, m_config.eps);
}

} // namespace mbq::wan
