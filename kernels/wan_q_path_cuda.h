#pragma once
// Launcher of the fused Wan norm + rotation (+ swap) kernel. Plain C types only, as
// qswap_cuda.h, so the .cu never sees a torch header.

#include "kernels/qswap_cuda.h"

#include <cstdint>

namespace mbq::kernels::cuda {

struct WanNormRopeLaunch
{
    const void *proj = nullptr;         // [batch, tokens, channels], contiguous
    ElementType projType = ElementType::Float32;
    float *out = nullptr;               // float32 [batch, tokens, channels]
    int64_t batch = 0;
    int64_t tokens = 0;
    int64_t channels = 0;
    int64_t heads = 1;
    const float *normWeight = nullptr;  // float32 [channels]; null: no norm
    float eps = 1e-6f;
    const double *cos = nullptr;        // float64 [tokens, head_dim/2]
    const double *sin = nullptr;
    const float *source = nullptr;      // float32 [batch or 1, tokens, channels]; null: no swap
    bool sourceBroadcast = false;
    SwapWeights weights;
    void *stream = nullptr;             // cudaStream_t; null = default stream
};

// Returns 0 on success, else a CUDA error code (see errorString in qswap_cuda.h).
int launchWanNormRope(const WanNormRopeLaunch &launch);

} // namespace mbq::kernels::cuda
