#pragma once
// VC2 text-to-video sampling as the official DDIMSampler runs it: z_T ~ N(0, I), then per
// step a conditional and (guidance ≠ 1) a separate unconditional UNet pass at the same fps,
// ε = ε_u + w·(ε_c − ε_u), and the scale-corrected DDIM step with fresh noise when σ > 0.
// All noise comes from one generator in the official order (z_T, then one draw per step).

#include "inference/result.h"
#include "inference/sched/ddim_schedule.h"
#include "inference/videocrafter/unet.h"

#include <ATen/ATen.h>

#include <functional>

namespace mbq::vc2 {

// Called after every finished step with the latent; false stops sampling (cancel).
using Vc2StepCallback = std::function<bool(int step, const at::Tensor &latent)>;
// Called before every step's model passes with the step's index; lockstep extraction runs the
// source's step here. An error ends sampling with it.
using Vc2BeforeStep = std::function<Result<void>(int step)>;

struct Vc2SampleSettings
{
    double guidance = 12.0;
    double fps = 28.0; // the fps condition (not the playback rate)
    // Resuming: the latent passed in is the sample after step firstStep − 1 and the generator
    // is where that step left it (the trajectory cache keeps both).
    int firstStep = 0;
    Vc2BeforeStep beforeStep; // optional
};

struct Vc2SampleResult
{
    at::Tensor latent;
    int completedSteps = 0;
    bool cancelled = false;
};

// latent: z_T [1, C, T, h, w] in float32 (float64 for checks) whatever the UNet's dtype, as
// the official sampler keeps its arithmetic in float32; drawn by the caller, so it may be
// shared with a baseline;
// cond, uncond: [1, L, context_dim].
Result<Vc2SampleResult> sampleVc2(const Vc2UNet &unet, const sched::DdimSchedule &schedule,
                                  at::Tensor latent, const at::Tensor &cond,
                                  const at::Tensor &uncond, const Vc2SampleSettings &settings,
                                  at::Generator &generator, const Vc2StepCallback &onStep = {});

} // namespace mbq::vc2
