#pragma once
// Launcher of the CUDA q_swap kernel. Plain C types only: this header is included by the
// torch-facing wrapper and by qswap.cu, and the .cu never sees a torch header, so the kernel
// builds against a CPU-only LibTorch too.

#include <cstdint>

namespace mbq::kernels::cuda {

enum class ElementType : int { Float32 = 0, Float16 = 1, BFloat16 = 2 };

// How strongly each value takes the source's: weight × headWeights[head], 0 where tokenMask is 0.
struct SwapWeights
{
    float weight = 1.0f;
    const float *headWeights = nullptr; // device pointer, [heads], or null
    const uint8_t *tokenMask = nullptr; // device pointer, [tokens], or null
    bool blend = false;                 // else replace wherever the weight is > 0
};

struct QSwapLaunch
{
    void *target = nullptr;             // [batch, tokens, channels], contiguous
    const void *source = nullptr;       // [batch or 1, tokens, channels], contiguous
    int64_t batch = 0;
    int64_t tokens = 0;
    int64_t channels = 0;
    int64_t heads = 1;
    bool sourceBroadcast = false;       // source has batch 1
    SwapWeights weights;
    ElementType type = ElementType::Float32;
    void *stream = nullptr;             // cudaStream_t; null = default stream
};

// Returns 0 on success, else a CUDA error code (see errorString).
int launchQSwap(const QSwapLaunch &launch);
const char *errorString(int code);
// Number of visible CUDA devices; 0 when there is no driver or no device.
int deviceCount();

} // namespace mbq::kernels::cuda
