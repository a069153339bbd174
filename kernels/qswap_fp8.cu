// CUDA q_swap from an fp8 source. One thread handles 16 bytes of target (4 float32 or 8
// half/bf16 values) and reads their codes (4 or 8 bytes) and one scale: a replace moves a
// quarter (float32) or half (bf16) of a dense source's bytes from the bank.
#include "kernels/cuda_elements.cuh"
#include "kernels/qswap_fp8_cuda.h"

#include <cuda_runtime.h>

#include <type_traits>

namespace mbq::kernels::cuda {
namespace {

// The E4M3 ("fn") value of a code, exact in float32: the same numbers as fp8E4M3Values.
__device__ inline float e4m3Value(uint8_t code)
{
    const int field = (code >> 3) & 0xF, mantissa = code & 7;
    float v = field == 0 ? ldexpf(float(mantissa), -9)
                         : ldexpf(1.0f + float(mantissa) / 8.0f, field - 7);
    if (field == 0xF && mantissa == 7)
        v = __int_as_float(0x7fc00000); // NaN
    return (code & 0x80) ? -v : v;
}

// VEC elements of T per thread; VEC == 1 is the scalar fallback.
template<class T, int VEC>
__global__ void qSwapFp8Kernel(QSwapFp8Launch p, int64_t headDim, int64_t vectors)
{
    using Chunk = typename std::conditional<VEC == 1, T, uint4>::type;
    using Codes = typename std::conditional<
        VEC == 8, uint2, typename std::conditional<VEC == 4, uint32_t, uint8_t>::type>::type;
    const int64_t sourceRows = p.sourceBroadcast ? 0 : p.tokens;
    for (int64_t v = blockIdx.x * int64_t(blockDim.x) + threadIdx.x; v < vectors;
         v += int64_t(gridDim.x) * blockDim.x) {
        const int64_t element = v * VEC;
        const int64_t channel = element % p.channels;
        const int64_t row = element / p.channels; // batch * tokens + token
        const int64_t token = row % p.tokens, batch = row / p.tokens;
        const int64_t head = channel / headDim;
        const float w = effectiveWeight(p.weights, token, head);
        if (w <= 0.0f)
            continue;
        const int64_t sourceRow = batch * sourceRows + token;
        const Codes codes
            = *reinterpret_cast<const Codes *>(p.codes + sourceRow * p.channels + channel);
        const uint8_t *code = reinterpret_cast<const uint8_t *>(&codes);
        const float scale = p.scales[sourceRow * p.heads + head];
        Chunk *dst = reinterpret_cast<Chunk *>(static_cast<T *>(p.target) + element);
        Chunk out;
        if (p.weights.blend) // a replace never reads the target
            out = *dst;
        T *o = reinterpret_cast<T *>(&out);
#pragma unroll
        for (int k = 0; k < VEC; ++k) {
            // Decoded as decodeFp8Queries does: value × scale in float32, rounded to T.
            const T source = fromFloat<T>(__fmul_rn(e4m3Value(code[k]), scale));
            o[k] = p.weights.blend ? fromFloat<T>(blendValue(toFloat(o[k]), toFloat(source), w))
                                   : source;
        }
        *dst = out;
    }
}

template<class T> int launchTyped(const QSwapFp8Launch &p)
{
    constexpr int kVec = 16 / sizeof(T);
    const int64_t headDim = p.channels / p.heads;
    const int64_t elements = p.batch * p.tokens * p.channels;
    const bool aligned = reinterpret_cast<uintptr_t>(p.target) % 16 == 0
        && reinterpret_cast<uintptr_t>(p.codes) % kVec == 0;
    // A vector must not straddle two heads (they have their own weights and scales).
    const bool vectorised = aligned && headDim % kVec == 0;
    const int64_t vectors = vectorised ? elements / kVec : elements;
    const int blocks = gridStrideBlocks(vectors);
    auto stream = static_cast<cudaStream_t>(p.stream);
    if (vectorised)
        qSwapFp8Kernel<T, kVec><<<blocks, kGridStrideThreads, 0, stream>>>(p, headDim, vectors);
    else
        qSwapFp8Kernel<T, 1><<<blocks, kGridStrideThreads, 0, stream>>>(p, headDim, vectors);
    return int(cudaGetLastError());
}

} // namespace

int launchQSwapFp8(const QSwapFp8Launch &launch)
{
    if (launch.batch * launch.tokens * launch.channels == 0)
        return 0;
    return withElementType(launch.type, [&](auto tag) {
        return launchTyped<typename decltype(tag)::type>(launch);
    });
}

} // namespace mbq::kernels::cuda
