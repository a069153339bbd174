#pragma once
// The block structure of VC2's UNetModel (lvdm/modules/networks/openaimodel3d.py) worked out
// once from the config: which input/middle/output block holds which layers, their widths,
// head counts, checkpoint prefixes and the stable Q-site ids. The tensor-shape list and the
// forward both walk this plan, so the names they use cannot drift apart. Torch-free.
//
// Layer ids: "down.L.B" (resolution level L, 0 = full size, ResBlock B of that level),
// "mid.0", "up.U.B" (decoder stage U, 0 = the coarsest as in Diffusers' up_blocks, ResBlock B)
// and "init" for init_attn; each site appends ".spatial" or ".temporal".

#include "inference/videocrafter/vc2_config.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mbq::vc2 {

struct UNetBlockPlan
{
    std::string prefix; // e.g. "input_blocks.4." (layer k of the block is prefix + "k.")
    std::string layerId; // e.g. "down.1.0"; empty for a lone Downsample block
    int64_t inChannels = 0; // of the ResBlock (including the skip for output blocks)
    int64_t outChannels = 0;
    bool resBlock = false;
    bool attention = false; // a SpatialTransformer (layer 1) and a TemporalTransformer (2)
    int64_t heads = 0;
    bool downsample = false; // the block is only a Downsample (layer 0, key "op")
    bool upsample = false; // the block ends with an Upsample (key "conv")
    int upsampleLayer = 0; // its layer index
};

struct UNetPlan
{
    std::vector<UNetBlockPlan> input; // input_blocks.1 .. ; input_blocks.0 is conv_in
    UNetBlockPlan middle; // ResBlock, ST, TT, ResBlock (layers 0..3)
    std::vector<UNetBlockPlan> output;
    // The Q sites in network order ("init.temporal", "down.0.0.spatial", ...).
    std::vector<std::string> siteIds;
};

UNetPlan planUNet(const Vc2UNetConfig &config);

} // namespace mbq::vc2
