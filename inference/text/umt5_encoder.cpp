#include "inference/text/umt5_encoder.h"

#include <c10/core/InferenceMode.h>

#include <cmath>
#include <filesystem>
#include <limits>

namespace mbq::text {

namespace {

Error torchError(const std::exception &e)
{
    const std::string text = e.what();
    const std::string firstLine = text.substr(0, text.find('\n'));
    if (text.find("out of memory") != std::string::npos
        || text.find("DefaultCPUAllocator: can't allocate") != std::string::npos)
        return makeError(ErrorCode::OutOfMemory,
                         "the text encoder ran out of memory; run it on the CPU", firstLine);
    return makeError(ErrorCode::Internal, "the text encoder failed", firstLine);
}

// T5LayerNorm: the statistic in at least float32; with 16-bit weights the normalised values
// are cast to the weight dtype before the scale, as the official code does.
at::Tensor t5Norm(const at::Tensor &x, const at::Tensor &weight, double eps)
{
    const auto statType = x.scalar_type() == at::kDouble ? at::kDouble : at::kFloat;
    const at::Tensor inv = at::rsqrt(x.to(statType).pow(2).mean(-1, true) + eps);
    at::Tensor y = x * inv;
    if (weight.scalar_type() == at::kBFloat16 || weight.scalar_type() == at::kHalf)
        y = y.to(weight.scalar_type());
    return weight * y;
}

Result<UmT5Encoder> loadFromStore(const io::TensorStore &store, const UmT5Config &config,
                                  UmT5Layout layout, const UmT5Options &options)
{
    auto weights = loadUmT5Weights(store, config, layout, options.dtype, options.device);
    if (!weights)
        return weights.error();
    return UmT5Encoder::fromWeights(config, std::move(*weights));
}

} // namespace

at::Tensor relativePositionBuckets(int64_t lq, int64_t lk, int64_t numBuckets,
                                   int64_t maxDistance)
{
    // Mirrors the official arithmetic, float32 logarithm and truncation included, so bucket
    // edges land where they do in the reference.
    const at::Tensor rel = at::arange(lk, at::kLong).unsqueeze(0)
                           - at::arange(lq, at::kLong).unsqueeze(1);
    const int64_t half = numBuckets / 2;
    const int64_t maxExact = half / 2;
    at::Tensor buckets = (rel > 0).to(at::kLong) * half;
    const at::Tensor distance = rel.abs();
    at::Tensor large = (at::log(distance.to(at::kFloat) / double(maxExact))
                        / std::log(double(maxDistance) / double(maxExact)) * double(half - maxExact))
                           .to(at::kLong)
                       + maxExact;
    large = at::minimum(large, at::full_like(large, half - 1));
    return buckets + at::where(distance < maxExact, distance, large);
}

Result<UmT5Encoder> UmT5Encoder::loadOfficial(const std::string &checkpoint,
                                              const UmT5Options &options)
{
    auto store = io::TensorStore::open(checkpoint);
    if (!store)
        return store.error();
    auto config = inferOfficialUmT5Config(*store);
    if (!config)
        return config.error();
    return loadFromStore(*store, *config, UmT5Layout::Official, options);
}

Result<UmT5Encoder> UmT5Encoder::loadHuggingFace(const std::string &folder,
                                                 const UmT5Options &options)
{
    auto config = readUmT5ConfigFile(folder + "/config.json");
    if (!config)
        return config.error();
    std::string path = folder + "/model.safetensors";
    if (!std::filesystem::exists(path) && std::filesystem::exists(path + ".index.json"))
        path += ".index.json";
    auto store = io::TensorStore::open(path);
    if (!store)
        return store.error();
    return loadFromStore(*store, *config, UmT5Layout::HuggingFace, options);
}

Result<UmT5Encoder> UmT5Encoder::loadModelFolder(const std::string &folder,
                                                 const UmT5Options &options)
{
    const std::string official = folder + "/models_t5_umt5-xxl-enc-bf16.pth";
    if (std::filesystem::exists(official))
        return loadOfficial(official, options);
    if (std::filesystem::exists(folder + "/text_encoder/config.json"))
        return loadHuggingFace(folder + "/text_encoder", options);
    return makeError(ErrorCode::NotFound,
                     folder + ": no Wan2.1 text encoder (looked for "
                              "models_t5_umt5-xxl-enc-bf16.pth and text_encoder/config.json)");
}

Result<UmT5Encoder> UmT5Encoder::fromWeights(const UmT5Config &config, UmT5Weights weights)
{
    if (auto valid = config.validate(); !valid)
        return valid.error();
    const std::vector<UmT5TensorSpec> specs = umT5TensorSpecs(config);
    if (weights.size() != specs.size())
        return makeError(ErrorCode::InvalidArgument,
                         "umT5: " + std::to_string(weights.size()) + " weights given, the config "
                             "needs " + std::to_string(specs.size()));
    UmT5Encoder encoder;
    encoder.m_dtype = weights.begin()->second.scalar_type();
    encoder.m_device = weights.begin()->second.device();
    for (const UmT5TensorSpec &spec : specs) {
        const auto found = weights.find(spec.official);
        if (found == weights.end())
            return makeError(ErrorCode::NotFound, "umT5: missing weight '" + spec.official + "'");
        if (found->second.sizes() != at::IntArrayRef(spec.shape)
            || found->second.scalar_type() != encoder.m_dtype
            || found->second.device() != encoder.m_device)
            return makeError(ErrorCode::InvalidArgument,
                             "umT5: weight '" + spec.official
                                 + "' has the wrong shape, or a dtype/device unlike the others");
    }
    encoder.m_config = config;
    encoder.m_weights = std::move(weights);
    return encoder;
}

void UmT5Encoder::release()
{
    m_weights.clear();
}

Result<at::Tensor> UmT5Encoder::encode(const at::Tensor &ids, const at::Tensor &mask) const
{
    if (!loaded())
        return makeError(ErrorCode::InvalidArgument,
                         "the text encoder was released; load it again to encode");
    if (!ids.defined() || !mask.defined() || ids.dim() != 1 || mask.sizes() != ids.sizes()
        || ids.size(0) < 1 || ids.scalar_type() != at::kLong || mask.scalar_type() != at::kLong)
        return makeError(ErrorCode::InvalidArgument,
                         "the text encoder expects int64 ids and mask of one equal length");
    const UmT5Config &c = m_config;
    try {
        c10::InferenceMode guard;
        const at::Tensor idsCpu = ids.cpu();
        if (idsCpu.min().item<int64_t>() < 0 || idsCpu.max().item<int64_t>() >= c.vocabSize)
            return makeError(ErrorCode::InvalidArgument,
                             "token ids must lie in [0, " + std::to_string(c.vocabSize) + ")");
        const int64_t length = mask.ne(0).sum().item<int64_t>();
        // Softmax and output in float32 (float64 when the whole encoder runs in it).
        const auto wide = m_dtype == at::kDouble ? at::kDouble : at::kFloat;
        const at::Tensor keyMask = mask.to(m_device).eq(0).view({1, 1, -1});
        const int64_t l = ids.size(0);
        const int64_t heads = c.numHeads, width = c.dimAttn / c.numHeads;
        const at::Tensor buckets = relativePositionBuckets(l, l, c.numBuckets, c.maxDistance)
                                       .to(m_device);
        const auto w = [&](const std::string &name) -> const at::Tensor & {
            return m_weights.at(name);
        };
        // The official code masks with the most negative value of the compute dtype.
        const double masked = m_dtype == at::kBFloat16 ? -3.3895313892515355e38
                              : m_dtype == at::kHalf   ? -65504.0
                              : m_dtype == at::kFloat  ? double(std::numeric_limits<float>::lowest())
                                                       : std::numeric_limits<double>::lowest();

        at::Tensor x = at::embedding(w("token_embedding.weight"), ids.to(m_device));
        for (int64_t i = 0; i < c.numLayers; ++i) {
            const std::string p = "blocks." + std::to_string(i) + ".";
            const at::Tensor h = t5Norm(x, w(p + "norm1.weight"), c.eps);
            const at::Tensor q = at::linear(h, w(p + "attn.q.weight")).view({l, heads, width});
            const at::Tensor k = at::linear(h, w(p + "attn.k.weight")).view({l, heads, width});
            const at::Tensor v = at::linear(h, w(p + "attn.v.weight")).view({l, heads, width});
            // This layer's own bias table: [buckets, heads] -> [heads, L, L].
            at::Tensor bias = at::embedding(w(p + "pos_embedding.embedding.weight"), buckets)
                                  .permute({2, 0, 1})
                                  .to(m_dtype)
                                  .masked_fill(keyMask, masked);
            // No 1/sqrt(d) scaling in T5.
            at::Tensor logits = at::matmul(q.transpose(0, 1), k.permute({1, 2, 0})) + bias;
            const at::Tensor probs = at::softmax(logits.to(wide), -1).to(m_dtype);
            const at::Tensor attended = at::matmul(probs, v.transpose(0, 1)).transpose(0, 1)
                                            .reshape({l, heads * width});
            x = x + at::linear(attended, w(p + "attn.o.weight"));

            const at::Tensor f = t5Norm(x, w(p + "norm2.weight"), c.eps);
            const at::Tensor gate = at::gelu(at::linear(f, w(p + "ffn.gate.0.weight")), "tanh");
            x = x + at::linear(at::linear(f, w(p + "ffn.fc1.weight")) * gate, w(p + "ffn.fc2.weight"));
        }
        x = t5Norm(x, w("norm.weight"), c.eps);
        at::Tensor out = x.to(wide).clone();
        out.narrow(0, length, l - length).zero_();
        return out;
    } catch (const std::exception &e) {
        return torchError(e);
    }
}

} // namespace mbq::text
