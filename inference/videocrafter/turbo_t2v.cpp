#include "inference/videocrafter/turbo_t2v.h"

#include "inference/sched/consistency_step.h"

namespace mbq::vc2 {

TurboCondition TurboGuidance::at(int64_t timestep, int trainSteps) const
{
    TurboCondition condition;
    condition.guidance = guidance;
    // The official comparison of a tensor with a Python float happens in float32.
    const float threshold = float(double(trainSteps) * (1.0 - motionPercentage));
    if (motionInput)
        condition.motion = float(timestep) < threshold ? 0.0 : motion;
    return condition;
}

Result<Vc2SampleResult> sampleTurbo(const Vc2UNet &unet, const sched::ConsistencySchedule &schedule,
                                    at::Tensor latent, const at::Tensor &cond,
                                    const TurboSampleSettings &settings, at::Generator &generator,
                                    const Vc2StepCallback &onStep)
{
    Vc2SampleResult result;
    result.completedSteps = settings.firstStep;
    const at::Tensor fps = at::full({1}, settings.fps, at::kDouble);
    const int last = schedule.count() - 1;
    for (int step = settings.firstStep; step <= last; ++step) {
        if (settings.beforeStep) {
            if (auto ready = settings.beforeStep(step); !ready)
                return ready.error();
        }
        const sched::ConsistencyStepCoefficients &c = schedule.steps[size_t(step)];
        const at::Tensor t = at::full({1}, c.timestep, at::kLong);
        auto eps
            = unet.forward(latent, t, cond, fps, {step, {attention::GuidanceBranch::Conditional}},
                           settings.guidance.at(c.timestep, schedule.trainSteps()));
        if (!eps)
            return eps.error();
        // The step runs in the latent's dtype (float32 when the UNet is bf16/fp16).
        latent = sched::consistencyDenoise(c, latent, eps->to(latent.scalar_type()));
        if (step < last) {
            const at::Tensor noise
                = at::randn(latent.sizes(), generator, latent.options().device(at::kCPU))
                      .to(latent.device());
            latent = sched::consistencyRenoise(c, latent, noise);
        }
        result.completedSteps = step + 1;
        if (onStep && !onStep(step, latent)) {
            result.cancelled = step < last;
            break;
        }
    }
    result.latent = latent;
    return result;
}

} // namespace mbq::vc2
