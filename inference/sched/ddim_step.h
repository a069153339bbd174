#pragma once
// The tensor side of VC2's DDIM: one sampling step (p_sample_ddim with the scale correction),
// its deterministic inverse for DDIM inversion of a source clip, and forward noising
// (q_sample with scale_arr) for per-step Q extraction.

#include "inference/sched/ddim_schedule.h"

#include <ATen/ATen.h>

namespace mbq::sched {

// x at step `step`'s level to the next level. `noise` (same shape as x) is needed when the
// step's σ > 0 and ignored otherwise. Arithmetic follows the official expression order in x's
// dtype, with the float32 coefficients.
at::Tensor ddimStep(const DdimStepCoefficients &c, const at::Tensor &x, const at::Tensor &eps,
                    const at::Tensor &noise);

// The inverse of ddimStep at η = 0: x at level alphaPrev (scale s_prev) to level alpha (scale
// s), given ε predicted for the target level (the usual inversion approximation):
//   x0 = (x − √(1−ā_prev)·ε) / (√ā_prev·s_prev);  x_t = √ā·s·x0 + √(1−ā)·ε.
at::Tensor ddimInvertStep(const DdimStepCoefficients &c, const at::Tensor &x,
                          const at::Tensor &eps);

// Forward noising to timestep t as VC2 trained: √ᾱ_t·s_t·x0 + √(1−ᾱ_t)·noise (float32
// buffers). t must be in [0, timesteps).
at::Tensor qSample(const DdpmSchedule &ddpm, int64_t t, const at::Tensor &x0,
                   const at::Tensor &noise);

} // namespace mbq::sched
