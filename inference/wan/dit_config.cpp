#include "inference/wan/dit_config.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace mbq::wan {

namespace {

using Json = nlohmann::json;

constexpr size_t kMaxConfigBytes = 1 << 20;

Error configError(const std::string &origin, const std::string &what)
{
    return makeError(ErrorCode::InvalidArgument, origin + ": " + what);
}

// Reads an integer key if present. False (with `error` set) when it has the wrong type.
bool readInt(const Json &json, const char *key, int64_t *out, const std::string &origin,
             Error *error)
{
    if (!json.contains(key) || json[key].is_null())
        return true;
    const Json &value = json[key];
    if (!value.is_number_integer()) {
        *error = configError(origin, std::string("\"") + key + "\" must be an integer");
        return false;
    }
    *out = value.get<int64_t>();
    return true;
}

bool readBool(const Json &json, const char *key, bool *out, const std::string &origin,
              Error *error)
{
    if (!json.contains(key) || json[key].is_null())
        return true;
    if (!json[key].is_boolean()) {
        *error = configError(origin, std::string("\"") + key + "\" must be true or false");
        return false;
    }
    *out = json[key].get<bool>();
    return true;
}

bool readDouble(const Json &json, const char *key, double *out, const std::string &origin,
                Error *error)
{
    if (!json.contains(key) || json[key].is_null())
        return true;
    if (!json[key].is_number()) {
        *error = configError(origin, std::string("\"") + key + "\" must be a number");
        return false;
    }
    *out = json[key].get<double>();
    return true;
}

bool readPatch(const Json &json, WanDitConfig *config, const std::string &origin, Error *error)
{
    if (!json.contains("patch_size"))
        return true;
    const Json &patch = json["patch_size"];
    if (!patch.is_array() || patch.size() != 3 || !patch[0].is_number_integer()
        || !patch[1].is_number_integer() || !patch[2].is_number_integer()) {
        *error = configError(origin, "\"patch_size\" must be three integers [t, h, w]");
        return false;
    }
    config->patchT = patch[0].get<int64_t>();
    config->patchH = patch[1].get<int64_t>();
    config->patchW = patch[2].get<int64_t>();
    return true;
}

Result<WanDitConfig> parseOfficial(const Json &json, const std::string &origin)
{
    WanDitConfig config;
    Error error;
    if (json.contains("model_type")
        && (!json["model_type"].is_string() || json["model_type"].get<std::string>() != "t2v"))
        return makeError(ErrorCode::Unsupported,
                         origin + ": only text-to-video (model_type \"t2v\") models are supported",
                         "found " + json["model_type"].dump());
    if (json.contains("window_size")) {
        const Json &window = json["window_size"];
        if (!window.is_array() || window.size() != 2 || window[0] != -1 || window[1] != -1)
            return makeError(ErrorCode::Unsupported,
                             origin + ": windowed attention is not supported (window_size "
                                 + window.dump() + "; only [-1, -1])");
    }
    const bool ok = readPatch(json, &config, origin, &error)
                    && readInt(json, "text_len", &config.textLen, origin, &error)
                    && readInt(json, "in_dim", &config.inDim, origin, &error)
                    && readInt(json, "dim", &config.dim, origin, &error)
                    && readInt(json, "ffn_dim", &config.ffnDim, origin, &error)
                    && readInt(json, "freq_dim", &config.freqDim, origin, &error)
                    && readInt(json, "text_dim", &config.textDim, origin, &error)
                    && readInt(json, "out_dim", &config.outDim, origin, &error)
                    && readInt(json, "num_heads", &config.numHeads, origin, &error)
                    && readInt(json, "num_layers", &config.numLayers, origin, &error)
                    && readBool(json, "qk_norm", &config.qkNorm, origin, &error)
                    && readBool(json, "cross_attn_norm", &config.crossAttnNorm, origin, &error)
                    && readDouble(json, "eps", &config.eps, origin, &error);
    if (!ok)
        return error;
    return config;
}

Result<WanDitConfig> parseDiffusers(const Json &json, const std::string &origin)
{
    WanDitConfig config;
    Error error;
    int64_t headDim = config.headDim();
    for (const char *key : {"image_dim", "added_kv_proj_dim", "pos_embed_seq_len"}) {
        if (json.contains(key) && !json[key].is_null())
            return makeError(ErrorCode::Unsupported,
                             origin + ": \"" + key
                                 + "\" is set, which marks an image-to-video model; only "
                                   "text-to-video is supported");
    }
    if (json.contains("qk_norm") && !json["qk_norm"].is_null()) {
        if (!json["qk_norm"].is_string()
            || json["qk_norm"].get<std::string>() != "rms_norm_across_heads")
            return makeError(ErrorCode::Unsupported,
                             origin + ": qk_norm " + json["qk_norm"].dump()
                                 + " is not supported (only \"rms_norm_across_heads\")");
    } else if (json.contains("qk_norm")) {
        config.qkNorm = false;
    }
    const bool ok = readPatch(json, &config, origin, &error)
                    && readInt(json, "in_channels", &config.inDim, origin, &error)
                    && readInt(json, "out_channels", &config.outDim, origin, &error)
                    && readInt(json, "num_attention_heads", &config.numHeads, origin, &error)
                    && readInt(json, "attention_head_dim", &headDim, origin, &error)
                    && readInt(json, "ffn_dim", &config.ffnDim, origin, &error)
                    && readInt(json, "freq_dim", &config.freqDim, origin, &error)
                    && readInt(json, "text_dim", &config.textDim, origin, &error)
                    && readInt(json, "num_layers", &config.numLayers, origin, &error)
                    && readInt(json, "rope_max_seq_len", &config.ropeMaxLen, origin, &error)
                    && readBool(json, "cross_attn_norm", &config.crossAttnNorm, origin, &error)
                    && readDouble(json, "eps", &config.eps, origin, &error);
    if (!ok)
        return error;
    config.dim = config.numHeads * headDim;
    return config;
}

std::vector<int64_t> dims(std::initializer_list<int64_t> values)
{
    return std::vector<int64_t>(values);
}

} // namespace

bool WanDitConfig::operator==(const WanDitConfig &o) const
{
    return patchT == o.patchT && patchH == o.patchH && patchW == o.patchW && textLen == o.textLen
           && inDim == o.inDim && outDim == o.outDim && dim == o.dim && ffnDim == o.ffnDim
           && freqDim == o.freqDim && textDim == o.textDim && numHeads == o.numHeads
           && numLayers == o.numLayers && qkNorm == o.qkNorm && crossAttnNorm == o.crossAttnNorm
           && eps == o.eps && ropeMaxLen == o.ropeMaxLen;
}

Result<void> validateWanDitConfig(const WanDitConfig &c, const std::string &origin)
{
    const std::pair<const char *, int64_t> positives[] = {
        {"patch_size[0]", c.patchT}, {"patch_size[1]", c.patchH}, {"patch_size[2]", c.patchW},
        {"text_len", c.textLen},     {"in_dim", c.inDim},         {"out_dim", c.outDim},
        {"dim", c.dim},              {"ffn_dim", c.ffnDim},       {"freq_dim", c.freqDim},
        {"text_dim", c.textDim},     {"num_heads", c.numHeads},   {"num_layers", c.numLayers},
        {"rope_max_seq_len", c.ropeMaxLen},
    };
    for (const auto &[key, value] : positives) {
        // Large enough for any real model, small enough that products cannot overflow.
        if (value < 1 || value > (int64_t(1) << 20))
            return configError(origin, std::string(key) + " must be between 1 and 2^20, got "
                                           + std::to_string(value));
    }
    if (c.dim % c.numHeads != 0)
        return configError(origin, "dim " + std::to_string(c.dim)
                                       + " is not divisible by num_heads "
                                       + std::to_string(c.numHeads));
    // RoPE rotates channel pairs split over three axes: an even head_dim of at least 6.
    if (c.headDim() % 2 != 0 || c.headDim() < 6)
        return configError(origin, "head dim (dim / num_heads) must be even and at least 6, got "
                                       + std::to_string(c.headDim()));
    if (c.freqDim % 2 != 0)
        return configError(origin, "freq_dim must be even, got " + std::to_string(c.freqDim));
    if (!(c.eps > 0.0) || c.eps > 1.0)
        return configError(origin, "eps must be in (0, 1]");
    return {};
}

Result<WanDitConfig> parseWanDitConfig(const std::string &jsonText, const std::string &origin)
{
    const Json json = Json::parse(jsonText, nullptr, false);
    if (json.is_discarded() || !json.is_object())
        return makeError(ErrorCode::BadFormat, origin + ": not a JSON object");
    const bool diffusers = json.contains("num_attention_heads")
                           || json.contains("attention_head_dim")
                           || json.contains("in_channels");
    auto config = diffusers ? parseDiffusers(json, origin) : parseOfficial(json, origin);
    if (!config)
        return config;
    if (auto valid = validateWanDitConfig(*config, origin); !valid)
        return valid.error();
    return config;
}

Result<WanDitConfig> readWanDitConfig(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError(ErrorCode::NotFound, "cannot open " + path);
    std::ostringstream text;
    text << in.rdbuf();
    if (text.str().size() > kMaxConfigBytes)
        return makeError(ErrorCode::BadFormat, path + ": implausibly large config file");
    return parseWanDitConfig(text.str(), path);
}

std::string officialConfigJson(const WanDitConfig &c)
{
    Json json = {{"_class_name", "WanModel"},
                 {"model_type", "t2v"},
                 {"patch_size", {c.patchT, c.patchH, c.patchW}},
                 {"text_len", c.textLen},
                 {"in_dim", c.inDim},
                 {"dim", c.dim},
                 {"ffn_dim", c.ffnDim},
                 {"freq_dim", c.freqDim},
                 {"text_dim", c.textDim},
                 {"out_dim", c.outDim},
                 {"num_heads", c.numHeads},
                 {"num_layers", c.numLayers},
                 {"window_size", {-1, -1}},
                 {"qk_norm", c.qkNorm},
                 {"cross_attn_norm", c.crossAttnNorm},
                 {"eps", c.eps}};
    return json.dump(2) + "\n";
}

std::string diffusersConfigJson(const WanDitConfig &c)
{
    Json json = {{"_class_name", "WanTransformer3DModel"},
                 {"patch_size", {c.patchT, c.patchH, c.patchW}},
                 {"num_attention_heads", c.numHeads},
                 {"attention_head_dim", c.headDim()},
                 {"in_channels", c.inDim},
                 {"out_channels", c.outDim},
                 {"text_dim", c.textDim},
                 {"freq_dim", c.freqDim},
                 {"ffn_dim", c.ffnDim},
                 {"num_layers", c.numLayers},
                 {"cross_attn_norm", c.crossAttnNorm},
                 {"qk_norm", c.qkNorm ? Json("rms_norm_across_heads") : Json(nullptr)},
                 {"eps", c.eps},
                 {"image_dim", nullptr},
                 {"added_kv_proj_dim", nullptr},
                 {"rope_max_seq_len", c.ropeMaxLen}};
    return json.dump(2) + "\n";
}

std::vector<std::pair<std::string, std::vector<int64_t>>> wanDitTensorShapes(
    const WanDitConfig &c)
{
    std::vector<std::pair<std::string, std::vector<int64_t>>> shapes;
    const auto add = [&](const std::string &name, std::vector<int64_t> shape) {
        shapes.emplace_back(name, std::move(shape));
    };
    const auto linear = [&](const std::string &name, int64_t in, int64_t out) {
        add(name + ".weight", dims({out, in}));
        add(name + ".bias", dims({out}));
    };
    add("patch_embedding.weight", dims({c.dim, c.inDim, c.patchT, c.patchH, c.patchW}));
    add("patch_embedding.bias", dims({c.dim}));
    linear("text_embedding.0", c.textDim, c.dim);
    linear("text_embedding.2", c.dim, c.dim);
    linear("time_embedding.0", c.freqDim, c.dim);
    linear("time_embedding.2", c.dim, c.dim);
    linear("time_projection.1", c.dim, 6 * c.dim);
    for (int64_t n = 0; n < c.numLayers; ++n) {
        const std::string block = "blocks." + std::to_string(n) + ".";
        add(block + "modulation", dims({1, 6, c.dim}));
        for (const char *attn : {"self_attn", "cross_attn"}) {
            for (const char *proj : {"q", "k", "v", "o"})
                linear(block + attn + "." + proj, c.dim, c.dim);
            if (c.qkNorm) {
                add(block + attn + ".norm_q.weight", dims({c.dim}));
                add(block + attn + ".norm_k.weight", dims({c.dim}));
            }
        }
        if (c.crossAttnNorm) {
            add(block + "norm3.weight", dims({c.dim}));
            add(block + "norm3.bias", dims({c.dim}));
        }
        linear(block + "ffn.0", c.dim, c.ffnDim);
        linear(block + "ffn.2", c.ffnDim, c.dim);
    }
    add("head.modulation", dims({1, 2, c.dim}));
    linear("head.head", c.dim, c.outDim * c.patchVolume());
    return shapes;
}

} // namespace mbq::wan
