#pragma once
// The Wan2.1 text-to-video diffusion transformer (official wan/modules/model.py, WanModel with
// model_type "t2v"): patch embedding, sinusoidal time embedding with its MLP and 6-way
// projection, text embedding, `num_layers` modulated blocks (self-attention with RMS q/k norm
// and 3D RoPE, cross-attention to the text, GELU-tanh FFN), the 2-way modulated head and
// unpatchify. Every self-attention exposes its Q site to an optional attention::QHook.

#include "inference/attention/q_hook.h"
#include "inference/result.h"
#include "inference/wan/dit_config.h"
#include "inference/wan/dit_weights.h"
#include "inference/wan/rope.h"

#include <ATen/ATen.h>

#include <memory>
#include <string>
#include <vector>

namespace mbq::wan {

class WanDit
{
public:
    WanDit(WanDitConfig config, WanDitWeights weights, WanDitPrecision precision);

    // Locates, configures and loads the DiT of a model folder (either layout).
    static Result<std::unique_ptr<WanDit>> load(const std::string &folder,
                                                const WanDitPrecision &precision);

    const WanDitConfig &config() const { return m_config; }
    const WanDitPrecision &precision() const { return m_precision; }
    int64_t parameterCount() const { return m_weights.parameterCount; }
    // "block.0" .. "block.{num_layers-1}": the injectable layers, in network order.
    const std::vector<std::string> &layerIds() const { return m_layerIds; }

    // Not owned; nullptr (the default) removes it.
    void setQHook(attention::QHook *hook) { m_hook = hook; }

    // x: [B, in_dim, F, H, W] latents; timesteps: [B] on the 0..1000 scale (Wan feeds the
    // scheduler's integer timesteps); context: [B, L, text_dim] with L <= text_len, the text
    // encoder's rows for the real tokens (zero rows are appended up to text_len, as the
    // official model does). Returns the predicted velocity [B, out_dim, F, H, W] in the stream
    // dtype. Errors (never exceptions) for bad shapes and device or memory failures.
    Result<at::Tensor> forward(const at::Tensor &x, const at::Tensor &timesteps,
                               const at::Tensor &context,
                               const attention::ForwardContext &forwardContext = {}) const;

    // The sinusoidal time features [B, freq_dim] float64: cos(t·ω_k) then sin(t·ω_k),
    // ω_k = 10000^(−k/half). Public for tests.
    static at::Tensor timeFeatures(const at::Tensor &timesteps, int64_t freqDim);

private:
    Result<void> checkInputs(const at::Tensor &x, const at::Tensor &timesteps,
                             const at::Tensor &context) const;
    at::Tensor run(const at::Tensor &x, const at::Tensor &timesteps, const at::Tensor &context,
                   const attention::ForwardContext &forwardContext,
                   const WanRope::Tables &rope) const;
    at::Tensor block(int index, const at::Tensor &x, const at::Tensor &e0,
                     const at::Tensor &context, const WanRope::Tables &rope,
                     const attention::QSite &site) const;
    at::Tensor selfAttention(const std::string &prefix, const at::Tensor &h,
                             const WanRope::Tables &rope, const attention::QSite &site) const;
    at::Tensor crossAttention(const std::string &prefix, const at::Tensor &h,
                              const at::Tensor &context) const;
    at::Tensor linear(const std::string &name, const at::Tensor &input) const;
    at::Tensor crossNorm(const std::string &name, const at::Tensor &input) const;
    at::Tensor layerNorm(const at::Tensor &input) const;

    WanDitConfig m_config;
    WanDitWeights m_weights;
    WanDitPrecision m_precision;
    WanRope m_rope;
    std::vector<std::string> m_layerIds;
    attention::QHook *m_hook = nullptr;
};

} // namespace mbq::wan
