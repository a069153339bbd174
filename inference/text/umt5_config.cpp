#include "inference/text/umt5_config.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace mbq::text {

Result<void> UmT5Config::validate() const
{
    const auto bad = [](const std::string &what) {
        return makeError(ErrorCode::InvalidArgument, "umT5 config: " + what);
    };
    if (vocabSize < 1 || dim < 1 || dimAttn < 1 || dimFfn < 1 || numHeads < 1 || numLayers < 1)
        return bad("sizes must be positive");
    if (dimAttn % numHeads != 0)
        return bad("the attention width " + std::to_string(dimAttn)
                   + " is not a multiple of the head count " + std::to_string(numHeads));
    if (numBuckets < 4 || numBuckets % 2 != 0)
        return bad("relative_attention_num_buckets must be even and at least 4");
    // Half the buckets per direction, half of those exact: the log range needs room past them.
    if (maxDistance <= numBuckets / 4)
        return bad("relative_attention_max_distance must exceed a quarter of the buckets");
    if (!(eps > 0.0))
        return bad("layer_norm_epsilon must be positive");
    return {};
}

Result<UmT5Config> parseUmT5ConfigJson(const std::string &text, const std::string &origin)
{
    using nlohmann::json;
    const json root = json::parse(text, nullptr, false);
    if (root.is_discarded() || !root.is_object())
        return makeError(ErrorCode::BadFormat, origin + ": not a JSON object");
    UmT5Config config;
    const std::pair<const char *, int64_t *> integers[] = {
        {"vocab_size", &config.vocabSize},
        {"d_model", &config.dim},
        {"d_ff", &config.dimFfn},
        {"num_heads", &config.numHeads},
        {"num_layers", &config.numLayers},
        {"relative_attention_num_buckets", &config.numBuckets},
        {"relative_attention_max_distance", &config.maxDistance}};
    for (const auto &[key, field] : integers) {
        if (!root.contains(key))
            continue;
        if (!root[key].is_number_integer())
            return makeError(ErrorCode::InvalidArgument, origin + ": " + key + " must be an integer");
        *field = root[key].get<int64_t>();
    }
    int64_t headWidth = config.dimAttn / config.numHeads;
    if (root.contains("d_kv")) {
        if (!root["d_kv"].is_number_integer())
            return makeError(ErrorCode::InvalidArgument, origin + ": d_kv must be an integer");
        headWidth = root["d_kv"].get<int64_t>();
    }
    config.dimAttn = headWidth * config.numHeads;
    if (root.contains("layer_norm_epsilon")) {
        if (!root["layer_norm_epsilon"].is_number())
            return makeError(ErrorCode::InvalidArgument,
                             origin + ": layer_norm_epsilon must be a number");
        config.eps = root["layer_norm_epsilon"].get<double>();
    }
    if (root.contains("feed_forward_proj") && root["feed_forward_proj"] != "gated-gelu")
        return makeError(ErrorCode::Unsupported,
                         origin + ": only the gated-gelu feed-forward of umT5 is supported");
    if (auto valid = config.validate(); !valid)
        return makeError(ErrorCode::InvalidArgument, origin + ": " + valid.error().message);
    return config;
}

Result<UmT5Config> readUmT5ConfigFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError(ErrorCode::NotFound, path + ": cannot open the text encoder config");
    std::ostringstream text;
    text << in.rdbuf();
    return parseUmT5ConfigJson(text.str(), path);
}

std::string umT5ConfigToJson(const UmT5Config &config)
{
    nlohmann::json root;
    root["architectures"] = {"UMT5EncoderModel"};
    root["model_type"] = "umt5";
    root["vocab_size"] = config.vocabSize;
    root["d_model"] = config.dim;
    root["d_kv"] = config.dimAttn / config.numHeads;
    root["d_ff"] = config.dimFfn;
    root["num_heads"] = config.numHeads;
    root["num_layers"] = config.numLayers;
    root["relative_attention_num_buckets"] = config.numBuckets;
    root["relative_attention_max_distance"] = config.maxDistance;
    root["layer_norm_epsilon"] = config.eps;
    root["feed_forward_proj"] = "gated-gelu";
    root["dense_act_fn"] = "gelu_new";
    root["is_gated_act"] = true;
    root["pad_token_id"] = 0;
    root["eos_token_id"] = 1;
    return root.dump(2) + "\n";
}

} // namespace mbq::text
