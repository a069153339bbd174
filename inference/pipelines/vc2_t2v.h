#pragma once
// One VC2 or T2V-Turbo-v2 text-to-video sampling run from a seed: z_T from a fresh generator
// seeded with the render's seed, then the model's sampler with the same generator (the
// official noise order). Plain renders, baselines and injected renders all start here, so a
// render whose injection changes nothing equals the plain render bitwise.

#include "inference/engine.h"
#include "inference/pipelines/trajectory_cache.h"
#include "inference/result.h"
#include "inference/sched/ddim_schedule.h"
#include "inference/videocrafter/sampler.h"
#include "inference/videocrafter/t2v.h"
#include "inference/videocrafter/vc2_model.h"

#include <ATen/ATen.h>

#include <cstdint>
#include <vector>

namespace mbq::pipelines {

// Where a run resumes from and keeps its steps: the cache and one trajectoryKeys() entry per
// step. A kept step holds the latent and the generator's state after it, so a resumed run
// draws exactly the noise the uninterrupted one would.
struct Vc2Trajectory
{
    TrajectoryCache *cache = nullptr;
    std::vector<uint64_t> keys;
};

// z_T for `settings` (size, frames) drawn from `generator` in the sampler's wide dtype, on the
// UNet's device: the first draw of a seeded run.
at::Tensor vc2InitialLatent(vc2::Vc2Model &model, const GenerationSettings &settings,
                            at::Generator &generator);

// cond, uncond: [1, L, context_dim] (uncond unused by T2V-Turbo-v2); the seed, size and
// frame count come from `settings`, the steps and guidance from `sampler`. Denoise progress
// and cancel go through `hooks`. *resumedSteps (when given) is set to the steps taken from the
// trajectory cache. `beforeStep` runs before each computed step's passes.
Result<vc2::Vc2SampleResult> sampleVc2Seeded(vc2::Vc2Model &model, const vc2::Vc2Sampler &sampler,
                                             const GenerationSettings &settings,
                                             const at::Tensor &cond, const at::Tensor &uncond,
                                             const JobHooks &hooks,
                                             const Vc2Trajectory &trajectory = {},
                                             int *resumedSteps = nullptr,
                                             const vc2::Vc2BeforeStep &beforeStep = {});
// VideoCrafter2's DDIM with settings.guidance at the fps condition `fpsCondition`.
Result<vc2::Vc2SampleResult> sampleVc2Seeded(vc2::Vc2Model &model,
                                             const sched::DdimSchedule &schedule,
                                             const GenerationSettings &settings,
                                             const at::Tensor &cond, const at::Tensor &uncond,
                                             double fpsCondition, const JobHooks &hooks,
                                             const Vc2Trajectory &trajectory = {},
                                             int *resumedSteps = nullptr);

} // namespace mbq::pipelines
