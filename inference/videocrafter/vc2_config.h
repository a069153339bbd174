#pragma once
// VideoCrafter2 hyper-parameters: the UNet3D, the SD kl-f8 AutoencoderKL, the OpenCLIP text
// tower and the DDPM schedule. Defaults are the official configs/inference_t2v_512_v2.0.yaml
// values (and open_clip's ViT-H-14 text tower); a model folder's config.json, written by mbq's
// tiny-model writer, overrides them for small test variants. Torch-free.

#include "inference/result.h"
#include "inference/sched/ddpm_schedule.h"
#include "inference/text/clip_text_config.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mbq::vc2 {

struct Vc2UNetConfig
{
    int64_t inChannels = 4;
    int64_t outChannels = 4;
    int64_t modelChannels = 320;
    std::vector<int64_t> channelMult {1, 2, 4, 4};
    int64_t numResBlocks = 2;
    std::vector<int64_t> attentionResolutions {4, 2, 1}; // downsample factors with attention
    int64_t numHeadChannels = 64;
    int64_t transformerDepth = 1;
    int64_t temporalTransformerDepth = 1;
    int64_t contextDim = 1024;
    bool additionAttention = true; // the init_attn temporal transformer after conv_in
    int64_t initAttnHeads = 8; // init_attn: 8 heads of num_head_channels (inner 512)
    bool fpsCond = true;
    // T2V-Turbo-v2 (t2v-turbo's UNetModel): the guidance-scale embedding's width
    // (time_cond_proj) and the motion-guidance embedding's (motion_cond_proj, combine_proj);
    // 0 = absent, as in VideoCrafter2.
    int64_t timeCondProjDim = 0;
    int64_t motionCondProjDim = 0;

    int64_t levels() const { return int64_t(channelMult.size()); }
    int64_t timeEmbedDim() const { return 4 * modelChannels; }
    bool hasAttention(int64_t level) const;
};

struct Vc2VaeConfig
{
    int64_t inChannels = 3;
    int64_t outChannels = 3;
    int64_t ch = 128;
    std::vector<int64_t> chMult {1, 2, 4, 4};
    int64_t numResBlocks = 2;
    int64_t zChannels = 4;
    int64_t embedDim = 4;
    double scaleFactor = 0.18215;

    int64_t downFactor() const { return int64_t(1) << (chMult.size() - 1); }
};

struct Vc2Config
{
    Vc2UNetConfig unet;
    Vc2VaeConfig vae;
    text::ClipTextConfig text;
    sched::DdpmScheduleConfig schedule;
};

// Buildable values (positive sizes, channels divisible by 32 for GroupNorm and by the head
// width...). InvalidArgument naming the key and `origin`.
Result<void> validateVc2Config(const Vc2Config &config, const std::string &origin);

// {"unet": {...}, "first_stage": {...}, "cond_stage": {...}, "schedule": {...}} with the YAML's
// key names; missing keys keep the defaults. Features VC2 does not use (relative position,
// causal or cross temporal attention, scale-shift norm, no temporal conv) are Unsupported.
Result<Vc2Config> parseVc2Config(const std::string &jsonText, const std::string &origin);
Result<Vc2Config> readVc2Config(const std::string &path);
std::string vc2ConfigJson(const Vc2Config &config);

} // namespace mbq::vc2
