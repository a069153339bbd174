#include "inference/sched/ddim_schedule.h"

#include <cmath>
#include <string>

namespace mbq::sched {

Result<DdimSchedule> makeDdimSchedule(const DdpmSchedule &ddpm, int steps, double eta)
{
    const int total = ddpm.timesteps();
    if (steps < 1 || steps > total)
        return makeError(ErrorCode::InvalidArgument,
                         "DDIM: steps must be in [1, " + std::to_string(total) + "], got "
                             + std::to_string(steps));
    if (!(eta >= 0.0) || !std::isfinite(eta))
        return makeError(ErrorCode::InvalidArgument,
                         "DDIM: eta must be a finite number >= 0, got " + std::to_string(eta));

    // The official ascending grid: range(0, total, total // steps) + 1.
    std::vector<int64_t> grid;
    const int stride = total / steps;
    for (int t = 0; t < total; t += stride)
        grid.push_back(t + 1);
    if (grid.back() >= total)
        return makeError(ErrorCode::InvalidArgument,
                         "DDIM: " + std::to_string(steps) + " steps put a timestep past "
                             + std::to_string(total - 1)
                             + " on the official grid; use a step count that divides "
                             + std::to_string(total) + " (e.g. 4, 10, 25, 50)");

    const std::vector<float> &abar = ddpm.alphasCumprodF32;
    DdimSchedule schedule;
    schedule.eta = eta;
    for (size_t k = grid.size(); k-- > 0;) {
        DdimStepCoefficients c;
        c.timestep = grid[k];
        c.alpha = abar[size_t(grid[k])];
        // The previous level of the first index is ᾱ[0] and scale_arr[0], not 1.
        const int64_t prevT = k == 0 ? 0 : grid[k - 1];
        c.alphaPrev = abar[size_t(prevT)];
        // make_ddim_sampling_parameters mixes a float32 tensor with float64 numpy values, so
        // σ is computed in float64 from the float32 ᾱ values, then used as float32.
        const double a = c.alpha, ap = c.alphaPrev;
        c.sigma = float(eta * std::sqrt((1.0 - ap) / (1.0 - a) * (1.0 - a / ap)));
        c.sqrtAlpha = std::sqrt(c.alpha);
        c.sqrtOneMinusAlpha = std::sqrt(1.0f - c.alpha);
        c.sqrtAlphaPrev = std::sqrt(c.alphaPrev);
        c.dirCoef = std::sqrt(1.0f - c.alphaPrev - c.sigma * c.sigma);
        c.scale = ddpm.scale(grid[k]);
        c.scalePrev = ddpm.scale(prevT);
        c.x0Coef = c.sqrtAlphaPrev * c.scalePrev;
        schedule.steps.push_back(c);
    }
    return schedule;
}

} // namespace mbq::sched
