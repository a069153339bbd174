#pragma once
// Causal 3D convolution and the official frame-chunk feature cache (wan/modules/vae.py).
// A causal conv pads time only at the front, so frame t never sees a later frame. The VAE runs
// a video chunk by chunk; every cached conv keeps the last two frames it was fed in its own
// slot, and the next chunk prepends them in place of the zero padding. Slots are taken in call
// order, the counter restarting with each chunk, exactly as the official code indexes them.

#include <ATen/ATen.h>

#include <vector>

namespace mbq::wan::vae {

struct CacheSlot
{
    // Rep marks a temporal upsample that skipped its time conv on the first chunk; the second
    // chunk then runs that conv on zero padding (the official behaviour, quirk included).
    enum class State { Empty, Rep, Frames };
    State state = State::Empty;
    at::Tensor frames; // [B, C, <=2, H, W] when state is Frames
};

class FeatureCache
{
public:
    void beginChunk() { m_next = 0; }
    CacheSlot &nextSlot();
    size_t slotCount() const { return m_slots.size(); }

private:
    std::vector<CacheSlot> m_slots;
    size_t m_next = 0;
};

// Frames kept per slot.
constexpr int64_t kCacheFrames = 2;

// x [B, Cin, T, H, W], weight [Cout, Cin, kt, kh, kw] with odd kernels: pads space
// symmetrically by (k-1)/2 and time at the front by kt-1, the front padding replaced by
// `history` frames when given.
at::Tensor causalConv3d(const at::Tensor &x, const at::Tensor &weight, const at::Tensor &bias,
                        const at::Tensor &history = {});

// One cached conv step: with a cache, takes the next slot, convolves with its frames and
// stores the last two input frames; without one, convolves the whole sequence at once (the
// reference the chunked run must reproduce).
at::Tensor cachedCausalConv3d(const at::Tensor &x, const at::Tensor &weight,
                              const at::Tensor &bias, FeatureCache *cache);

// The frames a slot keeps after seeing x: its last two, topped up with the slot's previous
// last frame when x has only one.
at::Tensor framesToKeep(const at::Tensor &x, const CacheSlot &slot);

} // namespace mbq::wan::vae
