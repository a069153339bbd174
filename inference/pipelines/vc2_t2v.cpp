#include "inference/pipelines/vc2_t2v.h"

namespace mbq::pipelines {

Result<vc2::Vc2SampleResult> sampleVc2Seeded(vc2::Vc2Model &model,
                                             const sched::DdimSchedule &schedule,
                                             const GenerationSettings &settings,
                                             const at::Tensor &cond, const at::Tensor &uncond,
                                             double fpsCondition, const JobHooks &hooks)
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
    const auto onStep = [&](int step, const at::Tensor &) {
        if (hooks.progress)
            hooks.progress({Stage::Denoise, step + 1, schedule.count()});
        return !hooks.cancelled();
    };
    return vc2::sampleVc2(model.unet(), schedule, zT, cond, uncond, sample, generator, onStep);
}

} // namespace mbq::pipelines
