#include "inference/pipelines/vc2_t2v.h"

namespace mbq::pipelines {

Result<vc2::Vc2SampleResult> sampleVc2Seeded(vc2::Vc2Model &model,
                                             const sched::DdimSchedule &schedule,
                                             const GenerationSettings &settings,
                                             const at::Tensor &cond, const at::Tensor &uncond,
                                             double fpsCondition, const JobHooks &hooks,
                                             const Vc2Trajectory &trajectory, int *resumedSteps)
{
    const vc2::Vc2Precision &precision = model.unet().precision();
    at::Generator generator = at::detail::createCPUGenerator(settings.seed);
    const int64_t factor = model.vae().config().downFactor();
    const at::Tensor zT = at::randn({1, model.config().unet.inChannels, settings.frames,
                                     settings.height / factor, settings.width / factor},
                                    generator, at::TensorOptions().dtype(precision.wide()))
                              .to(precision.device);
    vc2::Vc2SampleSettings sample;
    sample.guidance = settings.guidance;
    sample.fps = fpsCondition;
    at::Tensor latent = zT;
    const bool keep = trajectory.cache && int(trajectory.keys.size()) == schedule.count();
    if (keep) {
        // A kept entry that cannot be read back is dropped, so this ends.
        for (int kept; (kept = trajectory.cache->lastKept(trajectory.keys)) >= 0;) {
            auto step = trajectory.cache->find(trajectory.keys[size_t(kept)], precision.device);
            if (!step)
                continue;
            latent = step->latent;
            generator.set_state(step->state.tensors.at(0).to(at::kCPU));
            sample.firstStep = kept + 1;
            if (hooks.progress)
                hooks.progress({Stage::Denoise, kept + 1, schedule.count()});
            break;
        }
    }
    if (resumedSteps)
        *resumedSteps = sample.firstStep;
    const auto onStep = [&](int step, const at::Tensor &after) {
        if (keep)
            trajectory.cache->put(trajectory.keys[size_t(step)],
                                  {after, {step + 1, {}, {generator.get_state()}}});
        if (hooks.progress)
            hooks.progress({Stage::Denoise, step + 1, schedule.count()});
        return !hooks.cancelled();
    };
    return vc2::sampleVc2(model.unet(), schedule, latent, cond, uncond, sample, generator,
                          onStep);
}

} // namespace mbq::pipelines
