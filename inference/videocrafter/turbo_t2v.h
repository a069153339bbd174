#pragma once
// T2V-Turbo-v2 text-to-video sampling as pipeline/t2v_turbo_vc2_pipeline.py runs it: from z_T,
// one UNet pass per step with the guidance-scale embedding (no unconditional pass), the
// consistency step's denoised estimate, and its re-noising to the next timestep with fresh
// noise. The result is the last denoised estimate, which the pipeline decodes. All noise comes
// from one generator (one draw per step but the last, whose re-noised sample nobody reads).

#include "inference/result.h"
#include "inference/sched/consistency_schedule.h"
#include "inference/videocrafter/t2v.h"
#include "inference/videocrafter/unet.h"

#include <ATen/ATen.h>

namespace mbq::vc2 {

// The guidance inputs of a run: w on every step and, for a UNet with the motion projection,
// the motion-guidance scale m while t ≥ trainSteps·(1 − percentage), 0 below (the pipeline's
// ms_t_threshold). The distillation fed the motion input on every step, so it is given as 0
// rather than left out.
struct TurboGuidance
{
    double guidance = 7.5;
    bool motionInput = true;
    double motion = 0.0;
    double motionPercentage = 0.5;

    TurboCondition at(int64_t timestep, int trainSteps) const;
};

struct TurboSampleSettings
{
    TurboGuidance guidance;
    double fps = 8.0; // the fps condition; T2V-Turbo-v2 was distilled at 8
    // Resuming: the latent passed in is the sample after step firstStep − 1 and the generator
    // is where that step left it.
    int firstStep = 0;
    Vc2BeforeStep beforeStep; // optional
};

// latent: z_T [1, C, T, h, w] in float32 (float64 for checks) whatever the UNet's dtype;
// cond: [1, L, context_dim]. The latent after each step (the re-noised sample; the denoised
// estimate after the last step) goes to `onStep`.
Result<Vc2SampleResult> sampleTurbo(const Vc2UNet &unet, const sched::ConsistencySchedule &schedule,
                                    at::Tensor latent, const at::Tensor &cond,
                                    const TurboSampleSettings &settings, at::Generator &generator,
                                    const Vc2StepCallback &onStep = {});

} // namespace mbq::vc2
