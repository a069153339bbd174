#pragma once
// Where a VC2 component runs and in which dtype. CPU: float32 (float64 for reference checks).
// CUDA: float16 or bfloat16 weights and activations; every GroupNorm and LayerNorm and the
// attention softmax compute in float32 regardless (VC2's GroupNormSpecific does the same).

#include "inference/result.h"

#include <ATen/ATen.h>

#include <string>

namespace mbq::vc2 {

struct Vc2Precision
{
    at::Device device = at::kCPU;
    at::ScalarType dtype = at::kFloat;

    // The dtype norms and embeddings compute in: float32, or float64 for a float64 model.
    at::ScalarType wide() const { return dtype == at::kDouble ? at::kDouble : at::kFloat; }
};

// device "cpu", "cuda" or "auto" (CUDA when present); dtype "f32", "f64", "f16", "bf16" or
// "auto" (bf16 on CUDA, f32 on the CPU). InvalidArgument for unknown words, Unsupported for
// CUDA where LibTorch sees none.
Result<Vc2Precision> resolveVc2Precision(const std::string &device, const std::string &dtype);

} // namespace mbq::vc2
