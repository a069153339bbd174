#pragma once
// Multi-head scaled-dot-product attention for VC2's layers, through LibTorch's fused kernel
// (flash attention on the CPU and on CUDA: the score matrices are never materialised whole).

#include <ATen/ATen.h>

namespace mbq::vc2 {

// q: [N, Lq, heads·d], k and v: [N, Lk, heads·d], head j on channels [j·d, (j+1)·d) (the
// official rearrange 'b n (h d) -> (b h) n d'). softmax(q kᵀ/√d) v, heads merged back:
// [N, Lq, heads·d].
at::Tensor multiHeadAttention(const at::Tensor &q, const at::Tensor &k, const at::Tensor &v,
                              int64_t heads);

} // namespace mbq::vc2
