#pragma once
// Launcher of the CUDA q_swap that reads an fp8 source. Plain C types only, as qswap_cuda.h.

#include "kernels/qswap_cuda.h"

#include <cstdint>

namespace mbq::kernels::cuda {

struct QSwapFp8Launch
{
    void *target = nullptr;           // [batch, tokens, channels], contiguous
    const uint8_t *codes = nullptr;   // E4M3 [batch or 1, tokens, channels], contiguous
    const float *scales = nullptr;    // [batch or 1, tokens, heads], contiguous
    int64_t batch = 0;
    int64_t tokens = 0;
    int64_t channels = 0;
    int64_t heads = 1;
    bool sourceBroadcast = false;     // the source has batch 1
    SwapWeights weights;
    ElementType type = ElementType::Float32;
    void *stream = nullptr;           // cudaStream_t; null = default stream
};

// Returns 0 on success, else a CUDA error code (see errorString).
int launchQSwapFp8(const QSwapFp8Launch &launch);

} // namespace mbq::kernels::cuda
