#pragma once
// Torch values to the plain arguments of the CUDA launchers (qswap_cuda.h), shared by the
// torch-facing wrappers.

#include "kernels/qswap.h"
#include "kernels/qswap_cuda.h"

#include <ATen/ATen.h>

namespace mbq::kernels {

// A swap's weights as launch arguments; the head weights and the mask they point into are
// held here, so keep this alive until the launch.
struct SwapWeightArgs
{
    cuda::SwapWeights weights;
    at::Tensor headWeights; // contiguous float32, or undefined
    at::Tensor tokenMask;   // contiguous uint8, or undefined
};
SwapWeightArgs swapWeightArgs(const QSwapParams &params);

// float32, float16 or bfloat16 (the wrappers have checked it is one of them).
cuda::ElementType elementType(at::ScalarType type);

} // namespace mbq::kernels
