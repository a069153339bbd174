#pragma once
// Lockstep extraction for Wan2.1. The source gets a denoising trajectory of its own that walks
// the target's schedule beside it. Before each step the target computes, the source branch runs
// its model pass for that step with its Q captured into a bank that holds this one step, and the
// target's pass reads it; the bank never holds more than one step.
//
// Where the source's trajectory starts:
// - the clip is a render of this model from a known seed with the target's settings
//   (WanLockstepStart::seed): that seed's noise, denoised with the target's guidance and negative
//   prompt. With the target's prompt and seed the two trajectories are one, so injecting every
//   layer at weight 1 for every step gives the source render back.
// - any other clip: its latent inverted along the schedule (Euler on the flow ODE from σ = 0 up
//   to the first σ, with the source prompt and no guidance), then denoised without guidance,
//   which retraces the clip up to the inversion's error. The paper itself noises the source
//   instead (per_step, single); that cannot carry the clip into a trajectory, since the first σ
//   is all but 1.
// With a trajectory cache the inverted start and the source's steps are kept, so a re-render
// neither inverts again nor repeats the source steps before its resume point.

#include "inference/attention/q_bank.h"
#include "inference/attention/q_injector.h"
#include "inference/engine.h"
#include "inference/injection_schedule.h"
#include "inference/pipelines/lockstep_walk.h"
#include "inference/pipelines/trajectory_cache.h"
#include "inference/result.h"
#include "inference/sched/flow_solver.h"
#include "inference/wan/dit.h"

#include <ATen/ATen.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace mbq::pipelines {

// Euler on the flow ODE backwards: from the clean latent at σ = 0 up to flow's first σ, one DiT
// pass per step with the velocity of `prompt` (text rows on the DiT's device) alone. Returns the
// latent at step 0, or an undefined tensor when cancelled. Counts its passes into `passes`.
Result<at::Tensor> wanInvertLatent(wan::WanDit &dit, const at::Tensor &clean,
                                   const at::Tensor &prompt, const sched::FlowSchedule &flow,
                                   const JobHooks &hooks, int *passes);

struct WanLockstepStart
{
    // Set: the source clip is this model's render from this seed (guided like the target).
    // Unset: invert `clean`.
    std::optional<uint64_t> seed;
    // Produces the source's clean latent [16, F, H, W] on the DiT's device, when inversion
    // needs it (the VAE encode runs only then).
    std::function<Result<at::Tensor>()> clean;
    std::vector<int64_t> shape; // of the latent
};

struct WanLockstepSetup
{
    const InjectionSchedule *schedule = nullptr;
    GenerationSettings settings; // the target's: steps, shift, sampler, guidance
    // Text rows padded to the DiT's text length, on its device: the source prompt, and the
    // target's negative prompt (used by a guided source only).
    at::Tensor sourcePrompt;
    at::Tensor negativePrompt;
    WanLockstepStart start;
    attention::QBankOptions bankOptions; // of the one-step bank
    TrajectoryCache *trajectory = nullptr; // optional
    // Everything the source's walk depends on (WanTransferPipeline's source key covers the
    // clip, model, prompt, schedule, sampler and seed): keys the kept steps.
    uint64_t sourceKey = 0;
};

class WanLockstepSource final : public LockstepWalk
{
public:
    // The injector must be the DiT's hook; this switches it between capturing (the source's
    // pass) and injecting (the target's).
    WanLockstepSource(wan::WanDit &dit, attention::QInjector &injector, WanLockstepSetup setup,
                      const JobHooks &hooks);

    // Finds where the source starts: kept from an earlier render, the seed's noise, or the
    // inversion (the long part, with progress and cancel). False when cancelled. Needed once
    // before the first beforeStep() inside the range.
    Result<bool> prepare();

    // True when the source needs both guidance branches: the target must then batch its
    // branches the same way (conditional, unconditional), so captured rows pair with its rows.
    bool guided() const { return m_setup.start.seed.has_value(); }

private:
    bool started() const override { return m_latent.defined(); }
    Result<void> step(bool capture) override;
    void restore(const TrajectoryStep &kept) override;
    void injectCaptured() override;

    wan::WanDit &m_dit;
    attention::QInjector &m_injector;
    WanLockstepSetup m_setup;
    const JobHooks &m_hooks;
    sched::FlowSchedule m_flow;
    std::unique_ptr<sched::FlowSolver> m_solver;
    attention::QBank m_bank;
    std::set<std::string> m_layers;
    at::Tensor m_latent; // the source before step m_step; undefined until prepare()
};

} // namespace mbq::pipelines
