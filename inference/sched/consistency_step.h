#pragma once
// The tensor side of T2V-Turbo-v2's consistency sampler (T2VTurboScheduler.step and add_noise):
// the denoised estimate from ε, its re-noising to the next level, and forward noising without
// VC2's scale_arr (the noising the distillation trained on).

#include "inference/sched/consistency_schedule.h"

#include <ATen/ATen.h>

namespace mbq::sched {

// d = c_out·(x − √(1−ᾱ)·ε)/√ᾱ + c_skip·x, in x's dtype with the float32 coefficients.
at::Tensor consistencyDenoise(const ConsistencyStepCoefficients &c, const at::Tensor &x,
                              const at::Tensor &eps);

// √ᾱ_next·d + √(1−ᾱ_next)·noise: the sample the next step starts from.
at::Tensor consistencyRenoise(const ConsistencyStepCoefficients &c, const at::Tensor &denoised,
                              const at::Tensor &noise);

// √ᾱ_t·x0 + √(1−ᾱ_t)·noise with the scheduler's float32 ᾱ; t in [0, trainSteps).
at::Tensor consistencyAddNoise(const ConsistencySchedule &schedule, int64_t t, const at::Tensor &x0,
                               const at::Tensor &noise);

} // namespace mbq::sched
