#include "inference/wan/vae_blocks.h"


#include <cmath>
#include <stdexcept>

namespace mbq::wan::vae {

namespace {

// [B, C, T, H, W] <-> [B·T, C, H, W], for the per-frame 2D layers.
at::Tensor framesAsBatch(const at::Tensor &x)
{
    return x.permute({0, 2, 1, 3, 4}).reshape({x.size(0) * x.size(2), x.size(1), x.size(3),
                                               x.size(4)});
}

at::Tensor batchAsFrames(const at::Tensor &x, int64_t batch)
{
    return x.reshape({batch, x.size(0) / batch, x.size(1), x.size(2), x.size(3)})
        .permute({0, 2, 1, 3, 4});
}

at::Tensor firstFrame(const at::Tensor &x)
{
    return x.narrow(2, 0, 1);
}

at::Tensor lastFrame(const at::Tensor &x)
{
    return x.narrow(2, x.size(2) - 1, 1);
}

// Channels [0, C) of the 2C-channel time-conv output become frame 2t, [C, 2C) frame 2t+1.
at::Tensor interleaveTime(const at::Tensor &y)
{
    const int64_t b = y.size(0), c = y.size(1) / 2, t = y.size(2), h = y.size(3), w = y.size(4);
    const at::Tensor pairs = y.reshape({b, 2, c, t, h, w});
    return at::stack({pairs.select(1, 0), pairs.select(1, 1)}, 3).reshape({b, c, t * 2, h, w});
}

} // namespace

const at::Tensor &param(const VaeWeights &weights, const std::string &name)
{
    const auto found = weights.find(name);
    if (found == weights.end())
        throw std::logic_error("VAE weight '" + name + "' was not loaded");
    return found->second;
}

at::Tensor rmsNorm(const at::Tensor &x, const at::Tensor &gamma)
{
    const double scale = std::sqrt(double(x.size(1)));
    const at::Tensor norm = x.norm(2, {1}, true).clamp_min(1e-12);
    return x / norm * scale * gamma;
}

at::Tensor residualBlock(const VaeWeights &weights, const std::string &prefix,
                         const at::Tensor &x, FeatureCache *cache)
{
    const auto p = [&](const char *name) -> const at::Tensor & {
        return param(weights, prefix + name);
    };
    const at::Tensor shortcut = weights.count(prefix + ".shortcut.weight")
                                    ? causalConv3d(x, p(".shortcut.weight"), p(".shortcut.bias"))
                                    : x;
    at::Tensor h = at::silu(rmsNorm(x, p(".residual.0.gamma")));
    h = cachedCausalConv3d(h, p(".residual.2.weight"), p(".residual.2.bias"), cache);
    h = at::silu(rmsNorm(h, p(".residual.3.gamma")));
    h = cachedCausalConv3d(h, p(".residual.6.weight"), p(".residual.6.bias"), cache);
    return h + shortcut;
}

at::Tensor attentionBlock(const VaeWeights &weights, const std::string &prefix,
                          const at::Tensor &x)
{
    const int64_t b = x.size(0), c = x.size(1), h = x.size(3), w = x.size(4);
    at::Tensor frames = rmsNorm(framesAsBatch(x), param(weights, prefix + ".norm.gamma"));
    const at::Tensor qkv = at::conv2d(frames, param(weights, prefix + ".to_qkv.weight"),
                                      param(weights, prefix + ".to_qkv.bias"));
    // [N, 3C, H·W] -> [N, 1, H·W, 3C]: q, k, v are channel thirds, positions are tokens.
    const auto parts = qkv.reshape({qkv.size(0), 1, 3 * c, h * w})
                           .permute({0, 1, 3, 2})
                           .contiguous()
                           .chunk(3, -1);
    at::Tensor attended = at::scaled_dot_product_attention(parts[0], parts[1], parts[2]);
    attended = attended.squeeze(1).permute({0, 2, 1}).reshape({qkv.size(0), c, h, w});
    attended = at::conv2d(attended, param(weights, prefix + ".proj.weight"),
                          param(weights, prefix + ".proj.bias"));
    return batchAsFrames(attended, b) + x;
}

at::Tensor downsample(const VaeWeights &weights, const std::string &prefix, const at::Tensor &x,
                      bool temporal, FeatureCache *cache)
{
    at::Tensor frames = at::constant_pad_nd(framesAsBatch(x), {0, 1, 0, 1}, 0);
    frames = at::conv2d(frames, param(weights, prefix + ".resample.1.weight"),
                        param(weights, prefix + ".resample.1.bias"), {2, 2});
    at::Tensor y = batchAsFrames(frames, x.size(0));
    if (!temporal)
        return y;
    const at::Tensor &timeWeight = param(weights, prefix + ".time_conv.weight");
    const at::Tensor &timeBias = param(weights, prefix + ".time_conv.bias");
    const auto timeConv = [&](const at::Tensor &input) {
        return at::conv3d(input, timeWeight, timeBias, {2, 1, 1});
    };
    if (!cache) {
        if (y.size(2) == 1)
            return y;
        return at::cat({firstFrame(y), timeConv(y)}, 2);
    }
    CacheSlot &slot = cache->nextSlot();
    if (slot.state == CacheSlot::State::Empty) {
        // First chunk: keep it, skip the time conv.
        slot.state = CacheSlot::State::Frames;
        slot.frames = y.clone();
        return y;
    }
    const at::Tensor keep = lastFrame(y).clone();
    y = timeConv(at::cat({lastFrame(slot.frames), y}, 2));
    slot.frames = keep;
    return y;
}

at::Tensor upsample(const VaeWeights &weights, const std::string &prefix, const at::Tensor &x,
                    bool temporal, FeatureCache *cache)
{
    at::Tensor y = x;
    if (temporal) {
        const at::Tensor &timeWeight = param(weights, prefix + ".time_conv.weight");
        const at::Tensor &timeBias = param(weights, prefix + ".time_conv.bias");
        if (!cache) {
            // Frame 0 passes; the others form their own causal sequence (the first chunk's frame
            // never reaches the time conv's history, see the Rep protocol below).
            if (x.size(2) > 1)
                y = at::cat({firstFrame(x),
                             interleaveTime(causalConv3d(x.narrow(2, 1, x.size(2) - 1), timeWeight,
                                                         timeBias))},
                            2);
        } else {
            CacheSlot &slot = cache->nextSlot();
            if (slot.state == CacheSlot::State::Empty) {
                slot.state = CacheSlot::State::Rep;
            } else {
                at::Tensor keep = framesToKeep(x, slot);
                const bool afterRep = slot.state == CacheSlot::State::Rep;
                if (afterRep && keep.size(2) < kCacheFrames)
                    keep = at::cat({at::zeros_like(keep), keep}, 2);
                y = interleaveTime(causalConv3d(x, timeWeight, timeBias,
                                                afterRep ? at::Tensor() : slot.frames));
                slot.state = CacheSlot::State::Frames;
                slot.frames = std::move(keep);
            }
        }
    }
    // Nearest-exact and nearest agree for an exact x2.
    at::Tensor frames = at::upsample_nearest2d(framesAsBatch(y),
                                               {2 * y.size(3), 2 * y.size(4)});
    frames = at::conv2d(frames, param(weights, prefix + ".resample.1.weight"),
                        param(weights, prefix + ".resample.1.bias"), {1, 1}, {1, 1});
    return batchAsFrames(frames, y.size(0));
}

} // namespace mbq::wan::vae
