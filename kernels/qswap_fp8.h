#pragma once
// q_swap with the source as the Q bank stores it in fp8 (kernels/qbank_codec.h): each source
// value is decoded where it is used (its E4M3 value times its token's head scale, in float32,
// rounded to the target's dtype), so an fp8 bank is never expanded to a dense copy first. The
// result equals decoding the source and calling qSwap_, bit for bit.

#include "kernels/qbank_codec.h"
#include "kernels/qswap.h"

#include <ATen/ATen.h>

namespace mbq::kernels {

// target: as qSwap_ takes it, in the dtype the source was encoded from. source: codes
// [batch or 1, tokens, channels] and scales [batch or 1, tokens, heads] on the target's device,
// with source.heads == params.heads.
void qSwapFp8_(at::Tensor &target, const Fp8Queries &source, const QSwapParams &params);

// The reference: decodeFp8Queries, then qSwapReference_.
void qSwapFp8Reference_(at::Tensor &target, const Fp8Queries &source, const QSwapParams &params);

// Rows [start, start + length) of an encoding (views of its codes and scales).
Fp8Queries narrowRows(const Fp8Queries &queries, int64_t start, int64_t length);

} // namespace mbq::kernels
