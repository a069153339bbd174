#pragma once
// The Q bank's fp8 codec: source queries stored as float8 E4M3 (OCP "fn": bias 7, max 448, no
// infinities) with one float32 scale per token and head, a quarter of float32's memory. The
// scale maps each head's largest |q| of a token to 448, so every head keeps E4M3's full
// 3-bit mantissa (relative error at most 1/16) whatever its magnitude. Written in ATen ops, so
// it runs on whichever device the tensors are on. Codes are uint8, which the q_swap kernels read
// directly (kernels/qswap_fp8).

#include <ATen/ATen.h>

namespace mbq::kernels {

struct Fp8Queries
{
    at::Tensor codes;  // uint8 [rows, tokens, channels]
    at::Tensor scales; // float32 [rows, tokens, heads]
    int64_t heads = 1;
    at::ScalarType dtype = at::kFloat; // what decode gives back

    int64_t bytes() const { return int64_t(codes.nbytes() + scales.nbytes()); }
};

// q: [rows, tokens, channels] float32/float16/bfloat16 with channels = heads × head_dim.
// Rounds to nearest, ties to even; values past ±448·scale cannot occur by construction.
Fp8Queries encodeFp8Queries(const at::Tensor &q, int64_t heads);
// Back to the dtype q had, on the codes' device.
at::Tensor decodeFp8Queries(const Fp8Queries &encoded);

// The E4M3 value of each of the 256 codes (NaN for the two NaN codes), float32 on `device`.
at::Tensor fp8E4M3Values(at::Device device);

} // namespace mbq::kernels
