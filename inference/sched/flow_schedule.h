#pragma once
// The sampling grid of Wan2.1's flow-matching solvers, computed exactly as the official
// FlowUniPCMultistepScheduler does (wan/utils/fm_solvers_unipc.py, set_timesteps with the
// scheduler built at shift 1 and the shift passed to set_timesteps). Torch-free.

#include "inference/result.h"

#include <cstdint>
#include <vector>

namespace mbq::sched {

struct FlowSchedule
{
    // Integer timesteps fed to the model, one per step (0 = noisiest).
    std::vector<int64_t> timesteps;
    // Noise levels the solver uses: steps + 1 values, the last one 0. Stored as float32 values
    // because the official solver keeps them in float32.
    std::vector<float> sigmas;

    int steps() const { return int(timesteps.size()); }
};

constexpr int kTrainTimesteps = 1000;

// sigma_max = float32(1 - 1/1000) (the training grid's largest sigma), then
// sigma_i = sigma_max + i * (0 - sigma_max) / steps for i < steps (numpy linspace, in double),
// shifted by s·σ / (1 + (s − 1)·σ) in double; timesteps are trunc(σ·1000), sigmas float32(σ),
// then a final 0. InvalidArgument for steps outside [1, 1000] or shift <= 0.
Result<FlowSchedule> officialFlowSchedule(int steps, double shift);

} // namespace mbq::sched
