#include "inference/pipelines/vc2_t2v.h"

namespace mbq::pipelines {

Result<vc2::Vc2SampleResult> sampleVc2Seeded(vc2::Vc2Model &model,
                                             const sched::DdimSchedule &schedule,
                                             const GenerationSettings &settings,
                                             const at::Tensor &cond, const at::Tensor &uncond,
                                             double fpsCondition, const JobHooks &hooks,
                                             const Vc2Trajectory &trajectory, int *resumedSteps)
{
    const vc2::Vc2Sampler sampler(model.schedule(), schedule, settings.guidance, fpsCondition);
    return sampleVc2Seeded(model, sampler, settings, cond, uncond, hooks, trajectory, resumedSteps);
}

at::Tensor vc2InitialLatent(vc2::Vc2Model &model, const GenerationSettings &settings,
                            at::Generator &generator)
{
    const vc2::Vc2Precision &precision = model.unet().precision();
    const int64_t factor = model.vae().config().downFactor();
    return at::randn({1, model.config().unet.inChannels, settings.frames,
                      settings.height / factor, settings.width / factor},
                     generator, at::TensorOptions().dtype(precision.wide()))
        .to(precision.device);
}

Result<vc2::Vc2SampleResult> sampleVc2Seeded(vc2::Vc2Model &model, const vc2::Vc2Sampler &sampler,
                                             const GenerationSettings &settings,
                                             const at::Tensor &cond, const at::Tensor &uncond,
                                             const JobHooks &hooks, const Vc2Trajectory &trajectory,
                                             int *resumedSteps,
                                             const vc2::Vc2BeforeStep &beforeStep)
{
    const vc2::Vc2Precision &precision = model.unet().precision();
    at::Generator generator = at::detail::createCPUGenerator(settings.seed);
    const at::Tensor zT = vc2InitialLatent(model, settings, generator);
    int firstStep = 0;
    at::Tensor latent = zT;
    const bool keep = trajectory.cache && int(trajectory.keys.size()) == sampler.count();
    if (keep) {
        if (auto resume = trajectory.cache->resumePoint(trajectory.keys, precision.device)) {
            latent = resume->second.latent;
            generator.set_state(resume->second.state.tensors.at(0).to(at::kCPU));
            firstStep = resume->first + 1;
            if (hooks.progress)
                hooks.progress({Stage::Denoise, firstStep, sampler.count()});
        }
    }
    if (resumedSteps)
        *resumedSteps = firstStep;
    const auto onStep = [&](int step, const at::Tensor &after) {
        if (keep)
            trajectory.cache->put(trajectory.keys[size_t(step)],
                                  {after, {step + 1, {}, {generator.get_state()}}});
        if (hooks.progress)
            hooks.progress({Stage::Denoise, step + 1, sampler.count()});
        return !hooks.cancelled();
    };
    return sampler.sample(model.unet(), latent, cond, uncond, firstStep, generator, onStep,
                          beforeStep);
}

} // namespace mbq::pipelines
