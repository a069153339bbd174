#pragma once
// T2V-Turbo-v2's consistency (LCM multistep) sampler as scheduler/t2v_turbo_scheduler.py
// (T2VTurboScheduler) builds it in the official t2v-turbo repository:
//  - its own float32 ᾱ: β = linspace(√start, √end, n, float32)², ᾱ = cumprod(1 − β) (VC2's
//    float64 buffers differ by up to 5e-7) and no VC2 scale_arr (the distillation ignored it);
//  - LCM timesteps (set_timesteps): c = n // L, origin = {c·k − 1 : k = 1..L} with L the
//    lcm_origin_steps (the demo and Replicate entry pass 200), then every (L // steps)-th of the
//    origin grid from the top, the first `steps` of them: 999, 874, ..., 124 for 8 steps;
//  - boundary scalings (get_scalings_for_boundary_condition_discrete, σ_data = 0.5):
//    c_skip = 0.25 / ((t/0.1)² + 0.25), c_out = (t/0.1) / √((t/0.1)² + 0.25);
//  - a step re-noises its denoised estimate to the next timestep, or to its own on the last.
// The header is torch-free; the numbers are the float32 values the official tensors hold.

#include "inference/result.h"
#include "inference/sched/ddpm_schedule.h"

#include <cstdint>
#include <vector>

namespace mbq::sched {

// lcm_origin_steps of app.py and predict.py.
constexpr int kTurboOriginSteps = 200;

// One step: ε at `timestep` gives x0 = (x − sqrtOneMinusAlpha·ε)/sqrtAlpha, the denoised
// d = cOut·x0 + cSkip·x, and the next sample sqrtAlphaNext·d + sqrtOneMinusAlphaNext·z.
struct ConsistencyStepCoefficients
{
    int64_t timestep = 0; // fed to the model
    int64_t nextTimestep = 0; // the next step's timestep; this one's on the last step
    float alpha = 0.0f;
    float alphaNext = 0.0f;
    float sqrtAlpha = 0.0f;
    float sqrtOneMinusAlpha = 0.0f; // √(1 − ᾱ) with 1 − ᾱ rounded to float32 first
    float sqrtAlphaNext = 0.0f;
    float sqrtOneMinusAlphaNext = 0.0f;
    float cSkip = 0.0f;
    float cOut = 0.0f;
};

struct ConsistencySchedule
{
    int originSteps = kTurboOriginSteps;
    std::vector<float> alphasCumprod; // the scheduler's float32 ᾱ for every training timestep
    // Sampling order: step 0 is the noisiest (t = 999).
    std::vector<ConsistencyStepCoefficients> steps;

    int count() const { return int(steps.size()); }
    int trainSteps() const { return int(alphasCumprod.size()); }
};

// The scheduler's float32 ᾱ for `config` (only its beta range and length matter).
std::vector<float> consistencyAlphasCumprod(const DdpmScheduleConfig &config);

// The LCM inference timesteps, noisiest first. InvalidArgument unless 1 ≤ originSteps ≤
// trainSteps and 1 ≤ steps ≤ originSteps (the official slicing fails beyond that).
Result<std::vector<int64_t>> consistencyTimesteps(int trainSteps, int steps, int originSteps);

Result<ConsistencySchedule> makeConsistencySchedule(const DdpmScheduleConfig &config, int steps,
                                                    int originSteps = kTurboOriginSteps);

} // namespace mbq::sched
