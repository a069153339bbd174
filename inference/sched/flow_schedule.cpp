#include "inference/sched/flow_schedule.h"

#include <cmath>
#include <string>

namespace mbq::sched {

Result<FlowSchedule> officialFlowSchedule(int steps, double shift)
{
    if (steps < 1 || steps > kTrainTimesteps)
        return makeError(ErrorCode::InvalidArgument,
                         "steps must be between 1 and " + std::to_string(kTrainTimesteps)
                             + ", got " + std::to_string(steps));
    if (!(shift > 0.0) || !std::isfinite(shift))
        return makeError(ErrorCode::InvalidArgument,
                         "shift must be a positive number, got " + std::to_string(shift));

    // The training grid is 1 - linspace(1, 1/1000, 1000) reversed, stored as float32; its first
    // entry is the largest sigma. Reading it back through float32 matters: the whole list
    // below starts from that rounded value.
    const double sigmaMax = double(float(1.0 - 1.0 / kTrainTimesteps));
    const double sigmaMin = 0.0;

    FlowSchedule schedule;
    schedule.timesteps.reserve(size_t(steps));
    schedule.sigmas.reserve(size_t(steps) + 1);
    // numpy.linspace(start, stop, steps + 1): step = (stop - start) / steps, y_i = i*step + start.
    const double delta = (sigmaMin - sigmaMax) / double(steps);
    for (int i = 0; i < steps; ++i) {
        const double raw = double(i) * delta + sigmaMax;
        const double sigma = shift * raw / (1.0 + (shift - 1.0) * raw);
        // numpy's astype(int64) truncates toward zero.
        schedule.timesteps.push_back(int64_t(sigma * kTrainTimesteps));
        schedule.sigmas.push_back(float(sigma));
    }
    schedule.sigmas.push_back(0.0f);
    return schedule;
}

} // namespace mbq::sched
