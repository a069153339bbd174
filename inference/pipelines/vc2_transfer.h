#pragma once
// VideoCrafter2 motion transfer (Motion by Queries, the paper's main setting): the source clip
// is VAE-encoded (posterior mean, scaled), noised with VC2's forward process (scale_arr
// included) to each injected step's timestep (`per_step`) or to one timestep (`single`), and
// run through the UNet once per noised latent while the Q of the scheduled layers is captured
// into a Q bank. A T2V-Turbo-v2 model does the same on its own sampler's timesteps, with its
// own forward process (no scale_arr) and the render's guidance embedding in the source passes. The
// target prompt is then sampled exactly as text-to-video samples it, with that Q injected as the
// schedule says; optionally the baseline (same prompt and seed, no injection) first. Latents only:
// the caller decodes. With a trajectory cache both renders resume after their last kept step, and
// no source pass runs when the steps left to compute inject nothing. `lockstep` walks the source
// beside the target (vc2_lockstep.h). Token masks are not implemented for VC2 yet.

#include "inference/attention/q_bank.h"
#include "inference/engine.h"
#include "inference/injection_schedule.h"
#include "inference/pipelines/vc2_t2v.h"
#include "inference/result.h"

#include <ATen/ATen.h>

#include <cstdint>
#include <optional>
#include <string>

namespace mbq::pipelines {

// Extraction noise comes from this seed, not the target's, so the bank depends on the source
// alone and serves renders with any target seed.
constexpr uint64_t kVc2ExtractionSeed = 0;

struct Vc2TransferRequest
{
    std::string prompt;
    GenerationSettings settings; // seed, size, frames, steps, guidance (DDIM)
    double eta = 1.0; // the official sampler's η (VideoCrafter2)
    vc2::TurboSampling turbo; // T2V-Turbo-v2's sampling knobs
    double fpsCondition = 28.0; // for the source passes as well as the target's
    InjectionSchedule schedule;
    // [3, frames, height, width] float32 in [-1, 1]: the conformed source clip, with the
    // render's frame count and size.
    at::Tensor sourceVideo;
    std::string sourcePrompt; // empty by default, as in the paper
    // Lockstep only: the source clip is this model's render from this seed with the request's
    // settings (required for T2V-Turbo-v2); unset: the clip is inverted.
    std::optional<uint64_t> sourceSeed;
    // A digest of the source clip (sourceDigest()) that keys the bank instead of hashing the
    // pixels again; 0: hash sourceVideo.
    uint64_t sourceDigest = 0;
    bool wantBaseline = false;
    // Optional: where the injected render and the baseline resume from and keep their steps.
    Vc2Trajectory trajectory;
    Vc2Trajectory baselineTrajectory;
    // Caller-owned bank, reused without extraction when it already holds this source's
    // entries; null: a bank local to this run with `bankBudgetBytes` (0 = unlimited).
    attention::QBank *bank = nullptr;
    int64_t bankBudgetBytes = 0;
};

struct Vc2TransferResult
{
    vc2::Vc2SampleResult render; // with injection; latent undefined if cancelled before it
    vc2::Vc2SampleResult baseline; // latent undefined unless wantBaseline
    int extractionPasses = 0; // UNet forwards run for the source (lockstep: inversion too)
    bool bankReused = false;  // or not needed: the steps left inject nothing
    int resumedSteps = 0;     // of the injected render, from the trajectory cache
    int baselineResumedSteps = 0;
    bool cancelled = false; // during extraction or either render
};

class Vc2TransferPipeline
{
public:
    explicit Vc2TransferPipeline(vc2::Vc2Model &model)
        : m_model(model)
    { }

    Result<Vc2TransferResult> run(const Vc2TransferRequest &request, const JobHooks &hooks);

private:
    Result<void> check(const Vc2TransferRequest &request) const;
    // The source's VAE latent (scaled) on the UNet's device in the sampler's dtype.
    Result<at::Tensor> encodeSource(const Vc2TransferRequest &request, const JobHooks &hooks);
    // The injected render of lockstep extraction, once run() has rendered the baseline and
    // knows where the target resumes.
    Result<Vc2TransferResult> runLockstep(const Vc2TransferRequest &request,
                                          const vc2::Vc2Sampler &sampler, const at::Tensor &cond,
                                          const at::Tensor &uncond, int resumeAt, uint64_t key,
                                          const attention::QBankOptions &bankOptions,
                                          const JobHooks &hooks, Vc2TransferResult result);
    // Fills `bank` for `plan`; returns the number of UNet passes, or -1 when cancelled.
    Result<int> extract(const Vc2TransferRequest &request, const vc2::Vc2Sampler &sampler,
                        const attention::QBankPlan &plan, attention::QBank &bank,
                        const JobHooks &hooks);

    vc2::Vc2Model &m_model;
};

} // namespace mbq::pipelines
