#include "inference/videocrafter/attention_ops.h"

#include "kernels/torch_compat.h"

#include <algorithm>

namespace mbq::vc2 {

namespace {

constexpr int64_t kScoreBudgetBytes = int64_t(256) << 20;

} // namespace

at::Tensor multiHeadAttention(const at::Tensor &q, const at::Tensor &k, const at::Tensor &v,
                              int64_t heads)
{
    const int64_t n = q.size(0), lq = q.size(1), lk = k.size(1), width = q.size(2);
    const int64_t d = width / heads;
    const auto split = [&](const at::Tensor &t, int64_t length) {
        return t.reshape({t.size(0), length, heads, d}).transpose(1, 2);
    };
    const int64_t perRow = std::max<int64_t>(1, heads * lq * lk * int64_t(sizeof(float)));
    const int64_t chunk = std::clamp<int64_t>(kScoreBudgetBytes / perRow, 1, n);
    std::vector<at::Tensor> outputs;
    for (int64_t start = 0; start < n; start += chunk) {
        const int64_t rows = std::min(chunk, n - start);
        const at::Tensor o = compat::scaledDotProductAttention(split(q.narrow(0, start, rows), lq),
                                                               split(k.narrow(0, start, rows), lk),
                                                               split(v.narrow(0, start, rows), lk));
        outputs.push_back(o.transpose(1, 2).reshape({rows, lq, width}));
    }
    return outputs.size() == 1 ? outputs.front() : at::cat(outputs, 0);
}

} // namespace mbq::vc2
