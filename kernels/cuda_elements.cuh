#pragma once
// Device helpers shared by the CUDA kernels: element conversions with explicit rounding and the
// swap of one value. Every arithmetic step names its rounding (no fused multiply-add), so the
// kernels match the ATen references bit for bit wherever the references' order is the same.

#include "kernels/qswap_cuda.h"

#include <cuda_bf16.h>
#include <cuda_fp16.h>
#include <cuda_runtime.h>

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

template<class T> struct TypeTag
{
    using type = T;
};

// typed(TypeTag<T>{}) with T the CUDA type of `type`: how each launcher picks its instance.
template<class Typed> int withElementType(ElementType type, const Typed &typed)
{
    switch (type) {
    case ElementType::Float32:
        return typed(TypeTag<float>{});
    case ElementType::Float16:
        return typed(TypeTag<__half>{});
    case ElementType::BFloat16:
        return typed(TypeTag<__nv_bfloat16>{});
    }
    return int(cudaErrorInvalidValue);
}

constexpr int kGridStrideThreads = 256;

// Blocks of kGridStrideThreads for a grid-stride loop over `items`: enough to cover them, at
// most 8 × 65535 (each thread then loops over the rest).
inline int gridStrideBlocks(int64_t items)
{
    const int64_t wanted = (items + kGridStrideThreads - 1) / kGridStrideThreads;
    return int(wanted < 65535 * 8 ? wanted : 65535 * 8);
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
