#pragma once
// The 1000-step DDPM noise schedule of VideoCrafter2 (lvdm/models/ddpm3d.py register_schedule
// with the "linear" beta schedule, which is SD's scaled-linear one), and VC2's per-timestep
// latent scale `scale_arr` (use_scale: the training noised s_t·x0 instead of x0). Torch-free.

#include "inference/result.h"

#include <cstdint>
#include <vector>

namespace mbq::sched {

struct DdpmScheduleConfig
{
    int timesteps = 1000;
    double linearStart = 0.00085;
    double linearEnd = 0.012;
    bool useScale = true; // VC2's v2.0 config; false for plain latent diffusion
    double scaleA = 1.0;
    double scaleB = 0.7;
    int scaleMidStep = 400; // s_t falls linearly over the first mid_step timesteps
};

struct DdpmSchedule
{
    DdpmScheduleConfig config;
    std::vector<double> betas; // float64, as computed
    std::vector<double> alphasCumprod; // float64 ᾱ_t (np.cumprod of 1 − β)
    // The float32 buffers the official model registers and its samplers read.
    std::vector<float> alphasCumprodF32;
    std::vector<float> sqrtAlphasCumprodF32; // float32(sqrt(ᾱ_t in float64))
    std::vector<float> sqrtOneMinusAlphasCumprodF32; // float32(sqrt(1 − ᾱ_t in float64))
    // mid_step + timesteps entries (the official length, because fix_scale_bug is off); only
    // the first `timesteps` are ever read. Empty without use_scale.
    std::vector<float> scaleArr;

    int timesteps() const { return int(betas.size()); }
    // s_t, or 1 when the schedule has no scale.
    float scale(int64_t t) const { return scaleArr.empty() ? 1.0f : scaleArr[size_t(t)]; }
};

// β_i = (√start + i·(√end − √start)/(n − 1))² in float64 (torch.linspace then square),
// ᾱ = cumprod(1 − β); s = linspace(a, b, mid_step) then b repeated `timesteps` times.
// InvalidArgument for non-positive sizes or betas outside (0, 1).
Result<DdpmSchedule> makeDdpmSchedule(const DdpmScheduleConfig &config = {});

} // namespace mbq::sched
