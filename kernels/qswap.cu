// CUDA q_swap. One thread moves 16 bytes (4 float32 or 8 half/bf16 values) when the head
// dimension and the pointers allow it, else one element; a thread whose effective weight is 0
// neither reads nor writes, so an injection limited to a token mask costs only its tokens.
#include "kernels/cuda_elements.cuh"
#include "kernels/qswap_cuda.h"

#include <cuda_runtime.h>

#include <type_traits>

namespace mbq::kernels::cuda {
namespace {

struct Shape
{
    int64_t tokens, channels, headDim;
    int64_t sourceBatchStride; // 0 when the source broadcasts over the batch
};

// VEC elements of T per thread; VEC == 1 is the scalar fallback.
template<class T, int VEC>
__global__ void qSwapKernel(QSwapLaunch p, Shape s, int64_t vectors)
{
    using Chunk = typename std::conditional<VEC == 1, T, uint4>::type;
    for (int64_t v = blockIdx.x * int64_t(blockDim.x) + threadIdx.x; v < vectors;
         v += int64_t(gridDim.x) * blockDim.x) {
        const int64_t element = v * VEC;
        const int64_t channel = element % s.channels;
        const int64_t row = element / s.channels; // batch * tokens + token
        const int64_t token = row % s.tokens;
        const int64_t batch = row / s.tokens;
        const float w = effectiveWeight(p.weights, token, channel / s.headDim);
        if (w <= 0.0f)
            continue;
        Chunk *dst = reinterpret_cast<Chunk *>(static_cast<T *>(p.target) + element);
        const T *srcBase = static_cast<const T *>(p.source) + batch * s.sourceBatchStride
            + token * s.channels + channel;
        const Chunk src = *reinterpret_cast<const Chunk *>(srcBase);
        if (!p.weights.blend) {
            *dst = src;
            continue;
        }
        Chunk out = *dst;
        T *o = reinterpret_cast<T *>(&out);
        const T *i = reinterpret_cast<const T *>(&src);
#pragma unroll
        for (int k = 0; k < VEC; ++k)
            o[k] = fromFloat<T>(blendValue(toFloat(o[k]), toFloat(i[k]), w));
        *dst = out;
    }
}

template<class T>
int launchTyped(const QSwapLaunch &p)
{
    constexpr int kVec = 16 / sizeof(T);
    Shape s{p.tokens, p.channels, p.channels / p.heads,
            p.sourceBroadcast ? 0 : p.tokens * p.channels};
    const int64_t elements = p.batch * p.tokens * p.channels;
    const bool aligned = reinterpret_cast<uintptr_t>(p.target) % 16 == 0
        && reinterpret_cast<uintptr_t>(p.source) % 16 == 0;
    // A vector must not straddle two heads (they may have different weights).
    const bool vectorised = aligned && s.headDim % kVec == 0;
    const int64_t vectors = vectorised ? elements / kVec : elements;
    const int blocks = gridStrideBlocks(vectors);
    auto stream = static_cast<cudaStream_t>(p.stream);
    if (vectorised)
        qSwapKernel<T, kVec><<<blocks, kGridStrideThreads, 0, stream>>>(p, s, vectors);
    else
        qSwapKernel<T, 1><<<blocks, kGridStrideThreads, 0, stream>>>(p, s, vectors);
    return int(cudaGetLastError());
}

} // namespace

int launchQSwap(const QSwapLaunch &launch)
{
    if (launch.batch * launch.tokens * launch.channels == 0)
        return 0;
    return withElementType(launch.type, [&](auto tag) {
        return launchTyped<typename decltype(tag)::type>(launch);
    });
}

const char *errorString(int code)
{
    return cudaGetErrorString(static_cast<cudaError_t>(code));
}

int deviceCount()
{
    int count = 0;
    if (cudaGetDeviceCount(&count) != cudaSuccess) {
        cudaGetLastError(); // clear the sticky "no driver" error
        return 0;
    }
    return count;
}

} // namespace mbq::kernels::cuda
