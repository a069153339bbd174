#include "inference/wan/vae_config.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace mbq::wan {

namespace {

using nlohmann::json;

Error configError(const std::string &origin, const std::string &what)
{
    return makeError(ErrorCode::InvalidArgument, origin + ": " + what);
}

bool readInt(const json &object, const char *key, int *out)
{
    if (!object.contains(key) || object[key].is_null())
        return true;
    if (!object[key].is_number_integer())
        return false;
    *out = object[key].get<int>();
    return true;
}

template<class T>
bool readList(const json &object, const char *key, std::vector<T> *out)
{
    if (!object.contains(key))
        return true;
    const json &value = object[key];
    if (!value.is_array())
        return false;
    std::vector<T> list;
    for (const json &item : value) {
        if constexpr (std::is_same_v<T, bool>) {
            if (!item.is_boolean())
                return false;
        } else if constexpr (std::is_same_v<T, int>) {
            if (!item.is_number_integer())
                return false;
        } else if (!item.is_number()) {
            return false;
        }
        list.push_back(item.get<T>());
    }
    *out = std::move(list);
    return true;
}

} // namespace

int WanVaeConfig::temporalFactor() const
{
    int factor = 1;
    for (bool halves : temporalDownsample)
        factor *= halves ? 2 : 1;
    return factor;
}

int WanVaeConfig::spatialFactor() const
{
    return 1 << temporalDownsample.size();
}

Result<void> WanVaeConfig::validate() const
{
    const auto bad = [](const std::string &what) {
        return makeError(ErrorCode::InvalidArgument, "VAE config: " + what);
    };
    if (zDim < 1 || baseDim < 1 || decoderBaseDim < 1)
        return bad("z_dim, base_dim and decoder_base_dim must be positive");
    if (numResBlocks < 1)
        return bad("num_res_blocks must be at least 1");
    if (dimMult.size() < 2)
        return bad("dim_mult needs at least two entries");
    for (int mult : dimMult) {
        if (mult < 1)
            return bad("dim_mult entries must be positive");
    }
    if (temporalDownsample.size() + 1 != dimMult.size())
        return bad("temperal_downsample needs " + std::to_string(dimMult.size() - 1)
                   + " entries (one per downsample), got "
                   + std::to_string(temporalDownsample.size()));
    // Every decoder upsample halves the channels, so the widths must stay even there.
    for (size_t i = 1; i < dimMult.size(); ++i) {
        if ((decoderBaseDim * dimMult[i]) % 2 != 0)
            return bad("decoder widths must be even before each upsample");
    }
    if (int(latentsMean.size()) != zDim || int(latentsStd.size()) != zDim)
        return bad("latents_mean and latents_std need z_dim (" + std::to_string(zDim)
                   + ") entries");
    for (float value : latentsStd) {
        if (!(value > 0.0f))
            return bad("latents_std entries must be positive");
    }
    return {};
}

Result<WanVaeConfig> parseVaeConfigJson(const std::string &text, const std::string &origin)
{
    const json root = json::parse(text, nullptr, false);
    if (root.is_discarded() || !root.is_object())
        return makeError(ErrorCode::BadFormat, origin + ": not a JSON object");
    WanVaeConfig config;
    bool haveDecoderDim = root.contains("decoder_base_dim") && !root["decoder_base_dim"].is_null();
    if (!readInt(root, "z_dim", &config.zDim) || !readInt(root, "base_dim", &config.baseDim)
        || !readInt(root, "decoder_base_dim", &config.decoderBaseDim)
        || !readInt(root, "num_res_blocks", &config.numResBlocks))
        return configError(origin, "z_dim, base_dim, decoder_base_dim and num_res_blocks must "
                                   "be integers");
    if (!haveDecoderDim)
        config.decoderBaseDim = config.baseDim;
    if (!readList(root, "dim_mult", &config.dimMult)
        || !readList(root, "temperal_downsample", &config.temporalDownsample)
        || !readList(root, "latents_mean", &config.latentsMean)
        || !readList(root, "latents_std", &config.latentsStd))
        return configError(origin, "dim_mult, temperal_downsample, latents_mean and latents_std "
                                   "must be lists of numbers (booleans for the flags)");
    if (root.contains("is_residual") && root["is_residual"].is_boolean()
        && root["is_residual"].get<bool>())
        return makeError(ErrorCode::Unsupported,
                         origin + ": is_residual is the Wan2.2 VAE, which is not supported");
    if (root.contains("attn_scales") && root["attn_scales"].is_array()
        && !root["attn_scales"].empty())
        return makeError(ErrorCode::Unsupported,
                         origin + ": attention outside the middle blocks (attn_scales) is not "
                                  "supported; Wan2.1 has none");
    for (const char *key : {"in_channels", "out_channels"}) {
        if (root.contains(key) && !(root[key].is_number_integer() && root[key].get<int>() == 3))
            return makeError(ErrorCode::Unsupported, origin + ": " + key + " must be 3 (RGB)");
    }
    if (auto valid = config.validate(); !valid)
        return configError(origin, valid.error().message);
    return config;
}

Result<WanVaeConfig> readVaeConfigFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError(ErrorCode::NotFound, path + ": cannot open the VAE config");
    std::ostringstream text;
    text << in.rdbuf();
    return parseVaeConfigJson(text.str(), path);
}

std::string vaeConfigToJson(const WanVaeConfig &config)
{
    json root;
    root["_class_name"] = "AutoencoderKLWan";
    root["base_dim"] = config.baseDim;
    root["decoder_base_dim"] = config.decoderBaseDim;
    root["z_dim"] = config.zDim;
    root["dim_mult"] = config.dimMult;
    root["num_res_blocks"] = config.numResBlocks;
    root["attn_scales"] = json::array();
    root["temperal_downsample"] = config.temporalDownsample;
    root["dropout"] = 0.0;
    root["latents_mean"] = config.latentsMean;
    root["latents_std"] = config.latentsStd;
    root["is_residual"] = false;
    root["in_channels"] = 3;
    root["out_channels"] = 3;
    return root.dump(2) + "\n";
}

} // namespace mbq::wan
