#pragma once
// Lockstep extraction for VideoCrafter2 and T2V-Turbo-v2, as wan_lockstep.h does it for Wan:
// the source walks the target's sampling steps beside it, and before each step the target
// computes, the source's step runs with its Q captured into one-step banks that the target's
// passes at that step read. VC2 runs its guidance branches as separate UNet passes, so the
// source's conditional and unconditional Q go to two banks and each target pass reads the bank
// of its own branch; this object is the UNet's Q hook and routes each pass by its branch.
//
// Where the source starts:
// - a seed (the clip is this model's render from that seed with the render's settings): that
//   seed's z_T and the render's own sampler, its per-step noise drawn from a generator seeded
//   alike, so with the target's prompt and seed the two walks are one;
// - otherwise (VideoCrafter2 only): DDIM inversion of the clip's latent (source prompt, no
//   guidance), walked back down with η = 0 and no guidance. T2V-Turbo-v2's sampler re-noises
//   with fresh noise at every step, so no inversion retraces a clip through it: it needs the
//   seed.
// With a trajectory cache the inverted start and each source step (latent and generator state)
// are kept, as for Wan.

#include "inference/attention/q_bank.h"
#include "inference/attention/q_hook.h"
#include "inference/attention/q_injector.h"
#include "inference/engine.h"
#include "inference/injection_schedule.h"
#include "inference/pipelines/lockstep_walk.h"
#include "inference/pipelines/trajectory_cache.h"
#include "inference/result.h"
#include "inference/videocrafter/sampler.h"
#include "inference/videocrafter/vc2_model.h"

#include <ATen/ATen.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace mbq::pipelines {

struct Vc2LockstepSetup
{
    const InjectionSchedule *schedule = nullptr;
    GenerationSettings settings; // the render's size and frames (z_T's shape)
    std::optional<uint64_t> seed; // set: the source is this seed's render
    at::Tensor cond; // the source prompt, [1, L, context_dim]
    at::Tensor uncond; // the empty prompt, for a guided source
    // The source's clean (scaled) latent [1, C, T, h, w], when inversion needs it.
    std::function<Result<at::Tensor>()> clean;
    attention::QBankOptions bankOptions;
    TrajectoryCache *trajectory = nullptr; // optional
    // Everything the source's walk depends on (Vc2TransferPipeline's source key covers the
    // clip, model, prompt, sampler, seed and guidance): keys the kept steps.
    uint64_t sourceKey = 0;
};

class Vc2LockstepSource final : public attention::QHook, public LockstepWalk
{
public:
    // sampler: the source's own, the render's for a seed, else DDIM with η 0 and no guidance.
    Vc2LockstepSource(vc2::Vc2Model &model, vc2::Vc2Sampler sampler, Vc2LockstepSetup setup,
                      const JobHooks &hooks);

    // Finds where the source starts (kept, the seed's z_T, or the inversion with progress and
    // cancel); false when cancelled. Needed before the first beforeStep() inside the range.
    Result<bool> prepare();

    void onQuery(const attention::QSite &site, at::Tensor &q) override;
    // The first failure of either branch's injector.
    std::optional<Error> error() const;

private:
    bool started() const override { return m_latent.defined(); }
    Result<void> step(bool capture) override;
    void restore(const TrajectoryStep &kept) override;
    void injectCaptured() override;

    vc2::Vc2Model &m_model;
    vc2::Vc2Sampler m_sampler;
    Vc2LockstepSetup m_setup;
    const JobHooks &m_hooks;
    attention::QInjector m_conditional; // serves conditional (and Source) passes
    attention::QInjector m_unconditional; // serves unconditional passes
    attention::QBank m_conditionalBank;
    attention::QBank m_unconditionalBank;
    std::set<std::string> m_layers;
    at::Generator m_generator;
    at::Tensor m_latent; // the source before step m_step; undefined until prepare()
};

} // namespace mbq::pipelines
