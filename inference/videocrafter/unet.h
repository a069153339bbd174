#pragma once
// VideoCrafter2's UNet3D (lvdm/modules/networks/openaimodel3d.py UNetModel with the v2.0
// config): sinusoidal time and fps embeddings with their MLPs, conv_in and the init_attn
// temporal transformer, input blocks of ResBlocks (each followed by a temporal conv block)
// with spatial and temporal transformers, a middle block, output blocks fed with the skip
// stack, and the output head. Predicts ε. Internally frames are folded into the batch,
// (B·T, C, H, W) frame-major.
//
// Q sites: every transformer's first attention (attn1) calls the installed QHook with Q after
// to_q and before the head split. Spatial sites see q as (B·T, H·W, C) (row-major pixels,
// grid {1, H, W}); temporal sites as (B·H·W, T, C) (grid {T, 1, 1}); ids as in unet_plan.h.
// ForwardContext.branches has one entry per video of the batch (B), not per q row.
//
// T2V-Turbo-v2's UNet (t2v-turbo's openaimodel3d.py) is this network plus three bias-free
// projections of guidance embeddings, added to the sinusoidal timestep input of the time MLP:
//   g   = time_cond_proj( W(w) )                                       (timestep_cond)
//   g   = combine_proj( cat[ g, motion_cond_proj( W(m) ) ] )           (with motion_cond)
//   emb = time_embed( E(t) + g ) + fps_embedding( E(fps) )
// where W is guidanceEmbedding. The guidance thus enters without a second, unconditional pass.

#include "inference/attention/q_hook.h"
#include "inference/result.h"
#include "inference/videocrafter/precision.h"
#include "inference/videocrafter/unet_plan.h"
#include "inference/videocrafter/vc2_checkpoint.h"

#include <ATen/ATen.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mbq::vc2 {

// T2V-Turbo-v2's extra inputs: the guidance scale w (timestep_cond) and the motion-guidance
// scale m (motion_cond, only with w). Unset inputs are left out, as the official forward
// allows; VideoCrafter2's UNet takes neither.
struct TurboCondition
{
    std::optional<double> guidance;
    std::optional<double> motion;
};

class Vc2UNet
{
public:
    Vc2UNet(Vc2UNetConfig config, Vc2Weights weights, Vc2Precision precision);

    static Result<std::unique_ptr<Vc2UNet>> load(const Vc2Checkpoint &checkpoint,
                                                 const Vc2UNetConfig &config,
                                                 const Vc2Precision &precision);

    const Vc2UNetConfig &config() const { return m_config; }
    const Vc2Precision &precision() const { return m_precision; }
    // The Q-site ids in network order.
    const std::vector<std::string> &layerIds() const { return m_plan.siteIds; }

    // Not owned; nullptr removes it.
    void setQHook(attention::QHook *hook) { m_hook = hook; }

    // x: [B, in_channels, T, H, W] with H and W multiples of 2^(levels−1); timesteps: [B]
    // (integer or floating); context: [B, L, context_dim]; fps: [B] or [1] (broadcast);
    // turbo: T2V-Turbo-v2's guidance inputs, the same for the whole batch.
    // Returns ε [B, out_channels, T, H, W] in the model dtype. Errors for bad shapes, for a
    // turbo input this UNet has no projection for, and device or memory failures, never
    // exceptions.
    Result<at::Tensor> forward(const at::Tensor &x, const at::Tensor &timesteps,
                               const at::Tensor &context, const at::Tensor &fps,
                               const attention::ForwardContext &forwardContext = {},
                               const TurboCondition &turbo = {}) const;

    // The embedding every ResBlock receives, [B, 4·model_channels] in the model dtype, before
    // it is repeated per frame. Same arguments and errors as forward.
    Result<at::Tensor> embedding(const at::Tensor &timesteps, const at::Tensor &fps,
                                 const TurboCondition &turbo = {}) const;

    // E(t): [B, dim] with cos first and frequencies exp(−ln(10000)·i/half), computed in
    // float32 as the official timestep_embedding (float64 when `wide` is).
    static at::Tensor timestepEmbedding(const at::Tensor &timesteps, int64_t dim,
                                        at::ScalarType wide = at::kFloat);
    // W(w): [B, dim], T2V-Turbo's get_w_embedding / guidance_scale_embedding: v = 1000·w,
    // frequencies exp(−i·ln(10000)/(half − 1)), sin first (unlike E), computed in float32 as
    // the official code does (float64 when `wide` is).
    static at::Tensor guidanceEmbedding(const at::Tensor &scales, int64_t dim,
                                        at::ScalarType wide = at::kFloat);

private:
    // What every block of one forward needs.
    struct Pass
    {
        int64_t batch = 0;
        int64_t frames = 0;
        at::Tensor emb; // [B·T, 4·model_channels]
        at::Tensor context; // [B·T, L, context_dim]
        const attention::ForwardContext *forward = nullptr;
    };

    Result<void> checkInputs(const at::Tensor &x, const at::Tensor &timesteps,
                             const at::Tensor &context, const at::Tensor &fps) const;
    Result<void> checkConditions(const at::Tensor &timesteps, const at::Tensor &fps,
                                 const TurboCondition &turbo) const;
    // embedding() without the checks and the error translation.
    at::Tensor embed(const at::Tensor &timesteps, const at::Tensor &fps,
                     const TurboCondition &turbo) const;
    at::Tensor run(const at::Tensor &x, Pass &pass) const;
    at::Tensor block(const UNetBlockPlan &plan, at::Tensor h, const Pass &pass) const;

    // unet_layers.cpp
    at::Tensor resBlock(const std::string &prefix, const at::Tensor &x, int64_t inChannels,
                        int64_t outChannels, const Pass &pass) const;
    at::Tensor temporalConv(const std::string &prefix, const at::Tensor &h, const Pass &pass) const;
    at::Tensor spatialTransformer(const std::string &prefix, const at::Tensor &h, int64_t heads,
                                  const std::string &siteId, const Pass &pass) const;
    at::Tensor temporalTransformer(const std::string &prefix, const at::Tensor &h, int64_t heads,
                                   bool conv1d, const std::string &siteId, const Pass &pass) const;
    at::Tensor transformerBlock(const std::string &prefix, at::Tensor x, const at::Tensor &context,
                                int64_t heads, const attention::QSite *site, int64_t depth) const;
    at::Tensor attention(const std::string &prefix, const at::Tensor &x, const at::Tensor &context,
                         int64_t heads, const attention::QSite *site) const;
    at::Tensor linear(const std::string &name, const at::Tensor &x, bool bias = true) const;
    at::Tensor conv2d(const std::string &name, const at::Tensor &x, int64_t stride = 1,
                      int64_t padding = 1) const;
    at::Tensor groupNorm(const std::string &name, const at::Tensor &x, double eps) const;
    at::Tensor layerNorm(const std::string &name, const at::Tensor &x) const;
    const at::Tensor &weight(const std::string &name) const;

    Vc2UNetConfig m_config;
    Vc2Weights m_weights;
    Vc2Precision m_precision;
    UNetPlan m_plan;
    std::map<std::string, int> m_siteIndex;
    attention::QHook *m_hook = nullptr;
};

} // namespace mbq::vc2
