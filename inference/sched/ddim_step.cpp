#include "inference/sched/ddim_step.h"

#include <cmath>

namespace mbq::sched {

at::Tensor ddimStep(const DdimStepCoefficients &c, const at::Tensor &x, const at::Tensor &eps,
                    const at::Tensor &noise)
{
    const at::Tensor x0
        = (x - eps * double(c.sqrtOneMinusAlpha)) / double(c.sqrtAlpha) / double(c.scale);
    at::Tensor out = x0 * double(c.x0Coef) + eps * double(c.dirCoef);
    if (c.sigma > 0.0f)
        out = out + noise.to(x.scalar_type()) * double(c.sigma);
    return out;
}

at::Tensor ddimInvertStep(const DdimStepCoefficients &c, const at::Tensor &x, const at::Tensor &eps)
{
    const float sqrtOneMinusPrev = std::sqrt(1.0f - c.alphaPrev);
    const at::Tensor x0 = (x - eps * double(sqrtOneMinusPrev)) / double(c.x0Coef);
    // Two factors, as ddimStep divides by them one at a time: their float product would round.
    return x0 * (double(c.sqrtAlpha) * double(c.scale)) + eps * double(c.sqrtOneMinusAlpha);
}

at::Tensor qSample(const DdpmSchedule &ddpm, int64_t t, const at::Tensor &x0,
                   const at::Tensor &noise)
{
    const size_t i = size_t(t);
    return x0 * double(ddpm.sqrtAlphasCumprodF32[i]) * double(ddpm.scale(t))
        + noise.to(x0.scalar_type()) * double(ddpm.sqrtOneMinusAlphasCumprodF32[i]);
}

} // namespace mbq::sched
