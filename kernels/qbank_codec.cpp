#include "kernels/qbank_codec.h"

#include <c10/util/Exception.h>

#include <cmath>

namespace mbq::kernels {

namespace {

constexpr double kMaxE4M3 = 448.0;

// |x| already scaled into [0, 448] -> its E4M3 code (sign bit clear).
at::Tensor magnitudeCodes(const at::Tensor &magnitude)
{
    // frexp: magnitude = m · 2^e with m in [0.5, 1), so the binade's exponent is e − 1.
    // Below 2^-6 the codes are subnormal and share the exponent −6.
    const at::Tensor exponent = std::get<1>(at::frexp(magnitude)).to(at::kFloat).sub(1.0)
                                    .clamp_min(-6.0);
    const at::Tensor quantum = at::pow(2.0, exponent - 3.0); // 3 mantissa bits
    // torch's round() rounds half to even, as E4M3 conversion does.
    const at::Tensor steps = at::round(magnitude / quantum); // 8..16 normal, 0..8 subnormal
    const at::Tensor value = (steps * quantum).clamp_max(kMaxE4M3);
    // Re-derive the fields from the rounded value (it may have moved up a binade).
    const at::Tensor e = std::get<1>(at::frexp(value)).to(at::kFloat).sub(1.0).clamp_min(-6.0);
    const at::Tensor normal = value.ge(std::ldexp(1.0, -6));
    const at::Tensor mantissa = at::where(normal, value / at::pow(2.0, e - 3.0) - 8.0,
                                          value / std::ldexp(1.0, -9));
    const at::Tensor field = at::where(normal, e + 7.0, at::zeros_like(e));
    return (field * 8.0 + mantissa).round().to(at::kByte);
}

} // namespace

at::Tensor fp8E4M3Values(at::Device device)
{
    std::vector<float> values(256);
    for (int code = 0; code < 256; ++code) {
        const int field = (code >> 3) & 0xF, mantissa = code & 7;
        float v = field == 0 ? std::ldexp(float(mantissa), -9)
                             : std::ldexp(1.0f + float(mantissa) / 8.0f, field - 7);
        if (field == 0xF && mantissa == 7)
            v = NAN;
        values[size_t(code)] = (code & 0x80) ? -v : v;
    }
    return at::tensor(values, at::kFloat).to(device);
}

Fp8Queries encodeFp8Queries(const at::Tensor &q, int64_t heads)
{
    TORCH_CHECK(q.dim() == 3, "fp8 queries: expected [rows, tokens, channels], got ", q.sizes());
    TORCH_CHECK(heads > 0 && q.size(2) % heads == 0, "fp8 queries: ", q.size(2),
                " channels do not split into ", heads, " heads");
    TORCH_CHECK(q.is_floating_point(), "fp8 queries: expected a floating tensor, got ",
                q.scalar_type());
    const int64_t rows = q.size(0), tokens = q.size(1), channels = q.size(2);
    const at::Tensor x = q.to(at::kFloat).reshape({rows, tokens, heads, channels / heads});
    at::Tensor scales = std::get<0>(x.abs().max(3, /*keepdim=*/true)) / kMaxE4M3;
    scales = at::where(scales.gt(0), scales, at::ones_like(scales)); // an all-zero head
    const at::Tensor scaled = x / scales;
    const at::Tensor codes = magnitudeCodes(scaled.abs())
                             | (scaled.lt(0).to(at::kByte) * 128).to(at::kByte);
    Fp8Queries out;
    out.codes = codes.reshape({rows, tokens, channels}).contiguous();
    out.scales = scales.reshape({rows, tokens, heads}).contiguous();
    out.heads = heads;
    out.dtype = q.scalar_type();
    return out;
}

at::Tensor decodeFp8Queries(const Fp8Queries &e)
{
    const int64_t rows = e.codes.size(0), tokens = e.codes.size(1), channels = e.codes.size(2);
    const at::Tensor values = fp8E4M3Values(e.codes.device())
                                  .index_select(0, e.codes.reshape({-1}).to(at::kLong))
                                  .reshape({rows, tokens, e.heads, channels / e.heads});
    return (values * e.scales.unsqueeze(3)).reshape({rows, tokens, channels}).to(e.dtype);
}

} // namespace mbq::kernels
