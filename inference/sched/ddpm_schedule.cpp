#include "inference/sched/ddpm_schedule.h"

#include <cmath>
#include <string>

namespace mbq::sched {

namespace {

// torch.linspace's float64 kernel: the first half steps up from the start, the second half
// steps down from the end, so both ends are exact.
std::vector<double> torchLinspace(double start, double end, int count)
{
    std::vector<double> values(size_t(count), start);
    if (count < 2)
        return values;
    const double step = (end - start) / double(count - 1);
    const int half = count / 2;
    for (int i = 0; i < count; ++i)
        values[size_t(i)] = i < half ? start + step * i : end - step * (count - 1 - i);
    return values;
}

// numpy.linspace: start + i·step, with the last value set to `end` exactly.
std::vector<double> numpyLinspace(double start, double end, int count)
{
    std::vector<double> values(size_t(count), start);
    if (count < 2)
        return values;
    const double step = (end - start) / double(count - 1);
    for (int i = 0; i < count; ++i)
        values[size_t(i)] = double(i) * step + start;
    values.back() = end;
    return values;
}

} // namespace

Result<DdpmSchedule> makeDdpmSchedule(const DdpmScheduleConfig &config)
{
    if (config.timesteps < 2 || config.timesteps > 100000)
        return makeError(ErrorCode::InvalidArgument,
                         "DDPM schedule: timesteps must be in [2, 100000], got "
                             + std::to_string(config.timesteps));
    if (!(config.linearStart > 0) || !(config.linearEnd > 0) || !(config.linearEnd < 1)
        || !(config.linearStart < 1))
        return makeError(ErrorCode::InvalidArgument,
                         "DDPM schedule: linear_start and linear_end must lie in (0, 1)");
    if (config.useScale
        && (config.scaleMidStep < 2 || !(config.scaleA > 0) || !(config.scaleB > 0)))
        return makeError(ErrorCode::InvalidArgument,
                         "DDPM schedule: the latent scale needs mid_step >= 2 and positive "
                         "scale_a, scale_b");

    DdpmSchedule schedule;
    schedule.config = config;
    schedule.betas = torchLinspace(std::sqrt(config.linearStart), std::sqrt(config.linearEnd),
                                   config.timesteps);
    double product = 1.0;
    for (double &beta : schedule.betas) {
        beta *= beta;
        product *= 1.0 - beta;
        schedule.alphasCumprod.push_back(product);
        schedule.alphasCumprodF32.push_back(float(product));
        schedule.sqrtAlphasCumprodF32.push_back(float(std::sqrt(product)));
        schedule.sqrtOneMinusAlphasCumprodF32.push_back(float(std::sqrt(1.0 - product)));
    }
    if (config.useScale) {
        for (double s : numpyLinspace(config.scaleA, config.scaleB, config.scaleMidStep))
            schedule.scaleArr.push_back(float(s));
        schedule.scaleArr.insert(schedule.scaleArr.end(), size_t(config.timesteps),
                                 float(config.scaleB));
    }
    return schedule;
}

} // namespace mbq::sched
