#pragma once
// How a VideoCrafter model is sampled, behind one interface so text-to-video, baselines and
// motion transfer run VideoCrafter2 and T2V-Turbo-v2 alike: VC2's DDIM with classifier-free
// guidance (a second, unconditional pass per step), or T2V-Turbo-v2's consistency sampler (one
// pass per step, the guidance scale as an embedding). Besides sampling, each knows every
// step's timestep, the UNet's extra inputs at a timestep, and how a clean source latent is
// noised to a timestep the way its model was trained (VC2 with scale_arr, T2V-Turbo-v2
// without), which per_step and single Q extraction need.

#include "inference/result.h"
#include "inference/sched/consistency_schedule.h"
#include "inference/sched/ddim_schedule.h"
#include "inference/vc2_turbo_sampling.h"
#include "inference/videocrafter/t2v.h"
#include "inference/videocrafter/turbo_t2v.h"
#include "inference/videocrafter/vc2_model.h"

#include <ATen/ATen.h>

#include <string>

namespace mbq::vc2 {

struct Vc2SamplerOptions
{
    int steps = 50;
    double guidance = 12.0;
    double fps = 28.0; // the fps condition
    double eta = 1.0; // VideoCrafter2's DDIM only
    TurboSampling turbo; // T2V-Turbo-v2 only
};

class Vc2Sampler
{
public:
    // The model's own sampler. InvalidArgument for a step count, η, guidance or motion setting
    // the sampler cannot use.
    static Result<Vc2Sampler> forModel(const Vc2Model &model, const Vc2SamplerOptions &options);

    // VideoCrafter2's DDIM; `ddpm` gives the scale_arr noising.
    Vc2Sampler(sched::DdpmSchedule ddpm, sched::DdimSchedule ddim, double guidance, double fps);
    // T2V-Turbo-v2's consistency sampler.
    Vc2Sampler(sched::ConsistencySchedule schedule, TurboGuidance guidance, double fps);

    bool turbo() const { return m_turbo; }
    // VideoCrafter2's DDIM schedule (empty for T2V-Turbo-v2).
    const sched::DdimSchedule &ddim() const { return m_ddim; }
    // True when a step runs an unconditional pass besides the conditional one.
    bool guided() const { return !m_turbo && m_guidance != 1.0; }
    int count() const;
    int64_t timestep(int step) const;
    double fps() const { return m_fps; }
    // The UNet's extra inputs at `timestep`: none for DDIM.
    TurboCondition condition(int64_t timestep) const;
    // x0 noised to `timestep` with `noise`.
    at::Tensor noised(int64_t timestep, const at::Tensor &x0, const at::Tensor &noise) const;
    // What, besides the step's timestep, decides the input of a source pass ("ddim", or the
    // turbo grid and guidance), for keying a Q bank.
    std::string sourceIdentity() const;

    // From `latent` (z_T, or the sample after step firstStep − 1 with the generator where that
    // step left it); `uncond` is read only by DDIM with guidance ≠ 1.
    Result<Vc2SampleResult> sample(const Vc2UNet &unet, const at::Tensor &latent,
                                   const at::Tensor &cond, const at::Tensor &uncond, int firstStep,
                                   at::Generator &generator, const Vc2StepCallback &onStep = {},
                                   const Vc2BeforeStep &beforeStep = {}) const;

private:
    bool m_turbo = false;
    double m_fps = 0.0;
    sched::DdpmSchedule m_ddpm;
    sched::DdimSchedule m_ddim;
    double m_guidance = 1.0;
    sched::ConsistencySchedule m_consistency;
    TurboGuidance m_turboGuidance;
};

} // namespace mbq::vc2
