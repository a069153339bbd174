#pragma once
// q_swap: inject source queries into a target's queries in place, the core op of motion
// transfer. Torch-facing wrapper: validates inputs, then dispatches to the CPU reference
// (qswap_cpu.cpp) or the CUDA launcher (qswap.cu) on the tensor's device.

#include <ATen/ATen.h>

#include <optional>

namespace mbq::kernels {

enum class QSwapMode {
    // Where the effective weight is > 0, q becomes q_src exactly; the weight only gates.
    Replace,
    // q <- q + w·(q_src − q), computed in float32 and rounded once to the tensor's dtype.
    Blend,
};

struct QSwapParams
{
    QSwapMode mode = QSwapMode::Replace;
    float weight = 1.0f;     // the layer's weight in [0,1]
    int64_t heads = 1;       // channels = heads × head_dim
    at::Tensor headWeights;  // optional float32 [heads] in [0,1], multiplies `weight`
    at::Tensor tokenMask;    // optional bool/uint8 [tokens]; 0 keeps the target's Q
};

// target: [batch, tokens, channels], contiguous, float32/float16/bfloat16.
// source: [batch or 1, tokens, channels], same dtype and device (batch 1 broadcasts, e.g. one
// source for both guidance branches).
void qSwap_(at::Tensor &target, const at::Tensor &source, const QSwapParams &params);

// Every check qSwap_ makes, with its messages; for ops that fuse the swap into their own pass
// (target may then be an unfilled tensor of the result's shape, dtype and device) or read an
// encoded source (sourceType: the dtype it decodes to, in place of source's own).
void checkQSwapInputs(const at::Tensor &target, const at::Tensor &source,
                      const QSwapParams &params,
                      std::optional<at::ScalarType> sourceType = std::nullopt);

// The CPU reference, also used to check the CUDA kernel. Same contract as qSwap_ but never
// dispatches to CUDA; inputs must already be validated.
void qSwapReference_(at::Tensor &target, const at::Tensor &source, const QSwapParams &params);

// True when this build carries the CUDA kernels and a CUDA device is visible.
bool cudaKernelsAvailable();

} // namespace mbq::kernels
