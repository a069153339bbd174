#include "inference/pipelines/wan_transfer.h"
#include "inference/pipelines/injected_hooks.h"
#include "inference/pipelines/pipeline_errors.h"
#include "inference/pipelines/wan_lockstep.h"

#include "inference/attention/fnv.h"

#include "inference/attention/q_injector.h"
#include "inference/request_rules.h"
#include "inference/sched/flow_schedule.h"

#include <map>
#include <new>
#include <set>

namespace mbq::pipelines {

namespace {

// Encodes each prompt once and serves it again after the real encoder is released: the
// text-to-video pipeline releases its encoder after every run, and a transfer runs it twice
// (baseline and injected) after encoding the source prompt as well.
class MemoTextEncoder final : public TextEncoder
{
public:
    explicit MemoTextEncoder(TextEncoder &inner) : m_inner(inner) {}

    Result<at::Tensor> encode(const std::string &prompt, std::string *warning) override
    {
        auto it = m_rows.find(prompt);
        if (it == m_rows.end()) {
            std::string said;
            auto rows = m_inner.encode(prompt, &said);
            if (!rows)
                return rows.error();
            it = m_rows.emplace(prompt, std::make_pair(*rows, said)).first;
        }
        if (warning)
            *warning = it->second.second;
        return it->second.first;
    }
    // The owner releases the real encoder once every prompt is in.
    void release() override {}
    void releaseInner() { m_inner.release(); }

private:
    TextEncoder &m_inner;
    std::map<std::string, std::pair<at::Tensor, std::string>> m_rows;
};

// Removes the hook however the render ends.
class HookGuard
{
public:
    HookGuard(wan::WanDit &dit, attention::QHook *hook) : m_dit(dit) { m_dit.setQHook(hook); }
    ~HookGuard() { m_dit.setQHook(nullptr); }
    HookGuard(const HookGuard &) = delete;
    HookGuard &operator=(const HookGuard &) = delete;

private:
    wan::WanDit &m_dit;
};

// Everything that changes what a bank entry holds, except which entries exist (covers() checks
// that): the source pixels and prompt, the model, and how the source was noised.
uint64_t sourceKey(const WanTransferRequest &request, const wan::WanDit &dit)
{
    attention::Fnv f;
    if (request.sourceDigest != 0) {
        f.value(request.sourceDigest);
    } else {
        const at::Tensor pixels = request.sourceVideo.to(at::kCPU, at::kFloat).contiguous();
        f.bytes(pixels.data_ptr(), size_t(pixels.nbytes()));
        for (int64_t size : pixels.sizes())
            f.value(size);
    }
    f.string(request.sourcePrompt);
    f.value(dit.parameterCount());
    f.value(int(dit.precision().stream));
    f.value(int(request.schedule.extraction));
    if (request.schedule.extraction == ExtractionMode::Lockstep) {
        // The source's own walk: its sampler and, from a seed, the render's guidance.
        const GenerationSettings &s = request.target.settings;
        f.value(int(s.sampler));
        f.value(request.sourceSeed.has_value());
        f.value(request.sourceSeed.value_or(0));
        if (request.sourceSeed) {
            f.value(s.guidance);
            f.string(request.target.negativePrompt);
        }
    }
    if (request.schedule.extraction == ExtractionMode::Single) {
        f.value(request.schedule.extractionTimestep);
    } else {
        f.value(request.target.settings.steps);
        f.value(request.target.settings.shift);
    }
    return f.hash();
}

} // namespace

WanTransferPipeline::WanTransferPipeline(wan::WanDit &dit, TextEncoder &text, VideoVae &vae)
    : m_dit(dit)
    , m_text(text)
    , m_vae(vae)
{}

Result<WanTransferResult> WanTransferPipeline::run(const WanTransferRequest &request,
                                                   const JobHooks &hooks,
                                                   const LatentSink &saveLatent)
{
    const GenerationSettings &s = request.target.settings;
    const InjectionSchedule &schedule = request.schedule;
    const wan::WanDitConfig &config = m_dit.config();
    RenderRequest asRender;
    asRender.prompt = request.target.prompt;
    asRender.settings = s;
    if (auto valid = validateRequest(asRender); !valid)
        return valid.error();
    if (auto valid = schedule.validate(s.steps, m_dit.layerIds()); !valid)
        return valid.error();
    const bool lockstep = schedule.extraction == ExtractionMode::Lockstep;
    if (request.sourceSeed && !lockstep)
        return makeError(ErrorCode::InvalidArgument,
                         "a source seed only applies to lockstep extraction");
    const at::Tensor &video = request.sourceVideo;
    if (!video.defined() || video.dim() != 4 || video.size(0) != 3)
        return makeError(ErrorCode::InvalidArgument,
                         "the source clip must be an RGB video [3, frames, height, width]");
    if (video.size(1) != s.frames || video.size(2) != s.height || video.size(3) != s.width) {
        const std::string clip = sizeText(video.size(3), video.size(2), video.size(1));
        return makeError(ErrorCode::InvalidArgument,
                         "the source clip is " + clip + " but the render is "
                             + sizeText(s.width, s.height, s.frames)
                             + "; conform the source to the render's size and frame count");
    }
    auto shape = wanLatentShape(config, s, &m_vae);
    if (!shape)
        return shape.error();
    const attention::TokenGrid grid{(*shape)[1] / config.patchT, (*shape)[2] / config.patchH,
                                    (*shape)[3] / config.patchW};
    if (!schedule.tokenMask.empty() && int64_t(schedule.tokenMask.size()) != grid.tokens())
        return makeError(ErrorCode::InvalidArgument,
                         "the token mask has " + std::to_string(schedule.tokenMask.size())
                             + " entries but this render has " + std::to_string(grid.tokens())
                             + " tokens");
    for (const LayerInjection &l : schedule.layers) {
        if (!l.headWeights.empty() && int64_t(l.headWeights.size()) != config.numHeads)
            return makeError(ErrorCode::InvalidArgument,
                             "layer '" + l.layer + "' has " + std::to_string(l.headWeights.size())
                                 + " head weights but the model has "
                                 + std::to_string(config.numHeads) + " heads");
    }
    attention::QBank localBank(request.bankBudgetBytes);
    attention::QBank &bank = request.bank ? *request.bank : localBank;
    attention::QBankPlan plan = attention::QBank::plan(schedule);
    if (lockstep) // one step at a time, with both guidance rows for a guided source
        plan.steps = {attention::QBank::kAnyStep};
    const int64_t entryBytes = bank.entryBytes(lockstep && request.sourceSeed ? 2 : 1,
                                               grid.tokens(), config.dim, config.numHeads,
                                               m_dit.precision().stream);
    if (auto fits = bank.checkBudget(plan, entryBytes); !fits)
        return fits.error();

    // Every prompt before any model pass, then the encoder goes: the DiT needs the memory.
    MemoTextEncoder text(m_text);
    const std::string negative = request.target.negativePrompt.empty()
                                     ? wanDefaultNegativePrompt()
                                     : request.target.negativePrompt;
    for (const std::string *prompt : {&request.sourcePrompt, &request.target.prompt, &negative}) {
        if (auto rows = text.encode(*prompt, nullptr); !rows)
            return rows.error();
    }
    text.releaseInner();

    WanTransferResult result;
    attention::QInjector injector;
    const InjectedHooks injected(hooks, injector);
    const JobHooks &inner = injected.hooks();
    WanT2VPipeline t2v(m_dit, text, &m_vae);
    if (request.wantBaseline) {
        WanT2VRequest baselineRequest = request.target;
        baselineRequest.trajectory = request.trajectory;
        baselineRequest.trajectoryKeys = request.baselineKeys;
        auto baseline = t2v.run(baselineRequest, inner);
        if (!baseline)
            return baseline.error();
        result.baseline = std::move(*baseline);
        if (result.baseline.cancelled) {
            result.cancelled = true;
            return result;
        }
    }

    WanT2VRequest target = request.target;
    target.trajectory = request.trajectory;
    target.trajectoryKeys = request.keys;
    const bool keep = target.trajectory && int(target.trajectoryKeys.size()) == s.steps;
    const int resumeAt = keep ? target.trajectory->lastKept(target.trajectoryKeys) + 1 : 0;
    const uint64_t key = sourceKey(request, m_dit);
    if (lockstep) {
        return runLockstep(request, target, *shape, key, resumeAt, bank.options(), text, hooks,
                           saveLatent, std::move(result));
    }
    result.bankReused = (bank.sourceKey() == key && bank.covers(plan))
                        || resumeAt >= schedule.stepEnd;
    if (!result.bankReused) {
        bank.reset(key);
        auto passes = extract(request, *shape, plan, bank, text, hooks);
        if (!passes)
            return passes.error();
        if (*passes < 0) {
            result.cancelled = true;
            return result;
        }
        result.extractionPasses = *passes;
    }

    injector.inject(bank, schedule);
    HookGuard guard(m_dit, &injector);
    auto render = t2v.run(target, inner, saveLatent);
    if (injector.error())
        return *injector.error();
    if (!render)
        return render.error();
    result.render = std::move(*render);
    result.cancelled = result.render.cancelled;
    return result;
}

Result<WanTransferResult> WanTransferPipeline::runLockstep(
    const WanTransferRequest &request, WanT2VRequest target, const std::vector<int64_t> &shape,
    uint64_t key, int resumeAt, const attention::QBankOptions &bankOptions, TextEncoder &text,
    const JobHooks &hooks, const LatentSink &saveLatent, WanTransferResult result)
{
    const at::Device device = m_dit.precision().device;
    const int64_t textLen = m_dit.config().textLen;
    const std::string negativeText = target.negativePrompt.empty() ? wanDefaultNegativePrompt()
                                                                   : target.negativePrompt;
    auto sourceRows = text.encode(request.sourcePrompt, nullptr);
    if (!sourceRows)
        return sourceRows.error();
    auto negativeRows = text.encode(negativeText, nullptr);
    if (!negativeRows)
        return negativeRows.error();

    WanLockstepSetup setup;
    setup.schedule = &request.schedule;
    setup.settings = target.settings;
    setup.sourcePrompt = wanPadTextRows(sourceRows->to(device, at::kFloat), textLen);
    setup.negativePrompt = wanPadTextRows(negativeRows->to(device, at::kFloat), textLen);
    setup.start.seed = request.sourceSeed;
    setup.start.shape = shape;
    setup.start.clean = [&]() -> Result<at::Tensor> {
        if (hooks.progress)
            hooks.progress(Progress{Stage::EncodeSource, 0, 1});
        auto latent = m_vae.encode(request.sourceVideo.to(device, at::kFloat));
        if (!latent)
            return latent.error();
        if (hooks.progress)
            hooks.progress(Progress{Stage::EncodeSource, 1, 1});
        return latent->to(device, at::kFloat);
    };
    // The one-step bank gets the artist's tiers, but never keeps files past this render.
    setup.bankOptions = bankOptions;
    setup.trajectory = target.trajectory;
    setup.sourceKey = key;

    attention::QInjector injector;
    const InjectedHooks injected(hooks, injector);
    WanLockstepSource source(m_dit, injector, std::move(setup), hooks);
    result.bankReused = resumeAt >= request.schedule.stepEnd;
    if (!result.bankReused) {
        try {
            at::NoGradGuard noGrad;
            HookGuard guard(m_dit, &injector);
            auto ready = source.prepare();
            if (!ready)
                return ready.error();
            if (!*ready) {
                result.cancelled = true;
                return result;
            }
        } catch (const std::bad_alloc &) {
            return makeError(ErrorCode::OutOfMemory,
                             "out of host memory while inverting the source");
        } catch (const std::exception &e) {
            return failureFrom(e, "while inverting the source");
        }
    }
    target.beforeStep = [&source](int step) { return source.beforeStep(step); };
    if (source.guided()) // its captured rows pair with the target's (conditional, unconditional)
        target.batchGuidance = true;
    HookGuard guard(m_dit, &injector);
    auto render = WanT2VPipeline(m_dit, text, &m_vae).run(target, injected.hooks(), saveLatent);
    if (injector.error())
        return *injector.error();
    if (!render)
        return render.error();
    result.extractionPasses = source.passes();
    result.render = std::move(*render);
    result.cancelled = result.render.cancelled;
    return result;
}

Result<int> WanTransferPipeline::extract(const WanTransferRequest &request,
                                         const std::vector<int64_t> &shape,
                                         const attention::QBankPlan &plan,
                                         attention::QBank &bank, TextEncoder &text,
                                         const JobHooks &hooks)
{
    const InjectionSchedule &schedule = request.schedule;
    const GenerationSettings &s = request.target.settings;
    auto flow = sched::officialFlowSchedule(s.steps, s.shift);
    if (!flow)
        return flow.error();
    const at::Device device = m_dit.precision().device;
    const at::Tensor &video = request.sourceVideo;
    attention::QInjector injector;
    try {
        at::NoGradGuard noGrad;
        if (hooks.progress)
            hooks.progress(Progress{Stage::EncodeSource, 0, 1});
        auto latent = m_vae.encode(video.to(device, at::kFloat));
        if (!latent)
            return latent.error();
        const at::Tensor clean = latent->to(device, at::kFloat);
        if (hooks.progress)
            hooks.progress(Progress{Stage::EncodeSource, 1, 1});

        const at::Tensor noise = wanInitialNoise(shape, kExtractionSeed).to(device);
        auto rows = text.encode(request.sourcePrompt, nullptr);
        if (!rows)
            return rows.error();
        const at::Tensor prompt = rows->to(device);
        const std::set<std::string> layers(plan.layers.begin(), plan.layers.end());
        HookGuard guard(m_dit, &injector);
        const int passes = int(plan.steps.size());
        for (int i = 0; i < passes; ++i) {
            if (hooks.cancelled())
                return -1;
            const int step = plan.steps[size_t(i)];
            const bool single = step == attention::QBank::kAnyStep;
            // Flow matching's forward process: x_t = (1 − σ)·x_0 + σ·ε, t = 1000·σ.
            const double timestep = single ? double(schedule.extractionTimestep)
                                           : double(flow->timesteps[size_t(step)]);
            const double sigma = single ? timestep / sched::kTrainTimesteps
                                        : double(flow->sigmas[size_t(step)]);
            injector.capture(bank, layers, step);
            auto out = m_dit.forward(((1.0 - sigma) * clean + sigma * noise).unsqueeze(0),
                                     at::full({1}, timestep, clean.options()),
                                     prompt.unsqueeze(0),
                                     {step, {attention::GuidanceBranch::Source}});
            if (!out)
                return out.error();
            if (injector.error())
                return *injector.error();
            if (hooks.progress)
                hooks.progress(Progress{Stage::ExtractQ, i + 1, passes});
        }
    } catch (const std::bad_alloc &) {
        return makeError(ErrorCode::OutOfMemory, "out of host memory while extracting Q");
    } catch (const std::exception &e) {
        return failureFrom(e, "while extracting Q");
    }
    return injector.capturePasses();
}

} // namespace mbq::pipelines
