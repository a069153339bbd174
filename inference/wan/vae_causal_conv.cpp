#include "inference/wan/vae_causal_conv.h"

namespace mbq::wan::vae {

using at::indexing::None;
using at::indexing::Slice;

CacheSlot &FeatureCache::nextSlot()
{
    if (m_next == m_slots.size())
        m_slots.emplace_back();
    return m_slots[m_next++];
}

at::Tensor causalConv3d(const at::Tensor &x, const at::Tensor &weight, const at::Tensor &bias,
                        const at::Tensor &history)
{
    const int64_t padT = weight.size(2) - 1;
    const int64_t padH = (weight.size(3) - 1) / 2;
    const int64_t padW = (weight.size(4) - 1) / 2;
    at::Tensor input = x;
    int64_t front = padT;
    if (history.defined() && padT > 0) {
        input = at::cat({history, x}, 2);
        front -= history.size(2);
    }
    // Pad order is last dim first: W, H, then T (front, back).
    input = at::constant_pad_nd(input, {padW, padW, padH, padH, front, 0}, 0);
    return at::conv3d(input, weight, bias);
}

at::Tensor framesToKeep(const at::Tensor &x, const CacheSlot &slot)
{
    // A copy, so the slot does not keep the whole chunk's activation alive.
    at::Tensor keep = x.index({Slice(), Slice(), Slice(-kCacheFrames, None)}).clone();
    if (keep.size(2) < kCacheFrames && slot.state == CacheSlot::State::Frames)
        keep = at::cat({slot.frames.index({Slice(), Slice(), Slice(-1, None)}), keep}, 2);
    return keep;
}

at::Tensor cachedCausalConv3d(const at::Tensor &x, const at::Tensor &weight,
                              const at::Tensor &bias, FeatureCache *cache)
{
    if (!cache)
        return causalConv3d(x, weight, bias);
    CacheSlot &slot = cache->nextSlot();
    at::Tensor keep = framesToKeep(x, slot);
    at::Tensor out = causalConv3d(x, weight, bias, slot.frames);
    slot.state = CacheSlot::State::Frames;
    slot.frames = std::move(keep);
    return out;
}

} // namespace mbq::wan::vae
