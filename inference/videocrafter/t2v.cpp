#include "inference/videocrafter/t2v.h"

#include "inference/sched/ddim_step.h"

namespace mbq::vc2 {

Result<Vc2SampleResult> sampleVc2(const Vc2UNet &unet, const sched::DdimSchedule &schedule,
                                  at::Tensor latent, const at::Tensor &cond,
                                  const at::Tensor &uncond, const Vc2SampleSettings &settings,
                                  at::Generator &generator, const Vc2StepCallback &onStep)
{
    using attention::GuidanceBranch;
    Vc2SampleResult result;
    result.completedSteps = settings.firstStep;
    const at::Tensor fps = at::full({1}, settings.fps, at::kDouble);
    const bool guided = settings.guidance != 1.0;
    for (int step = settings.firstStep; step < schedule.count(); ++step) {
        if (settings.beforeStep) {
            if (auto ready = settings.beforeStep(step); !ready)
                return ready.error();
        }
        const sched::DdimStepCoefficients &c = schedule.steps[size_t(step)];
        const at::Tensor t = at::full({1}, c.timestep, at::kLong);
        auto eps = unet.forward(latent, t, cond, fps, {step, {GuidanceBranch::Conditional}});
        if (!eps)
            return eps.error();
        // Guidance and the step run in the latent's dtype (float32 when the UNet is bf16/fp16).
        at::Tensor e = eps->to(latent.scalar_type());
        if (guided) {
            auto epsU
                = unet.forward(latent, t, uncond, fps, {step, {GuidanceBranch::Unconditional}});
            if (!epsU)
                return epsU.error();
            const at::Tensor u = epsU->to(latent.scalar_type());
            e = u + (e - u) * settings.guidance;
        }
        at::Tensor noise;
        if (c.sigma > 0.0f)
            noise = at::randn(latent.sizes(), generator, latent.options().device(at::kCPU))
                        .to(latent.device());
        latent = sched::ddimStep(c, latent, e, noise);
        result.completedSteps = step + 1;
        if (onStep && !onStep(step, latent)) {
            result.cancelled = step + 1 < schedule.count();
            break;
        }
    }
    result.latent = latent;
    return result;
}

} // namespace mbq::vc2
