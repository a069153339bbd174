#pragma once
// The one place where LibTorch version differences live (Debian's 1.13 on CPU machines,
// 2.x with CUDA on workstations). Everything else calls these helpers.

#include <ATen/ATen.h>
#include <torch/version.h>

#include <algorithm>
#include <cmath>
#include <vector>

#define MBQ_TORCH_AT_LEAST(major, minor)                                                          \
    (TORCH_VERSION_MAJOR > (major)                                                                 \
     || (TORCH_VERSION_MAJOR == (major) && TORCH_VERSION_MINOR >= (minor)))

namespace mbq::compat {

// The score matrix one pass of the spelled-out attention below may hold. Without a fused kernel
// the scores are [..., Lq, Lk] floats: 12 heads over Wan's 32760 tokens at 832×480×81 would be
// 51 GB at once, which the kernel's OOM killer ends without an error anyone can catch.
constexpr int64_t kAttentionScoreBudgetBytes = int64_t(256) << 20;

// softmax(q kᵀ / sqrt(d)) v over the last two dims, spelled out in the input dtype with the
// softmax in at least float32 (float64 inputs keep float64, for reference runs). Query rows are
// independent, so they go in chunks whose scores fit `scoreBudgetBytes`; every row is computed
// exactly as in one pass.
inline at::Tensor attentionInQueryChunks(const at::Tensor &q, const at::Tensor &k,
                                         const at::Tensor &v, int64_t scoreBudgetBytes)
{
    const double scale = 1.0 / std::sqrt(double(q.size(-1)));
    const at::ScalarType softmaxType = q.scalar_type() == at::kDouble ? at::kDouble : at::kFloat;
    const auto attend = [&](const at::Tensor &rows) {
        auto scores = at::matmul(rows, k.transpose(-2, -1)).mul_(scale);
        auto probs = at::softmax(scores, -1, softmaxType).to(q.scalar_type());
        return at::matmul(probs, v);
    };
    const int64_t lq = q.size(-2), lk = k.size(-2);
    const int64_t scoreBytes = softmaxType == at::kDouble ? 8 : 4;
    const int64_t perQueryRow = std::max<int64_t>(1, q.numel() / std::max<int64_t>(1, q.size(-1))
                                                         / std::max<int64_t>(1, lq) * lk
                                                         * scoreBytes);
    const int64_t rows = std::clamp<int64_t>(scoreBudgetBytes / perQueryRow, 1, lq);
    if (rows >= lq)
        return attend(q);
    std::vector<int64_t> shape = q.sizes().vec();
    shape.back() = v.size(-1);
    at::Tensor out = at::empty(shape, q.options());
    for (int64_t start = 0; start < lq; start += rows) {
        const int64_t n = std::min(rows, lq - start);
        out.narrow(-2, start, n).copy_(attend(q.narrow(-2, start, n)));
    }
    return out;
}

// softmax(q kᵀ / sqrt(d)) v over the last two dims; q,k,v: [..., L, D]. 2.x has a fused
// kernel (flash / memory-efficient); 1.13 has none, so we spell it out in bounded chunks.
inline at::Tensor scaledDotProductAttention(const at::Tensor &q, const at::Tensor &k,
                                            const at::Tensor &v)
{
#if MBQ_TORCH_AT_LEAST(2, 0)
    return at::scaled_dot_product_attention(q, k, v);
#else
    return attentionInQueryChunks(q, k, v, kAttentionScoreBudgetBytes);
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
#include <c10/cuda/CUDACachingAllocator.h>
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

// Bytes torch's CUDA caching allocator hands out on `device` now and at most since the last
// reset. The statistics types moved between namespaces across 2.x releases; the aggregate
// entry is index 0 in all of them.
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

} // namespace mbq::compat
