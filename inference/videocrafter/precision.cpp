#include "inference/videocrafter/precision.h"

namespace mbq::vc2 {

Result<Vc2Precision> resolveVc2Precision(const std::string &device, const std::string &dtype)
{
    Vc2Precision precision;
    if (device == "cuda" || (device == "auto" && at::hasCUDA())) {
        if (!at::hasCUDA())
            return makeError(ErrorCode::Unsupported,
                             "device cuda was asked for, but this build of LibTorch sees no CUDA "
                             "device; use --device cpu");
        precision.device = at::Device(at::kCUDA);
    } else if (device != "cpu" && device != "auto") {
        return makeError(ErrorCode::InvalidArgument,
                         "unknown device '" + device + "'; use cpu, cuda or auto");
    }
    const std::string word
        = dtype == "auto" ? (precision.device.is_cuda() ? "bf16" : "f32") : dtype;
    if (word == "f32")
        precision.dtype = at::kFloat;
    else if (word == "f64")
        precision.dtype = at::kDouble;
    else if (word == "bf16")
        precision.dtype = at::kBFloat16;
    else if (word == "f16")
        precision.dtype = at::kHalf;
    else
        return makeError(ErrorCode::InvalidArgument,
                         "unknown dtype '" + dtype + "'; use f32, f16, bf16, f64 or auto");
    return precision;
}

} // namespace mbq::vc2
