#include "inference/sched/consistency_step.h"

#include <cmath>

namespace mbq::sched {

at::Tensor consistencyDenoise(const ConsistencyStepCoefficients &c, const at::Tensor &x,
                              const at::Tensor &eps)
{
    const at::Tensor x0 = (x - eps * double(c.sqrtOneMinusAlpha)) / double(c.sqrtAlpha);
    return x0 * double(c.cOut) + x * double(c.cSkip);
}

at::Tensor consistencyRenoise(const ConsistencyStepCoefficients &c, const at::Tensor &denoised,
                              const at::Tensor &noise)
{
    return denoised * double(c.sqrtAlphaNext)
        + noise.to(denoised.scalar_type()) * double(c.sqrtOneMinusAlphaNext);
}

at::Tensor consistencyAddNoise(const ConsistencySchedule &schedule, int64_t t, const at::Tensor &x0,
                               const at::Tensor &noise)
{
    const float alpha = schedule.alphasCumprod[size_t(t)];
    return x0 * double(std::sqrt(alpha))
        + noise.to(x0.scalar_type()) * double(std::sqrt(1.0f - alpha));
}

} // namespace mbq::sched
