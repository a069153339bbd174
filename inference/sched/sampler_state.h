#pragma once
// Everything a sampler carries from one step to the next besides the sample, so a run can stop
// after any step and resume later (the trajectory cache) with bitwise the same result.

#include <ATen/ATen.h>

#include <vector>

namespace mbq::sched {

struct SamplerState
{
    int stepIndex = 0;               // the next step to run
    std::vector<int> counters;       // solver-specific integers (warm-up, last order, ...)
    std::vector<at::Tensor> tensors; // solver-specific history; undefined = none yet
};

} // namespace mbq::sched
