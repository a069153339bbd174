#include "inference/videocrafter/attention_ops.h"

namespace mbq::vc2 {

at::Tensor multiHeadAttention(const at::Tensor &q, const at::Tensor &k, const at::Tensor &v,
                              int64_t heads)
{
    const int64_t n = q.size(0), lq = q.size(1), lk = k.size(1), width = q.size(2);
    const int64_t d = width / heads;
    const auto split = [&](const at::Tensor &t, int64_t length) {
        return t.reshape({n, length, heads, d}).transpose(1, 2);
    };
    const at::Tensor o = at::scaled_dot_product_attention(split(q, lq), split(k, lk), split(v, lk));
    return o.transpose(1, 2).reshape({n, lq, width});
}

} // namespace mbq::vc2
