#pragma once
// The DDIM sampling grid and per-step coefficients exactly as VideoCrafter2's DDIMSampler
// builds them (lvdm/models/samplers/ddim.py make_schedule, lvdm/models/utils_diffusion.py):
// "uniform" timesteps c·k + 1 with c = 1000 // steps (1, 21, ..., 981 for 50 steps; a step
// count that does not divide 1000 yields the extra steps the official code yields too), the
// previous level of the last step is ᾱ[0] (not 1), σ = η·√((1−ā_prev)/(1−ā)·(1−ā/ā_prev)),
// and VC2's scale correction s_t, s_prev. Values are the float32 numbers the official sampler
// multiplies with. Torch-free.

#include "inference/result.h"
#include "inference/sched/ddpm_schedule.h"

#include <cstdint>
#include <vector>

namespace mbq::sched {

// One step's coefficients. The step maps x at level `alpha` to level `alphaPrev`:
//   x0 = (x − sqrtOneMinusAlpha·ε) / sqrtAlpha / scale
//   x' = x0Coef·x0 + dirCoef·ε + sigma·z,   x0Coef = sqrtAlphaPrev·scalePrev
struct DdimStepCoefficients
{
    int64_t timestep = 0; // fed to the model
    float alpha = 0.0f;
    float alphaPrev = 0.0f;
    float sigma = 0.0f;
    float sqrtAlpha = 0.0f;
    float sqrtOneMinusAlpha = 0.0f;
    float sqrtAlphaPrev = 0.0f;
    float dirCoef = 0.0f; // √(1 − ā_prev − σ²), in float32 arithmetic as the official tensors
    float scale = 1.0f;
    float scalePrev = 1.0f;
    float x0Coef = 0.0f;
};

struct DdimSchedule
{
    double eta = 0.0;
    // Sampling order: step 0 is the noisiest (t = 981 for 50 steps), the last step t = 1.
    std::vector<DdimStepCoefficients> steps;

    int count() const { return int(steps.size()); }
};

// InvalidArgument for steps outside [1, timesteps] or η < 0.
Result<DdimSchedule> makeDdimSchedule(const DdpmSchedule &ddpm, int steps, double eta);

} // namespace mbq::sched
