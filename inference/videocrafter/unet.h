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

#include "inference/attention/q_hook.h"
#include "inference/result.h"
#include "inference/videocrafter/precision.h"
#include "inference/videocrafter/unet_plan.h"
#include "inference/videocrafter/vc2_checkpoint.h"

#include <ATen/ATen.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace mbq::vc2 {

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
    // (integer or floating); context: [B, L, context_dim]; fps: [B] or [1] (broadcast).
    // Returns ε [B, out_channels, T, H, W] in the model dtype. Errors for bad shapes and
    // device or memory failures, never exceptions.
    Result<at::Tensor> forward(const at::Tensor &x, const at::Tensor &timesteps,
                               const at::Tensor &context, const at::Tensor &fps,
                               const attention::ForwardContext &forwardContext = {}) const;

    // E(t): [B, dim] with cos first and frequencies exp(−ln(10000)·i/half), computed in
    // float32 as the official timestep_embedding (float64 when `wide` is).
    static at::Tensor timestepEmbedding(const at::Tensor &timesteps, int64_t dim,
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
