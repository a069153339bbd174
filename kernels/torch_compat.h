#pragma once
// The one place where LibTorch version differences live (Debian's 1.13 on CPU machines,
// 2.x with CUDA on workstations). Everything else calls these helpers.

#include <ATen/ATen.h>
#include <torch/version.h>

#define MBQ_TORCH_AT_LEAST(major, minor)                                                          \
    (TORCH_VERSION_MAJOR > (major)                                                                 \
     || (TORCH_VERSION_MAJOR == (major) && TORCH_VERSION_MINOR >= (minor)))

namespace mbq::compat {

// softmax(q kᵀ / sqrt(d)) v over the last two dims; q,k,v: [..., L, D]. 2.x has a fused
// kernel (flash / memory-efficient); 1.13 has none, so we spell it out in the input dtype with
// the softmax in at least float32 (float64 inputs keep float64, for reference runs).
inline at::Tensor scaledDotProductAttention(const at::Tensor &q, const at::Tensor &k,
                                            const at::Tensor &v)
{
#if MBQ_TORCH_AT_LEAST(2, 0)
    return at::scaled_dot_product_attention(q, k, v);
#else
    const double scale = 1.0 / std::sqrt(double(q.size(-1)));
    auto scores = at::matmul(q, k.transpose(-2, -1)).mul_(scale);
    const at::ScalarType softmaxType = q.scalar_type() == at::kDouble ? at::kDouble : at::kFloat;
    auto probs = at::softmax(scores, -1, softmaxType).to(q.scalar_type());
    return at::matmul(probs, v);
#endif
}

// Float8 dtypes exist from 2.1; on older LibTorch fp8 data is kept as raw bytes (kByte).
inline bool hasFloat8()
{
#if MBQ_TORCH_AT_LEAST(2, 1)
    return true;
#else
    return false;
#endif
}

} // namespace mbq::compat

#if defined(MBQ_TORCH_HAS_CUDA)
#include <ATen/cuda/CUDAContext.h>
#endif

namespace mbq::compat {

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

} // namespace mbq::compat
