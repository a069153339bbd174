#pragma once
// ComputeOptions (the facade's device and dtype words) to a DiT precision, shared by the Wan
// facade sources.

#include "inference/wan/dit_weights.h"
#include "inference/wan_tools.h"

namespace mbq::wan {

// InvalidArgument for unknown words; Unsupported for "cuda" in a build or on a machine
// without CUDA.
Result<WanDitPrecision> resolvePrecision(const ComputeOptions &compute);

} // namespace mbq::wan
