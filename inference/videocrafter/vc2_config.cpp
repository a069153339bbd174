#include "inference/videocrafter/vc2_config.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace mbq::vc2 {

namespace {

using Json = nlohmann::json;

constexpr size_t kMaxConfigBytes = 1 << 20;

Error configError(const std::string &origin, const std::string &what)
{
    return makeError(ErrorCode::InvalidArgument, origin + ": " + what);
}

// Reads the keys of one section; the first problem wins and is kept in `error`.
class Section
{
public:
    Section(const Json &json, std::string name, const std::string &origin, Error *error)
        : m_name(std::move(name))
        , m_origin(origin)
        , m_error(error)
    {
        if (json.contains(m_name) && !json[m_name].is_object())
            fail("\"" + m_name + "\" must be an object");
        else if (json.contains(m_name))
            m_json = json[m_name];
    }

    bool ok() const { return m_ok; }

    void integer(const char *key, int64_t *out)
    {
        if (const Json *value = find(key)) {
            if (value->is_number_integer())
                *out = value->get<int64_t>();
            else
                fail(where(key) + " must be an integer");
        }
    }

    void number(const char *key, double *out)
    {
        if (const Json *value = find(key)) {
            if (value->is_number())
                *out = value->get<double>();
            else
                fail(where(key) + " must be a number");
        }
    }

    void boolean(const char *key, bool *out)
    {
        if (const Json *value = find(key)) {
            if (value->is_boolean())
                *out = value->get<bool>();
            else
                fail(where(key) + " must be true or false");
        }
    }

    void integers(const char *key, std::vector<int64_t> *out)
    {
        const Json *value = find(key);
        if (!value)
            return;
        std::vector<int64_t> list;
        for (const Json &item : value->is_array() ? *value : Json::array()) {
            if (!item.is_number_integer())
                break;
            list.push_back(item.get<int64_t>());
        }
        if (!value->is_array() || list.size() != value->size() || list.empty())
            fail(where(key) + " must be a non-empty list of integers");
        else
            *out = list;
    }

    // A feature VC2 does not have: accepted only at the value VC2 uses.
    void requireBool(const char *key, bool vc2Value)
    {
        bool value = vc2Value;
        boolean(key, &value);
        if (m_ok && value != vc2Value) {
            *m_error = makeError(ErrorCode::Unsupported,
                                 m_origin + ": " + where(key) + " = " + (value ? "true" : "false")
                                     + " is not supported (VideoCrafter2 uses "
                                     + (vc2Value ? "true" : "false") + ")");
            m_ok = false;
        }
    }

private:
    const Json *find(const char *key) const
    {
        if (!m_ok || !m_json.contains(key) || m_json[key].is_null())
            return nullptr;
        return &m_json[key];
    }

    std::string where(const char *key) const { return "\"" + m_name + "." + key + "\""; }

    void fail(const std::string &what)
    {
        if (m_ok)
            *m_error = configError(m_origin, what);
        m_ok = false;
    }

    Json m_json = Json::object();
    std::string m_name;
    const std::string &m_origin;
    Error *m_error;
    bool m_ok = true;
};

Result<void> positive(const std::string &origin, const char *key, int64_t value)
{
    if (value < 1)
        return configError(origin,
                           std::string(key) + " must be >= 1, got " + std::to_string(value));
    return {};
}

Result<void> groupable(const std::string &origin, const char *what, int64_t channels)
{
    if (channels % 32)
        return configError(origin,
                           std::string(what)
                               + " widths must be multiples of 32 "
                                 "(GroupNorm uses 32 groups), got "
                               + std::to_string(channels));
    return {};
}

} // namespace

bool Vc2UNetConfig::hasAttention(int64_t level) const
{
    const int64_t factor = int64_t(1) << level;
    return std::find(attentionResolutions.begin(), attentionResolutions.end(), factor)
        != attentionResolutions.end();
}

Result<void> validateVc2Config(const Vc2Config &config, const std::string &origin)
{
    const Vc2UNetConfig &u = config.unet;
    for (const auto &[key, value] :
         {std::pair {"unet.in_channels", u.inChannels},
          {"unet.out_channels", u.outChannels},
          {"unet.model_channels", u.modelChannels},
          {"unet.num_res_blocks", u.numResBlocks},
          {"unet.num_head_channels", u.numHeadChannels},
          {"unet.transformer_depth", u.transformerDepth},
          {"unet.temporal_transformer_depth", u.temporalTransformerDepth},
          {"unet.context_dim", u.contextDim},
          {"unet.init_attn_heads", u.initAttnHeads},
          {"first_stage.ch", config.vae.ch},
          {"first_stage.num_res_blocks", config.vae.numResBlocks},
          {"first_stage.z_channels", config.vae.zChannels},
          {"first_stage.embed_dim", config.vae.embedDim},
          {"cond_stage.width", config.text.width},
          {"cond_stage.heads", config.text.heads},
          {"cond_stage.layers", config.text.layers},
          {"cond_stage.mlp_width", config.text.mlpWidth},
          {"cond_stage.vocab_size", config.text.vocabSize},
          {"cond_stage.context_length", config.text.contextLength},
          {"cond_stage.embed_dim", config.text.embedDim}}) {
        if (auto valid = positive(origin, key, value); !valid)
            return valid;
    }
    if (u.channelMult.size() > 8 || config.vae.chMult.size() > 8)
        return configError(origin, "at most 8 resolution levels are supported");
    for (int64_t mult : u.channelMult) {
        if (auto valid = positive(origin, "unet.channel_mult entries", mult); !valid)
            return valid;
        if (auto valid = groupable(origin, "UNet level", mult * u.modelChannels); !valid)
            return valid;
        if ((mult * u.modelChannels) % u.numHeadChannels)
            return configError(origin,
                               "unet level widths must be multiples of "
                               "num_head_channels ("
                                   + std::to_string(u.numHeadChannels) + ")");
    }
    for (int64_t mult : config.vae.chMult) {
        if (auto valid = positive(origin, "first_stage.ch_mult entries", mult); !valid)
            return valid;
        if (auto valid = groupable(origin, "VAE level", mult * config.vae.ch); !valid)
            return valid;
    }
    if (u.timeCondProjDim < 0 || u.motionCondProjDim < 0)
        return configError(origin, "unet.time_cond_proj_dim and motion_cond_proj_dim must be >= 0");
    // The official forward asserts this: the motion embedding is combined with the guidance one.
    if (u.motionCondProjDim > 0 && u.timeCondProjDim == 0)
        return configError(origin, "unet.motion_cond_proj_dim needs unet.time_cond_proj_dim");
    if (config.text.width % config.text.heads)
        return configError(origin, "cond_stage.width must be a multiple of cond_stage.heads");
    if (config.text.skipLayers < 0 || config.text.skipLayers >= config.text.layers)
        return configError(origin, "cond_stage.skip_layers must be in [0, layers)");
    if (config.unet.contextDim != config.text.width)
        return configError(origin,
                           "unet.context_dim (" + std::to_string(u.contextDim)
                               + ") must equal cond_stage.width ("
                               + std::to_string(config.text.width) + ")");
    if (config.vae.embedDim != config.unet.inChannels
        || config.vae.embedDim != config.unet.outChannels)
        return configError(origin, "first_stage.embed_dim must equal the UNet's in/out channels");
    if (!(config.vae.scaleFactor > 0))
        return configError(origin, "first_stage.scale_factor must be > 0");
    return {};
}

Result<Vc2Config> parseVc2Config(const std::string &jsonText, const std::string &origin)
{
    const Json json = Json::parse(jsonText, nullptr, false);
    if (json.is_discarded() || !json.is_object())
        return makeError(ErrorCode::BadFormat, origin + " is not a JSON object");
    Vc2Config config;
    Error error;

    Section unet(json, "unet", origin, &error);
    Vc2UNetConfig &u = config.unet;
    unet.integer("in_channels", &u.inChannels);
    unet.integer("out_channels", &u.outChannels);
    unet.integer("model_channels", &u.modelChannels);
    unet.integers("channel_mult", &u.channelMult);
    unet.integer("num_res_blocks", &u.numResBlocks);
    unet.integers("attention_resolutions", &u.attentionResolutions);
    unet.integer("num_head_channels", &u.numHeadChannels);
    unet.integer("transformer_depth", &u.transformerDepth);
    unet.integer("temporal_transformer_depth", &u.temporalTransformerDepth);
    unet.integer("context_dim", &u.contextDim);
    unet.boolean("addition_attention", &u.additionAttention);
    unet.integer("init_attn_heads", &u.initAttnHeads);
    unet.boolean("fps_cond", &u.fpsCond);
    unet.integer("time_cond_proj_dim", &u.timeCondProjDim);
    unet.integer("motion_cond_proj_dim", &u.motionCondProjDim);
    unet.requireBool("use_linear", true);
    unet.requireBool("temporal_conv", true);
    unet.requireBool("temporal_attention", true);
    unet.requireBool("temporal_selfatt_only", true);
    unet.requireBool("use_relative_position", false);
    unet.requireBool("use_causal_attention", false);
    unet.requireBool("use_scale_shift_norm", false);
    unet.requireBool("resblock_updown", false);
    if (!unet.ok())
        return error;

    Section vae(json, "first_stage", origin, &error);
    Vc2VaeConfig &v = config.vae;
    vae.integer("in_channels", &v.inChannels);
    vae.integer("out_ch", &v.outChannels);
    vae.integer("ch", &v.ch);
    vae.integers("ch_mult", &v.chMult);
    vae.integer("num_res_blocks", &v.numResBlocks);
    vae.integer("z_channels", &v.zChannels);
    vae.integer("embed_dim", &v.embedDim);
    vae.number("scale_factor", &v.scaleFactor);
    vae.requireBool("double_z", true);
    if (!vae.ok())
        return error;

    Section text(json, "cond_stage", origin, &error);
    text::ClipTextConfig &t = config.text;
    text.integer("vocab_size", &t.vocabSize);
    text.integer("context_length", &t.contextLength);
    text.integer("width", &t.width);
    text.integer("heads", &t.heads);
    text.integer("layers", &t.layers);
    text.integer("mlp_width", &t.mlpWidth);
    text.integer("embed_dim", &t.embedDim);
    text.integer("skip_layers", &t.skipLayers);
    if (!text.ok())
        return error;

    Section schedule(json, "schedule", origin, &error);
    sched::DdpmScheduleConfig &s = config.schedule;
    int64_t timesteps = s.timesteps, midStep = s.scaleMidStep;
    schedule.integer("timesteps", &timesteps);
    schedule.number("linear_start", &s.linearStart);
    schedule.number("linear_end", &s.linearEnd);
    schedule.boolean("use_scale", &s.useScale);
    schedule.number("scale_a", &s.scaleA);
    schedule.number("scale_b", &s.scaleB);
    schedule.integer("mid_step", &midStep);
    if (!schedule.ok())
        return error;
    if (timesteps < 2 || timesteps > 100000 || midStep < 2 || midStep > 100000)
        return configError(origin,
                           "schedule.timesteps and schedule.mid_step must be in "
                           "[2, 100000]");
    s.timesteps = int(timesteps);
    s.scaleMidStep = int(midStep);

    if (auto valid = validateVc2Config(config, origin); !valid)
        return valid.error();
    return config;
}

Result<Vc2Config> readVc2Config(const std::string &path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return makeError(ErrorCode::NotFound, "cannot open VideoCrafter2 config " + path);
    std::ostringstream text;
    text << file.rdbuf();
    if (text.str().size() > kMaxConfigBytes)
        return makeError(ErrorCode::BadFormat, path + " is too large to be a model config");
    return parseVc2Config(text.str(), path);
}

std::string vc2ConfigJson(const Vc2Config &config)
{
    const Vc2UNetConfig &u = config.unet;
    const Vc2VaeConfig &v = config.vae;
    const text::ClipTextConfig &t = config.text;
    const sched::DdpmScheduleConfig &s = config.schedule;
    const Json json = {{"family", u.timeCondProjDim > 0 ? "t2v-turbo-v2" : "videocrafter2"},
                       {"unet",
                        {{"in_channels", u.inChannels},
                         {"out_channels", u.outChannels},
                         {"model_channels", u.modelChannels},
                         {"channel_mult", u.channelMult},
                         {"num_res_blocks", u.numResBlocks},
                         {"attention_resolutions", u.attentionResolutions},
                         {"num_head_channels", u.numHeadChannels},
                         {"transformer_depth", u.transformerDepth},
                         {"temporal_transformer_depth", u.temporalTransformerDepth},
                         {"context_dim", u.contextDim},
                         {"addition_attention", u.additionAttention},
                         {"init_attn_heads", u.initAttnHeads},
                         {"fps_cond", u.fpsCond}}},
                       {"first_stage",
                        {{"in_channels", v.inChannels},
                         {"out_ch", v.outChannels},
                         {"ch", v.ch},
                         {"ch_mult", v.chMult},
                         {"num_res_blocks", v.numResBlocks},
                         {"z_channels", v.zChannels},
                         {"embed_dim", v.embedDim},
                         {"scale_factor", v.scaleFactor}}},
                       {"cond_stage",
                        {{"vocab_size", t.vocabSize},
                         {"context_length", t.contextLength},
                         {"width", t.width},
                         {"heads", t.heads},
                         {"layers", t.layers},
                         {"mlp_width", t.mlpWidth},
                         {"embed_dim", t.embedDim},
                         {"skip_layers", t.skipLayers}}},
                       {"schedule",
                        {{"timesteps", s.timesteps},
                         {"linear_start", s.linearStart},
                         {"linear_end", s.linearEnd},
                         {"use_scale", s.useScale},
                         {"scale_a", s.scaleA},
                         {"scale_b", s.scaleB},
                         {"mid_step", s.scaleMidStep}}}};
    // Written only when present, so VideoCrafter2 configs stay as they were.
    Json out = json;
    if (u.timeCondProjDim > 0)
        out["unet"]["time_cond_proj_dim"] = u.timeCondProjDim;
    if (u.motionCondProjDim > 0)
        out["unet"]["motion_cond_proj_dim"] = u.motionCondProjDim;
    return out.dump(2) + "\n";
}

} // namespace mbq::vc2
