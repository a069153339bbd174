#include "inference/wan/compute.h"

namespace mbq::wan {

Result<WanDitPrecision> resolvePrecision(const ComputeOptions &compute)
{
    WanDitPrecision precision;
    if (compute.device == "cuda" || (compute.device == "auto" && at::hasCUDA())) {
        if (!at::hasCUDA())
            return makeError(ErrorCode::Unsupported,
                             "device cuda was asked for, but this build of LibTorch sees no CUDA "
                             "device; use --device cpu");
        precision.device = at::Device(at::kCUDA);
    } else if (compute.device != "cpu" && compute.device != "auto") {
        return makeError(ErrorCode::InvalidArgument,
                         "unknown device '" + compute.device + "'; use cpu, cuda or auto");
    }
    const std::string dtype = compute.dtype == "auto"
                                  ? (precision.device.is_cuda() ? "bf16" : "f32")
                                  : compute.dtype;
    if (dtype == "f32") {
        precision.linear = precision.stream = at::kFloat;
    } else if (dtype == "bf16") {
        // The official mixed precision: bf16 matmuls, float32 stream, norms and modulation.
        precision.linear = at::kBFloat16;
        precision.stream = at::kFloat;
    } else if (dtype == "f64") {
        precision.linear = precision.stream = at::kDouble;
    } else {
        return makeError(ErrorCode::InvalidArgument,
                         "unknown dtype '" + compute.dtype + "'; use f32, bf16, f64 or auto");
    }
    return precision;
}

} // namespace mbq::wan
