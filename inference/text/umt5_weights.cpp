#include "inference/text/umt5_weights.h"

#include "inference/io/shape_text.h"

#include <set>

namespace mbq::text {

namespace {

const char *kHfEmbeddingAlias = "encoder.embed_tokens.weight";

using io::shapeText;

Result<std::vector<int64_t>> shapeOf(const io::TensorStore &store, const std::string &name)
{
    auto record = store.record(name);
    if (!record)
        return makeError(ErrorCode::NotFound,
                         store.path() + ": missing text encoder tensor '" + name
                             + "' (is this Wan's umT5 encoder with official names?)");
    return (*record)->shape;
}

} // namespace

std::vector<UmT5TensorSpec> umT5TensorSpecs(const UmT5Config &c)
{
    std::vector<UmT5TensorSpec> specs;
    specs.push_back({"token_embedding.weight", "shared.weight", {c.vocabSize, c.dim}});
    for (int64_t i = 0; i < c.numLayers; ++i) {
        const std::string o = "blocks." + std::to_string(i) + ".";
        const std::string h = "encoder.block." + std::to_string(i) + ".layer.";
        specs.push_back({o + "norm1.weight", h + "0.layer_norm.weight", {c.dim}});
        for (const char *p : {"q", "k", "v"})
            specs.push_back({o + "attn." + p + ".weight", h + "0.SelfAttention." + p + ".weight",
                             {c.dimAttn, c.dim}});
        specs.push_back({o + "attn.o.weight", h + "0.SelfAttention.o.weight", {c.dim, c.dimAttn}});
        specs.push_back({o + "pos_embedding.embedding.weight",
                         h + "0.SelfAttention.relative_attention_bias.weight",
                         {c.numBuckets, c.numHeads}});
        specs.push_back({o + "norm2.weight", h + "1.layer_norm.weight", {c.dim}});
        specs.push_back({o + "ffn.gate.0.weight", h + "1.DenseReluDense.wi_0.weight",
                         {c.dimFfn, c.dim}});
        specs.push_back({o + "ffn.fc1.weight", h + "1.DenseReluDense.wi_1.weight",
                         {c.dimFfn, c.dim}});
        specs.push_back({o + "ffn.fc2.weight", h + "1.DenseReluDense.wo.weight",
                         {c.dim, c.dimFfn}});
    }
    specs.push_back({"norm.weight", "encoder.final_layer_norm.weight", {c.dim}});
    return specs;
}

Result<UmT5Weights> loadUmT5Weights(const io::TensorStore &store, const UmT5Config &config,
                                    UmT5Layout layout, at::ScalarType dtype, at::Device device)
{
    if (auto valid = config.validate(); !valid)
        return valid.error();
    const bool hf = layout == UmT5Layout::HuggingFace;
    std::vector<UmT5TensorSpec> specs = umT5TensorSpecs(config);
    if (hf && !store.contains(specs.front().hf) && store.contains(kHfEmbeddingAlias))
        specs.front().hf = kHfEmbeddingAlias;
    std::set<std::string> expected;
    for (const UmT5TensorSpec &spec : specs)
        expected.insert(hf ? spec.hf : spec.official);
    for (const auto &[name, record] : store.tensors()) {
        const bool tiedCopy = hf && name == kHfEmbeddingAlias;
        if (!expected.count(name) && !tiedCopy)
            return makeError(ErrorCode::BadFormat,
                             store.path() + ": unexpected tensor '" + name
                                 + "' for a umT5 encoder (" + (hf ? "HF" : "official")
                                 + " names)",
                             "the checkpoint does not match the text encoder configuration");
    }
    UmT5Weights weights;
    for (const UmT5TensorSpec &spec : specs) {
        const std::string &name = hf ? spec.hf : spec.official;
        auto record = store.record(name);
        if (!record)
            return makeError(ErrorCode::NotFound,
                             store.path() + ": missing text encoder tensor '" + name
                                 + "' (expected shape " + shapeText(spec.shape) + ")");
        if ((*record)->shape != spec.shape)
            return makeError(ErrorCode::BadFormat,
                             store.path() + ": text encoder tensor '" + name + "' has shape "
                                 + shapeText((*record)->shape) + ", expected "
                                 + shapeText(spec.shape));
        auto tensor = store.load(name, dtype, device);
        if (!tensor)
            return tensor.error();
        weights.emplace(spec.official, std::move(*tensor));
    }
    return weights;
}

Result<UmT5Config> inferOfficialUmT5Config(const io::TensorStore &store)
{
    UmT5Config config;
    auto embedding = shapeOf(store, "token_embedding.weight");
    if (!embedding)
        return embedding.error();
    auto q = shapeOf(store, "blocks.0.attn.q.weight");
    if (!q)
        return q.error();
    auto bias = shapeOf(store, "blocks.0.pos_embedding.embedding.weight");
    if (!bias)
        return bias.error();
    auto ffn = shapeOf(store, "blocks.0.ffn.fc1.weight");
    if (!ffn)
        return ffn.error();
    for (const auto *shape : {&*embedding, &*q, &*bias, &*ffn}) {
        if (shape->size() != 2)
            return makeError(ErrorCode::BadFormat,
                             store.path() + ": text encoder matrices must be 2-D, found "
                                 + shapeText(*shape));
    }
    config.vocabSize = (*embedding)[0];
    config.dim = (*embedding)[1];
    config.dimAttn = (*q)[0];
    config.numBuckets = (*bias)[0];
    config.numHeads = (*bias)[1];
    config.dimFfn = (*ffn)[0];
    config.numLayers = 0;
    while (store.contains("blocks." + std::to_string(config.numLayers) + ".norm1.weight"))
        ++config.numLayers;
    if (auto valid = config.validate(); !valid)
        return makeError(ErrorCode::BadFormat, store.path() + ": " + valid.error().message);
    return config;
}

} // namespace mbq::text
