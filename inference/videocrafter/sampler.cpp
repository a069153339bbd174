#include "inference/videocrafter/sampler.h"

#include "inference/sched/consistency_step.h"
#include "inference/sched/ddim_step.h"

#include <cmath>
#include <sstream>

namespace mbq::vc2 {

namespace {

Error optionError(const std::string &what)
{
    return makeError(ErrorCode::InvalidArgument, what);
}

} // namespace

Result<Vc2Sampler> Vc2Sampler::forModel(const Vc2Model &model, const Vc2SamplerOptions &options)
{
    if (!std::isfinite(options.guidance) || !std::isfinite(options.fps))
        return optionError("the guidance scale and the fps condition must be finite numbers");
    if (!model.turbo()) {
        auto ddim = sched::makeDdimSchedule(model.schedule(), options.steps, options.eta);
        if (!ddim)
            return ddim.error();
        return Vc2Sampler(model.schedule(), std::move(*ddim), options.guidance, options.fps);
    }
    const TurboSampling &t = options.turbo;
    if (!(t.motionPercentage >= 0.0 && t.motionPercentage <= 1.0))
        return optionError("the motion-guidance percentage must be in [0, 1], got "
                           + std::to_string(t.motionPercentage));
    if (!std::isfinite(t.motionGuidance))
        return optionError("the motion-guidance scale must be a finite number");
    auto schedule
        = sched::makeConsistencySchedule(model.config().schedule, options.steps, t.originSteps);
    if (!schedule)
        return schedule.error();
    TurboGuidance guidance;
    guidance.guidance = options.guidance;
    guidance.motionInput = model.config().unet.motionCondProjDim > 0;
    guidance.motion = t.motionGuidance >= 0.0 ? t.motionGuidance
        : model.location().motionGuided       ? kTurboMotionGuidance
                                              : 0.0;
    guidance.motionPercentage = t.motionPercentage;
    return Vc2Sampler(std::move(*schedule), guidance, options.fps);
}

Vc2Sampler::Vc2Sampler(sched::DdpmSchedule ddpm, sched::DdimSchedule ddim, double guidance,
                       double fps)
    : m_fps(fps)
    , m_ddpm(std::move(ddpm))
    , m_ddim(std::move(ddim))
    , m_guidance(guidance)
{ }

Vc2Sampler::Vc2Sampler(sched::ConsistencySchedule schedule, TurboGuidance guidance, double fps)
    : m_turbo(true)
    , m_fps(fps)
    , m_consistency(std::move(schedule))
    , m_turboGuidance(guidance)
{ }

int Vc2Sampler::count() const
{
    return m_turbo ? m_consistency.count() : m_ddim.count();
}

int64_t Vc2Sampler::timestep(int step) const
{
    return m_turbo ? m_consistency.steps[size_t(step)].timestep
                   : m_ddim.steps[size_t(step)].timestep;
}

TurboCondition Vc2Sampler::condition(int64_t timestep) const
{
    return m_turbo ? m_turboGuidance.at(timestep, m_consistency.trainSteps()) : TurboCondition();
}

at::Tensor Vc2Sampler::noised(int64_t timestep, const at::Tensor &x0, const at::Tensor &noise) const
{
    return m_turbo ? sched::consistencyAddNoise(m_consistency, timestep, x0, noise)
                   : sched::qSample(m_ddpm, timestep, x0, noise);
}

std::string Vc2Sampler::sourceIdentity() const
{
    if (!m_turbo)
        return "ddim";
    std::ostringstream text;
    text.precision(17);
    const TurboGuidance &g = m_turboGuidance;
    text << "turbo origin " << m_consistency.originSteps << " w " << g.guidance << " m "
         << (g.motionInput ? g.motion : -1.0) << " p " << g.motionPercentage;
    return text.str();
}

Result<Vc2SampleResult> Vc2Sampler::sample(const Vc2UNet &unet, const at::Tensor &latent,
                                           const at::Tensor &cond, const at::Tensor &uncond,
                                           int firstStep, at::Generator &generator,
                                           const Vc2StepCallback &onStep,
                                           const Vc2BeforeStep &beforeStep) const
{
    if (m_turbo) {
        TurboSampleSettings settings;
        settings.guidance = m_turboGuidance;
        settings.fps = m_fps;
        settings.firstStep = firstStep;
        settings.beforeStep = beforeStep;
        return sampleTurbo(unet, m_consistency, latent, cond, settings, generator, onStep);
    }
    Vc2SampleSettings settings;
    settings.guidance = m_guidance;
    settings.fps = m_fps;
    settings.firstStep = firstStep;
    settings.beforeStep = beforeStep;
    return sampleVc2(unet, m_ddim, latent, cond, uncond, settings, generator, onStep);
}

} // namespace mbq::vc2
