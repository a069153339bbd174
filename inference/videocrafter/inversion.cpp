#include "inference/videocrafter/inversion.h"

#include "inference/sched/ddim_step.h"

namespace mbq::vc2 {

Result<std::vector<at::Tensor>> invertVc2(const Vc2UNet &unet, const sched::DdimSchedule &schedule,
                                          const at::Tensor &z0, const at::Tensor &context,
                                          double fps, const std::function<bool(int)> &onPass)
{
    const at::Tensor fpsTensor = at::full({1}, fps, at::kDouble);
    std::vector<at::Tensor> levels(size_t(schedule.count()));
    at::Tensor x = z0;
    for (int step = schedule.count() - 1; step >= 0; --step) {
        const sched::DdimStepCoefficients &c = schedule.steps[size_t(step)];
        auto eps = unet.forward(x, at::full({1}, c.timestep, at::kLong), context, fpsTensor,
                                {step, {attention::GuidanceBranch::Source}});
        if (!eps)
            return eps.error();
        x = sched::ddimInvertStep(c, x, *eps);
        levels[size_t(step)] = x;
        if (onPass && !onPass(schedule.count() - step))
            return std::vector<at::Tensor>();
    }
    return levels;
}

} // namespace mbq::vc2
