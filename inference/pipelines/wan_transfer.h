#pragma once
// Wan2.1 motion transfer (Motion by Queries): the source clip is VAE-encoded, noised and run
// through the DiT once (`single`) or once per injected step (`per_step`) while its Q is
// captured into a Q bank; the target prompt is then rendered by the text-to-video pipeline with
// that Q injected as the schedule says. Optionally the baseline (same prompt and seed, no
// injection) is rendered first. With a trajectory cache both renders resume after their last
// kept step, and no source pass runs when the steps left to compute inject nothing.
// `lockstep` runs the source as a trajectory of its own beside the target (wan_lockstep.h).

#include "inference/attention/q_bank.h"
#include "inference/engine.h"
#include "inference/injection_schedule.h"
#include "inference/pipelines/t2v_components.h"
#include "inference/pipelines/wan_t2v.h"
#include "inference/result.h"
#include "inference/wan/dit.h"

#include <ATen/ATen.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mbq::pipelines {

// Extraction noise is drawn from this seed, not the target's: the bank then depends on the
// source alone and serves renders with any target seed.
constexpr uint64_t kExtractionSeed = 0;

struct WanTransferRequest
{
    WanT2VRequest target;
    InjectionSchedule schedule;
    // [3, frames, height, width] float32 in [-1, 1]: the conformed source clip, which must have
    // the target's frame count and size.
    at::Tensor sourceVideo;
    std::string sourcePrompt; // empty by default, as in the paper
    // Lockstep only: the source clip is this model's render from this seed with the target's
    // settings, so its trajectory starts from that noise; unset: the clip is inverted.
    std::optional<uint64_t> sourceSeed;
    // A digest of the source clip (sourceDigest()) that keys the bank instead of hashing the
    // pixels again; 0: hash sourceVideo.
    uint64_t sourceDigest = 0;
    bool wantBaseline = false;
    // Optional: the cache and the trajectoryKeys() of the injected render and of the baseline.
    TrajectoryCache *trajectory = nullptr;
    std::vector<uint64_t> keys;
    std::vector<uint64_t> baselineKeys;
    // Caller-owned bank, reused without an extraction pass when it already holds this source's
    // entries; null: a bank local to this run with `bankBudgetBytes` (0 = unlimited).
    attention::QBank *bank = nullptr;
    int64_t bankBudgetBytes = 0;
};

struct WanTransferResult
{
    WanT2VResult render;   // with injection
    WanT2VResult baseline; // latent undefined unless wantBaseline
    int extractionPasses = 0; // DiT forwards run for the source (lockstep: inversion included)
    bool bankReused = false;  // or not needed: the steps left inject nothing
    bool cancelled = false;   // during extraction or either render
};

class WanTransferPipeline
{
public:
    // vae is required: it encodes the source (and decodes the outputs).
    WanTransferPipeline(wan::WanDit &dit, TextEncoder &text, VideoVae &vae);

    Result<WanTransferResult> run(const WanTransferRequest &request, const JobHooks &hooks,
                                  const LatentSink &saveLatent = {});

private:
    // The injected render of lockstep extraction, from the point where run() has rendered the
    // baseline and knows where the target resumes.
    Result<WanTransferResult> runLockstep(const WanTransferRequest &request, WanT2VRequest target,
                                          const std::vector<int64_t> &shape, uint64_t key,
                                          int resumeAt,
                                          const attention::QBankOptions &bankOptions,
                                          TextEncoder &text, const JobHooks &hooks,
                                          const LatentSink &saveLatent, WanTransferResult result);
    // Fills `bank` for `plan`; returns the number of DiT passes, or -1 when cancelled.
    Result<int> extract(const WanTransferRequest &request, const std::vector<int64_t> &shape,
                        const attention::QBankPlan &plan, attention::QBank &bank,
                        TextEncoder &text, const JobHooks &hooks);

    wan::WanDit &m_dit;
    TextEncoder &m_text;
    VideoVae &m_vae;
};

} // namespace mbq::pipelines
