#pragma once
// The Q site: the point in a self-attention layer where the queries are final (after the
// projection, the q-norm and the positional rotation) and about to meet the keys. Motion
// transfer captures the source's Q here and injects it into the target's pass. Models call the
// hook once per layer per forward; with no hook installed they skip the call entirely.

#include "kernels/qswap.h"

#include <ATen/ATen.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace mbq::attention {

// Which classifier-free-guidance branch a batch row belongs to.
enum class GuidanceBranch { Conditional, Unconditional, Source };

// Token layout of a video model's self-attention: F×H×W tokens, frame-major then row-major.
struct TokenGrid
{
    int64_t frames = 0;
    int64_t height = 0;
    int64_t width = 0;
    int64_t tokens() const { return frames * height * width; }
};

// What a model forward is doing; set by the caller (a pipeline) for every model call.
struct ForwardContext
{
    int step = -1; // sampler step index (0 = noisiest); -1 outside a sampling loop
    // One per batch item (video), item-major; empty = all Conditional. A site's q may hold
    // several rows per item (VC2 folds frames or pixels into rows); Wan has one row per item.
    std::vector<GuidanceBranch> branches;
};

// Everything a hook may need to decide what to do at one site.
struct QSite
{
    const std::string &layer; // stable layer id, e.g. "block.7" for Wan
    int layerIndex = 0;       // position of the layer in network order
    const ForwardContext &context;
    int64_t heads = 0;        // q's channels are heads × head_dim, head-major
    TokenGrid grid;           // the layout of q's tokens (dimension 1): grid.tokens() == q.size(1)
};

// A site's Q before its last steps, from a model that can fuse a swap into them (Wan: norm,
// rotation and swap in one pass, kernels/wan_q_path.h).
struct QProjection
{
    int64_t rows = 0; // q.size(0) once finished
    at::Device device = at::kCPU;
    // The finished Q, [rows, tokens, channels]; with `swap`, q_swap(q, source, *swap) is
    // applied in the same pass.
    std::function<at::Tensor(const at::Tensor &source, const kernels::QSwapParams *swap)> finish;
};

class QHook
{
public:
    virtual ~QHook() = default;
    // q: [batch, tokens, channels], the exact tensor attention will use (its dtype is the
    // model's stream dtype, float32 for Wan). Modify it in place or assign a new tensor of the
    // same shape, dtype and device.
    virtual void onQuery(const QSite &site, at::Tensor &q) = 0;

    // Models with a fusable Q path call this instead of onQuery and attend with what it
    // returns. By default: finish plainly, then onQuery. A hook whose swap covers every row at
    // once hands it to `finish` instead, saving the swap's own read and write of Q.
    virtual at::Tensor onProjection(const QSite &site, const QProjection &projection)
    {
        at::Tensor q = projection.finish({}, nullptr);
        onQuery(site, q);
        return q;
    }
};

} // namespace mbq::attention
