#include "inference/videocrafter/unet_plan.h"

namespace mbq::vc2 {

namespace {

void addSites(UNetPlan &plan, const UNetBlockPlan &block)
{
    if (block.attention) {
        plan.siteIds.push_back(block.layerId + ".spatial");
        plan.siteIds.push_back(block.layerId + ".temporal");
    }
}

} // namespace

UNetPlan planUNet(const Vc2UNetConfig &config)
{
    UNetPlan plan;
    if (config.additionAttention)
        plan.siteIds.push_back("init.temporal");
    const int64_t levels = config.levels();
    const int64_t mc = config.modelChannels;
    std::vector<int64_t> skipChannels {mc}; // what each input block pushes on the skip stack
    int64_t ch = mc;
    int index = 1;
    for (int64_t level = 0; level < levels; ++level) {
        const int64_t out = config.channelMult[size_t(level)] * mc;
        for (int64_t i = 0; i < config.numResBlocks; ++i) {
            UNetBlockPlan block;
            block.prefix = "input_blocks." + std::to_string(index++) + ".";
            block.layerId = "down." + std::to_string(level) + "." + std::to_string(i);
            block.inChannels = ch;
            block.outChannels = out;
            block.resBlock = true;
            block.attention = config.hasAttention(level);
            block.heads = out / config.numHeadChannels;
            ch = out;
            addSites(plan, block);
            plan.input.push_back(block);
            skipChannels.push_back(ch);
        }
        if (level != levels - 1) {
            UNetBlockPlan block;
            block.prefix = "input_blocks." + std::to_string(index++) + ".";
            block.inChannels = block.outChannels = ch;
            block.downsample = true;
            plan.input.push_back(block);
            skipChannels.push_back(ch);
        }
    }

    plan.middle.prefix = "middle_block.";
    plan.middle.layerId = "mid.0";
    plan.middle.inChannels = plan.middle.outChannels = ch;
    plan.middle.resBlock = true;
    plan.middle.attention = true;
    plan.middle.heads = ch / config.numHeadChannels;
    addSites(plan, plan.middle);

    index = 0;
    for (int64_t level = levels - 1; level >= 0; --level) {
        const int64_t out = config.channelMult[size_t(level)] * mc;
        for (int64_t i = 0; i <= config.numResBlocks; ++i) {
            UNetBlockPlan block;
            block.prefix = "output_blocks." + std::to_string(index++) + ".";
            block.layerId = "up." + std::to_string(levels - 1 - level) + "." + std::to_string(i);
            block.inChannels = ch + skipChannels.back();
            skipChannels.pop_back();
            block.outChannels = out;
            block.resBlock = true;
            block.attention = config.hasAttention(level);
            block.heads = out / config.numHeadChannels;
            ch = out;
            if (level != 0 && i == config.numResBlocks) {
                block.upsample = true;
                block.upsampleLayer = block.attention ? 3 : 1;
            }
            addSites(plan, block);
            plan.output.push_back(block);
        }
    }
    return plan;
}

} // namespace mbq::vc2
