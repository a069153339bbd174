#include "inference/sched/consistency_schedule.h"

#include <ATen/ATen.h>

#include <cmath>
#include <string>

namespace mbq::sched {

namespace {

Error scheduleError(const std::string &what)
{
    return makeError(ErrorCode::InvalidArgument, "T2V-Turbo sampler: " + what);
}

} // namespace

std::vector<float> consistencyAlphasCumprod(const DdpmScheduleConfig &config)
{
    // torch's own float32 linspace and CPU cumprod (which accumulates in double and rounds each
    // entry), so the values are the official scheduler's bit for bit.
    const at::Tensor betas
        = at::linspace(std::sqrt(config.linearStart), std::sqrt(config.linearEnd), config.timesteps,
                       at::TensorOptions().dtype(at::kFloat))
              .pow(2);
    const at::Tensor alphas = at::cumprod(1.0 - betas, 0).contiguous();
    return std::vector<float>(alphas.data_ptr<float>(), alphas.data_ptr<float>() + alphas.numel());
}

Result<std::vector<int64_t>> consistencyTimesteps(int trainSteps, int steps, int originSteps)
{
    if (originSteps < 1 || originSteps > trainSteps)
        return scheduleError("the origin steps must be in [1, " + std::to_string(trainSteps)
                             + "], got " + std::to_string(originSteps));
    if (steps < 1 || steps > originSteps)
        return scheduleError("steps must be in [1, " + std::to_string(originSteps) + "], got "
                             + std::to_string(steps));
    const int64_t stride = trainSteps / originSteps;
    const int skip = originSteps / steps;
    std::vector<int64_t> timesteps;
    // origin[::-skip][:steps]: from the last origin entry down, every skip-th.
    for (int k = originSteps; k >= 1 && int(timesteps.size()) < steps; k -= skip)
        timesteps.push_back(stride * k - 1);
    return timesteps;
}

Result<ConsistencySchedule> makeConsistencySchedule(const DdpmScheduleConfig &config, int steps,
                                                    int originSteps)
{
    if (config.timesteps < 2 || !(config.linearStart > 0) || !(config.linearEnd < 1)
        || !(config.linearStart < config.linearEnd))
        return scheduleError("the beta range must satisfy 0 < start < end < 1 over at least "
                             "two timesteps");
    auto timesteps = consistencyTimesteps(config.timesteps, steps, originSteps);
    if (!timesteps)
        return timesteps.error();
    ConsistencySchedule schedule;
    schedule.originSteps = originSteps;
    schedule.alphasCumprod = consistencyAlphasCumprod(config);
    const std::vector<float> &abar = schedule.alphasCumprod;
    for (size_t i = 0; i < timesteps->size(); ++i) {
        ConsistencyStepCoefficients c;
        c.timestep = (*timesteps)[i];
        c.nextTimestep = i + 1 < timesteps->size() ? (*timesteps)[i + 1] : c.timestep;
        c.alpha = abar[size_t(c.timestep)];
        c.alphaNext = abar[size_t(c.nextTimestep)];
        c.sqrtAlpha = std::sqrt(c.alpha);
        c.sqrtOneMinusAlpha = std::sqrt(1.0f - c.alpha);
        c.sqrtAlphaNext = std::sqrt(c.alphaNext);
        c.sqrtOneMinusAlphaNext = std::sqrt(1.0f - c.alphaNext);
        // The official scalings take the integer timestep through float32 tensor arithmetic.
        // The root is LibTorch's too: its float32 sqrt is not always the correctly rounded one
        // of std::sqrt (t = 159: 1590.0 where std::sqrt gives 1590.0001, so c_out 1 against
        // 0.99999994), and the official scheduler runs on torch.
        const float scaled = float(c.timestep) / 0.1f;
        const float denominator = scaled * scaled + 0.25f;
        c.cSkip = 0.25f / denominator;
        c.cOut = scaled / at::scalar_tensor(denominator, at::kFloat).sqrt().item<float>();
        schedule.steps.push_back(c);
    }
    return schedule;
}

} // namespace mbq::sched
