#pragma once
// Device helpers shared by the CUDA kernels: element conversions with explicit rounding and the
// swap of one value. Every arithmetic step names its rounding (no fused multiply-add), so the
// kernels match the ATen references bit for bit wherever the references' order is the same.

#include "kernels/qswap_cuda.h"

#include <cuda_bf16.h>
#include <cuda_fp16.h>

namespace mbq::kernels::cuda {

__device__ inline float toFloat(float v)
{
    return v;
}
__device__ inline float toFloat(__half v)
{
    return __half2float(v);
}
__device__ inline float toFloat(__nv_bfloat16 v)
{
    return __bfloat162float(v);
}

template<class T> __device__ inline T fromFloat(float v);
template<> __device__ inline float fromFloat<float>(float v)
{
    return v;
}
template<> __device__ inline __half fromFloat<__half>(float v)
{
    return __float2half_rn(v);
}
template<> __device__ inline __nv_bfloat16 fromFloat<__nv_bfloat16>(float v)
{
    return __float2bfloat16_rn(v);
}

// The layer weight times the head's weight, or 0 where the token mask excludes the token.
__device__ inline float effectiveWeight(const SwapWeights &w, int64_t token, int64_t head)
{
    float weight = w.weight;
    if (w.headWeights)
        weight = __fmul_rn(weight, w.headWeights[head]);
    if (w.tokenMask && w.tokenMask[token] == 0)
        weight = 0.0f;
    return weight;
}

// Blend: t + w·(s − t) in float32, as qSwapReference_ computes it.
__device__ inline float blendValue(float target, float source, float w)
{
    return __fadd_rn(target, __fmul_rn(w, __fsub_rn(source, target)));
}

} // namespace mbq::kernels::cuda
