// Fused Wan Q/K path: one block per token row. The block sums the row's squares (the RMS norm
// spans all heads), then each thread takes channel pairs: normalise, round to the projection's
// dtype, scale, rotate in float64, swap, write. The projection is read twice, the second time
// from cache; the output is written once.
#include "kernels/cuda_elements.cuh"
#include "kernels/wan_q_path_cuda.h"

#include <cuda_runtime.h>

namespace mbq::kernels::cuda {
namespace {

constexpr int kThreads = 256;

// The sum of every thread's value, returned to all threads of the block.
__device__ float blockSum(float value)
{
    __shared__ float warpSums[kThreads / 32];
    for (int offset = 16; offset > 0; offset /= 2)
        value = __fadd_rn(value, __shfl_xor_sync(0xffffffffu, value, offset));
    const int warp = threadIdx.x / 32, lane = threadIdx.x % 32;
    if (lane == 0)
        warpSums[warp] = value;
    __syncthreads();
    float total = 0.0f;
    for (int w = 0; w < kThreads / 32; ++w)
        total = __fadd_rn(total, warpSums[w]);
    return total;
}

// The reference's order: x·rsqrt(mean + eps) in float32, rounded to T, times the weight.
template<class T> __device__ inline float normed(T x, float inverseRms, float weight)
{
    return __fmul_rn(toFloat(fromFloat<T>(__fmul_rn(toFloat(x), inverseRms))), weight);
}

template<class T> __global__ void __launch_bounds__(kThreads) wanNormRopeKernel(WanNormRopeLaunch p)
{
    const int64_t row = blockIdx.x; // batch * tokens + token
    const int64_t token = row % p.tokens, batch = row / p.tokens;
    const T *in = static_cast<const T *>(p.proj) + row * p.channels;

    float inverseRms = 1.0f;
    if (p.normWeight) {
        float squares = 0.0f;
        for (int64_t c = threadIdx.x; c < p.channels; c += kThreads) {
            const float v = toFloat(in[c]);
            squares = __fadd_rn(squares, __fmul_rn(v, v));
        }
        const float mean = __fdiv_rn(blockSum(squares), float(p.channels));
        inverseRms = __frsqrt_rn(__fadd_rn(mean, p.eps));
    }

    const int64_t headDim = p.channels / p.heads, pairsPerHead = headDim / 2;
    const double *cosRow = p.cos + token * pairsPerHead;
    const double *sinRow = p.sin + token * pairsPerHead;
    const float *source = p.source
        ? p.source + (p.sourceBroadcast ? 0 : batch * p.tokens * p.channels) + token * p.channels
        : nullptr;
    float2 *out = reinterpret_cast<float2 *>(p.out + row * p.channels);

    for (int64_t pair = threadIdx.x; pair < p.channels / 2; pair += kThreads) {
        const int64_t c = 2 * pair;
        const T a = in[c], b = in[c + 1];
        const float re = p.normWeight ? normed(a, inverseRms, p.normWeight[c]) : toFloat(a);
        const float im = p.normWeight ? normed(b, inverseRms, p.normWeight[c + 1]) : toFloat(b);
        const int64_t k = pair % pairsPerHead;
        const double cs = cosRow[k], sn = sinRow[k];
        float2 q = make_float2(__double2float_rn(__dsub_rn(__dmul_rn(re, cs), __dmul_rn(im, sn))),
                               __double2float_rn(__dadd_rn(__dmul_rn(re, sn), __dmul_rn(im, cs))));
        if (source) {
            const float w = effectiveWeight(p.weights, token, c / headDim);
            if (w > 0.0f) {
                const float2 s = reinterpret_cast<const float2 *>(source)[pair];
                q = p.weights.blend ? make_float2(blendValue(q.x, s.x, w), blendValue(q.y, s.y, w))
                                    : s;
            }
        }
        out[pair] = q;
    }
}

template<class T> int launchTyped(const WanNormRopeLaunch &p)
{
    const int64_t rows = p.batch * p.tokens;
    wanNormRopeKernel<T><<<unsigned(rows), kThreads, 0, static_cast<cudaStream_t>(p.stream)>>>(p);
    return int(cudaGetLastError());
}

} // namespace

int launchWanNormRope(const WanNormRopeLaunch &launch)
{
    if (launch.batch * launch.tokens * launch.channels == 0)
        return 0;
    return withElementType(launch.projType, [&](auto tag) {
        return launchTyped<typename decltype(tag)::type>(launch);
    });
}

} // namespace mbq::kernels::cuda
