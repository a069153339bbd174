#include "inference/text/clip_text_encoder.h"

#include <cmath>
#include <limits>
#include <new>

namespace mbq::text {

ClipTextEncoder::ClipTextEncoder(ClipTextConfig config, std::map<std::string, at::Tensor> weights)
    : m_config(config)
    , m_weights(std::move(weights))
{ }

at::Tensor ClipTextEncoder::linear(const std::string &name, const at::Tensor &x) const
{
    return at::linear(x, m_weights.at(name + ".weight"), m_weights.at(name + ".bias"));
}

// LayerNorm (eps 1e-5) in at least float32.
at::Tensor ClipTextEncoder::layerNorm(const std::string &name, const at::Tensor &x) const
{
    const at::ScalarType wide = x.scalar_type() == at::kDouble ? at::kDouble : at::kFloat;
    return at::layer_norm(x.to(wide), {m_config.width}, m_weights.at(name + ".weight").to(wide),
                          m_weights.at(name + ".bias").to(wide), 1e-5)
        .to(x.scalar_type());
}

Result<at::Tensor> ClipTextEncoder::encode(const at::Tensor &ids) const
{
    const ClipTextConfig &c = m_config;
    if (!ids.defined() || (ids.dim() != 1 && ids.dim() != 2) || ids.size(-1) != c.contextLength
        || at::isFloatingType(ids.scalar_type()))
        return makeError(ErrorCode::InvalidArgument,
                         "CLIP text encoder: ids must be integers ["
                             + std::to_string(c.contextLength) + "] or [batch, "
                             + std::to_string(c.contextLength) + "]");
    const at::Tensor batch = (ids.dim() == 1 ? ids.unsqueeze(0) : ids).to(at::kLong);
    if (batch.numel() > 0
        && (batch.min().item<int64_t>() < 0 || batch.max().item<int64_t>() >= c.vocabSize))
        return makeError(ErrorCode::InvalidArgument,
                         "CLIP text encoder: token ids must lie in [0, "
                             + std::to_string(c.vocabSize) + ")");
    try {
        at::NoGradGuard noGrad;
        const at::Tensor &embedding = m_weights.at("token_embedding.weight");
        at::Tensor x = at::embedding(embedding, batch.to(embedding.device()))
            + m_weights.at("positional_embedding");
        // The additive causal mask: −inf strictly above the diagonal.
        const at::Tensor mask
            = at::full({c.contextLength, c.contextLength}, -std::numeric_limits<double>::infinity(),
                       x.options().dtype(at::kFloat))
                  .triu(1);
        for (int64_t i = 0; i < c.layers - c.skipLayers; ++i)
            x = block("transformer.resblocks." + std::to_string(i) + ".", x, mask);
        return layerNorm("ln_final", x);
    } catch (const std::bad_alloc &) {
        return makeError(ErrorCode::OutOfMemory, "out of host memory in the CLIP text encoder");
    } catch (const std::exception &e) {
        std::string text = e.what();
        return makeError(ErrorCode::Internal, "CLIP text encoder failed",
                         text.substr(0, text.find('\n')));
    }
}

at::Tensor ClipTextEncoder::block(const std::string &p, const at::Tensor &x,
                                  const at::Tensor &mask) const
{
    const int64_t b = x.size(0), l = x.size(1), heads = m_config.heads;
    const int64_t d = m_config.width / heads;
    const at::Tensor packed
        = at::linear(layerNorm(p + "ln_1", x), m_weights.at(p + "attn.in_proj_weight"),
                     m_weights.at(p + "attn.in_proj_bias"));
    const auto parts = packed.chunk(3, -1);
    const auto split = [&](const at::Tensor &t) {
        return t.reshape({b, l, heads, d}).transpose(1, 2);
    };
    // nn.MultiheadAttention scales q before the product; softmax in at least float32.
    const at::Tensor q = split(parts[0]) * (1.0 / std::sqrt(double(d)));
    const at::ScalarType wide = x.scalar_type() == at::kDouble ? at::kDouble : at::kFloat;
    const at::Tensor scores
        = at::matmul(q, split(parts[1]).transpose(-2, -1)).to(wide) + mask.to(wide);
    const at::Tensor probs = at::softmax(scores, -1).to(x.scalar_type());
    const at::Tensor attended
        = at::matmul(probs, split(parts[2])).transpose(1, 2).reshape({b, l, m_config.width});
    const at::Tensor h = x + linear(p + "attn.out_proj", attended);
    return h + linear(p + "mlp.c_proj", at::gelu(linear(p + "mlp.c_fc", layerNorm(p + "ln_2", h))));
}

} // namespace mbq::text
