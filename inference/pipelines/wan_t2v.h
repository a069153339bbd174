#pragma once
// Wan2.1 text-to-video: both prompts encoded once, seeded noise, the flow-matching solver
// walking the official schedule with classifier-free guidance, progress, previews and cancel
// through JobHooks at every step, the latent handed out before decoding, then the VAE.

#include "inference/engine.h"
#include "inference/pipelines/t2v_components.h"
#include "inference/pipelines/trajectory_cache.h"
#include "inference/result.h"
#include "inference/wan/dit.h"

#include <ATen/ATen.h>

#include <functional>
#include <string>
#include <vector>

namespace mbq::pipelines {

// wan/configs/shared_config.py sample_neg_prompt, used when the request's negative is empty.
const char *wanDefaultNegativePrompt();

struct WanT2VRequest
{
    std::string prompt;
    std::string negativePrompt; // empty: wanDefaultNegativePrompt()
    GenerationSettings settings;
    // One DiT call on a batch of 2 (conditional, unconditional) instead of two calls of 1;
    // equal up to kernel rounding, faster on GPUs.
    bool batchGuidance = true;
    // With a cache and one trajectoryKeys() entry per step, the render resumes after the last
    // kept step and keeps every step it computes.
    TrajectoryCache *trajectory = nullptr;
    std::vector<uint64_t> trajectoryKeys;
    // Runs before the model pass of every step this render computes (not the resumed ones),
    // with the step's index; lockstep extraction runs the source's pass for that step here.
    // An error ends the render with it.
    std::function<Result<void>(int step)> beforeStep;
};

struct WanT2VResult
{
    at::Tensor latent;     // [16, F, H, W] float32 on the CPU: after the last finished step
    at::Tensor video;      // [3, T, H, W] in [-1, 1]; undefined when cancelled or not decoded
    int completedSteps = 0;
    int resumedSteps = 0; // of completedSteps, taken from the trajectory cache
    bool cancelled = false;
    std::vector<std::string> warnings;
};

// Called with the latent before the VAE runs (and when a render is cancelled), so a failed or
// out-of-memory decode can be retried from it.
using LatentSink = std::function<Result<void>(const at::Tensor &latent, int completedSteps)>;

// The starting noise: float32 standard normal from LibTorch's CPU generator (mt19937) seeded
// with `seed`, drawn on the CPU whatever the compute device, so a seed gives the same video on
// every machine. For the same seed and shape it equals PyTorch's
// torch.randn(shape, generator=torch.Generator().manual_seed(seed)); the official script draws
// on the GPU instead, so its videos for a seed differ from ours.
at::Tensor wanInitialNoise(at::IntArrayRef shape, uint64_t seed);

// A cheap look at a latent: each latent pixel's 16 channels projected to RGB with fixed
// factors fitted to the Wan VAE (as ComfyUI's previews do), one frame per latent frame at
// latent resolution.
VideoFrames wanLatentPreview(const at::Tensor &latent, double fps);

// [3, T, H, W] in [-1, 1] -> RGB8, as the official cache_video: (v + 1) / 2 · 255, truncated.
VideoFrames videoToFrames(const at::Tensor &video, double fps);

// The latent [channels, F, H, W] for `settings`, or InvalidArgument when the frame count or
// size does not fit the VAE's strides and the DiT's patch (the VAE's strides are Wan's 4 and 8
// when vae is null).
Result<std::vector<int64_t>> wanLatentShape(const wan::WanDitConfig &config,
                                            const GenerationSettings &settings,
                                            const VideoVae *vae);

// The guided velocity at one step: unconditional + guidance · (conditional − unconditional),
// from one DiT call on a batch of 2 or (batch false) two calls of 1, the calls' context naming
// `step` and each row's guidance branch. positive and negative are padded to the text length.
Result<at::Tensor> wanGuidedVelocity(wan::WanDit &dit, const at::Tensor &latent,
                                     int64_t timestep, const at::Tensor &positive,
                                     const at::Tensor &negative, double guidance, bool batch,
                                     int step);

// Text rows [length, dim] cut or zero-padded to `length` rows, as the DiT pads them itself;
// padding first lets two prompts share one batch.
at::Tensor wanPadTextRows(const at::Tensor &rows, int64_t length);

class WanT2VPipeline
{
public:
    // dit and text are required; vae may be null (the render then stops at the latent).
    WanT2VPipeline(wan::WanDit &dit, TextEncoder &text, VideoVae *vae);

    Result<WanT2VResult> run(const WanT2VRequest &request, const JobHooks &hooks,
                             const LatentSink &saveLatent = {});

private:
    wan::WanDit &m_dit;
    TextEncoder &m_text;
    VideoVae *m_vae;
};

} // namespace mbq::pipelines
