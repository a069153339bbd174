#pragma once
// What mbq needs of LibTorch's CUDA side, in one place, so the files that use it compile the
// same whether or not the LibTorch they are built against has CUDA (a user's own CPU build).

#include <ATen/ATen.h>

#if defined(MBQ_TORCH_HAS_CUDA)
#include <ATen/cuda/CUDAContext.h>
#include <c10/cuda/CUDACachingAllocator.h>
#endif

namespace mbq::torch_cuda {

// The current CUDA stream of the tensor's device as a cudaStream_t, so our launchers run in
// order with torch's own kernels. Null (the legacy default stream) when torch has no CUDA.
inline void *currentCudaStream([[maybe_unused]] const at::Tensor &onDevice)
{
#if defined(MBQ_TORCH_HAS_CUDA)
    return at::cuda::getCurrentCUDAStream(onDevice.device().index()).stream();
#else
    return nullptr;
#endif
}

// Bytes torch's CUDA caching allocator hands out on `device` now and at most since the last
// reset (index 0 of each statistic is the aggregate over pool kinds).
struct CudaAllocatorBytes
{
    int64_t current = 0;
    int64_t peak = 0;
};

inline CudaAllocatorBytes cudaAllocatorBytes([[maybe_unused]] int device)
{
#if defined(MBQ_TORCH_HAS_CUDA)
    const auto stats = c10::cuda::CUDACachingAllocator::getDeviceStats(device);
    return {stats.allocated_bytes[0].current, stats.allocated_bytes[0].peak};
#else
    return {};
#endif
}

inline void resetCudaPeak([[maybe_unused]] int device)
{
#if defined(MBQ_TORCH_HAS_CUDA)
    c10::cuda::CUDACachingAllocator::resetPeakStats(device);
#endif
}

} // namespace mbq::torch_cuda
