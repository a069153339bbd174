#include "inference/pipelines/vc2_transfer.h"
#include "inference/pipelines/injected_hooks.h"
#include "inference/pipelines/pipeline_errors.h"
#include "inference/pipelines/vc2_lockstep.h"

#include "inference/attention/fnv.h"
#include "inference/attention/q_injector.h"

#include <new>
#include <set>

namespace mbq::pipelines {

namespace {

// Removes the hook however the pass ends.
class HookGuard
{
public:
    HookGuard(vc2::Vc2UNet &unet, attention::QHook *hook)
        : m_unet(unet)
    {
        m_unet.setQHook(hook);
    }
    ~HookGuard() { m_unet.setQHook(nullptr); }
    HookGuard(const HookGuard &) = delete;
    HookGuard &operator=(const HookGuard &) = delete;

private:
    vc2::Vc2UNet &m_unet;
};

// Everything that changes what a bank entry holds, except which entries exist (covers() checks
// that): the source pixels and prompt, the model, and how the source was noised.
uint64_t sourceKey(const Vc2TransferRequest &request, vc2::Vc2Model &model,
                   const vc2::Vc2Sampler &sampler)
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
    f.string(model.location().checkpoint);
    f.value(int(model.unet().precision().dtype));
    f.value(request.fpsCondition);
    f.string(sampler.sourceIdentity());
    f.value(int(request.schedule.extraction));
    if (request.schedule.extraction == ExtractionMode::Lockstep) {
        // The source's own walk: from a seed, the render's sampler with its guidance and η.
        f.value(request.sourceSeed.has_value());
        f.value(request.sourceSeed.value_or(0));
        if (request.sourceSeed) {
            f.value(request.settings.guidance);
            f.value(request.eta);
        }
    }
    if (request.schedule.extraction == ExtractionMode::Single)
        f.value(request.schedule.extractionTimestep);
    else
        f.value(request.settings.steps); // the sampler's grid fixes each step's timestep
    return f.hash();
}

} // namespace

Result<void> Vc2TransferPipeline::check(const Vc2TransferRequest &request) const
{
    const GenerationSettings &s = request.settings;
    const InjectionSchedule &schedule = request.schedule;
    if (s.sampler != Sampler::DDIM)
        return makeError(ErrorCode::Unsupported,
                         std::string("VideoCrafter2 samples with DDIM, not ")
                             + samplerName(s.sampler));
    if (auto valid = schedule.validate(s.steps, m_model.unet().layerIds()); !valid)
        return valid.error();
    const bool lockstep = schedule.extraction == ExtractionMode::Lockstep;
    if (request.sourceSeed && !lockstep)
        return makeError(ErrorCode::InvalidArgument,
                         "a source seed only applies to lockstep extraction");
    if (lockstep && !request.sourceSeed && m_model.turbo())
        return makeError(ErrorCode::Unsupported,
                         "T2V-Turbo-v2 re-noises at every step, so lockstep cannot retrace an "
                         "inverted clip: give the seed the source was rendered with, or use "
                         "per_step or single");
    // VC2's sites see different grids (each resolution level, and frames as the sequence of
    // the temporal sites), so a mask over the latent grid would need resampling per site.
    if (!schedule.tokenMask.empty())
        return makeError(ErrorCode::Unsupported,
                         "token masks are not supported for VideoCrafter2 yet; clear the mask");
    const int64_t timesteps = m_model.schedule().timesteps();
    if (schedule.extraction == ExtractionMode::Single
        && !(schedule.extractionTimestep >= 0.0f && schedule.extractionTimestep < timesteps))
        return makeError(ErrorCode::InvalidArgument,
                         "the extraction timestep " + std::to_string(schedule.extractionTimestep)
                             + " is outside [0, " + std::to_string(timesteps) + ")");
    const at::Tensor &video = request.sourceVideo;
    if (!video.defined() || video.dim() != 4 || video.size(0) != 3)
        return makeError(ErrorCode::InvalidArgument,
                         "the source clip must be an RGB video [3, frames, height, width]");
    if (video.size(1) != s.frames || video.size(2) != s.height || video.size(3) != s.width)
        return makeError(ErrorCode::InvalidArgument,
                         "the source clip is "
                             + sizeText(video.size(3), video.size(2), video.size(1))
                             + " but the render is " + sizeText(s.width, s.height, s.frames)
                             + "; conform the source to the render's size and frame count");
    return {};
}

Result<int> Vc2TransferPipeline::extract(const Vc2TransferRequest &request,
                                         const vc2::Vc2Sampler &sampler,
                                         const attention::QBankPlan &plan, attention::QBank &bank,
                                         const JobHooks &hooks)
{
    const InjectionSchedule &s = request.schedule;
    vc2::Vc2UNet &unet = m_model.unet();
    const at::Device device = unet.precision().device;
    try {
        at::NoGradGuard noGrad;
        auto encoded = encodeSource(request, hooks);
        if (!encoded)
            return encoded.error();
        const at::Tensor clean = *encoded;

        auto prompt = m_model.encodePrompt(request.sourcePrompt);
        if (!prompt)
            return prompt.error();
        at::Generator generator = at::detail::createCPUGenerator(kVc2ExtractionSeed);
        const at::Tensor noise
            = at::randn(clean.sizes(), generator, clean.options().device(at::kCPU)).to(device);
        const at::Tensor fps = at::full({1}, sampler.fps(), at::kDouble);
        attention::QInjector injector;
        const std::set<std::string> layers(plan.layers.begin(), plan.layers.end());
        HookGuard guard(unet, &injector);
        const int passes = int(plan.steps.size());
        for (int i = 0; i < passes; ++i) {
            if (hooks.cancelled())
                return -1;
            const int step = plan.steps[size_t(i)];
            const int64_t t = step == attention::QBank::kAnyStep
                ? int64_t(s.extractionTimestep + 0.5f)
                : sampler.timestep(step);
            // No inversion: the model's own forward process (VC2's with scale_arr, the paper's
            // setting), and the inputs a target pass at t gets.
            const at::Tensor noised = sampler.noised(t, clean, noise);
            injector.capture(bank, layers, step);
            auto out = unet.forward(noised, at::full({1}, t, at::kLong), *prompt, fps,
                                    {step, {attention::GuidanceBranch::Source}},
                                    sampler.condition(t));
            if (!out)
                return out.error();
            if (injector.error())
                return *injector.error();
            if (hooks.progress)
                hooks.progress({Stage::ExtractQ, i + 1, passes});
        }
        return injector.capturePasses();
    } catch (const std::bad_alloc &) {
        return makeError(ErrorCode::OutOfMemory, "out of host memory while extracting Q");
    } catch (const std::exception &e) {
        return failureFrom(e, "while extracting Q");
    }
}

Result<at::Tensor> Vc2TransferPipeline::encodeSource(const Vc2TransferRequest &request,
                                                     const JobHooks &hooks)
{
    if (hooks.progress)
        hooks.progress({Stage::EncodeSource, 0, 1});
    auto latent = m_model.vae().encode(request.sourceVideo.unsqueeze(0));
    if (!latent)
        return latent.error();
    if (hooks.progress)
        hooks.progress({Stage::EncodeSource, 1, 1});
    // The sampler's arithmetic dtype, so a source pass sees what a target pass would.
    const vc2::Vc2Precision &precision = m_model.unet().precision();
    return latent->to(precision.device, precision.wide());
}

Result<Vc2TransferResult> Vc2TransferPipeline::runLockstep(
    const Vc2TransferRequest &request, const vc2::Vc2Sampler &sampler, const at::Tensor &cond,
    const at::Tensor &uncond, int resumeAt, uint64_t key,
    const attention::QBankOptions &bankOptions, const JobHooks &hooks, Vc2TransferResult result)
{
    // A seeded source is the render's own walk; an inverted one walks back down with DDIM
    // without noise or guidance, the walk its inversion undoes.
    std::optional<vc2::Vc2Sampler> own;
    if (!request.sourceSeed) {
        vc2::Vc2SamplerOptions options;
        options.steps = request.settings.steps;
        options.guidance = 1.0;
        options.fps = request.fpsCondition;
        options.eta = 0.0;
        auto made = vc2::Vc2Sampler::forModel(m_model, options);
        if (!made)
            return made.error();
        own = std::move(*made);
    }
    auto sourceCond = m_model.encodePrompt(request.sourcePrompt);
    if (!sourceCond)
        return sourceCond.error();
    Vc2LockstepSetup setup;
    setup.schedule = &request.schedule;
    setup.settings = request.settings;
    setup.seed = request.sourceSeed;
    setup.cond = *sourceCond;
    setup.uncond = uncond;
    setup.clean = [&] { return encodeSource(request, hooks); };
    setup.bankOptions = bankOptions;
    setup.trajectory = request.trajectory.cache;
    setup.sourceKey = key;
    Vc2LockstepSource source(m_model, own ? *own : sampler, std::move(setup), hooks);
    HookGuard guard(m_model.unet(), &source);
    result.bankReused = resumeAt >= request.schedule.stepEnd;
    if (!result.bankReused) {
        auto ready = source.prepare();
        if (!ready)
            return ready.error();
        if (!*ready) {
            result.cancelled = true;
            return result;
        }
    }
    auto render = sampleVc2Seeded(m_model, sampler, request.settings, cond, uncond, hooks,
                                  request.trajectory, &result.resumedSteps,
                                  [&source](int step) { return source.beforeStep(step); });
    if (auto failed = source.error())
        return *failed;
    if (!render)
        return render.error();
    result.extractionPasses = source.passes();
    result.render = std::move(*render);
    result.cancelled = result.render.cancelled;
    return result;
}

Result<Vc2TransferResult> Vc2TransferPipeline::run(const Vc2TransferRequest &request,
                                                   const JobHooks &hooks)
{
    if (auto valid = check(request); !valid)
        return valid.error();
    const GenerationSettings &s = request.settings;
    vc2::Vc2SamplerOptions options;
    options.steps = s.steps;
    options.guidance = s.guidance;
    options.fps = request.fpsCondition;
    options.eta = request.eta;
    options.turbo = request.turbo;
    auto sampler = vc2::Vc2Sampler::forModel(m_model, options);
    if (!sampler)
        return sampler.error();
    auto cond = m_model.encodePrompt(request.prompt);
    if (!cond)
        return cond.error();
    // T2V-Turbo-v2 has no unconditional pass.
    auto uncond = sampler->turbo() ? Result<at::Tensor>(at::Tensor()) : m_model.encodePrompt("");
    if (!uncond)
        return uncond.error();

    attention::QBank localBank(request.bankBudgetBytes);
    attention::QBank &bank = request.bank ? *request.bank : localBank;
    const attention::QBankPlan plan = attention::QBank::plan(request.schedule);
    Vc2TransferResult result;
    attention::QInjector injector;
    const InjectedHooks injected(hooks, injector);
    const JobHooks &inner = injected.hooks();
    try {
        at::NoGradGuard noGrad;
        if (request.wantBaseline) {
            auto baseline = sampleVc2Seeded(m_model, *sampler, s, *cond, *uncond, inner,
                                            request.baselineTrajectory,
                                            &result.baselineResumedSteps);
            if (!baseline)
                return baseline.error();
            result.baseline = std::move(*baseline);
            if (result.baseline.cancelled) {
                result.cancelled = true;
                return result;
            }
        }
        const Vc2Trajectory &trajectory = request.trajectory;
        const bool keep = trajectory.cache && int(trajectory.keys.size()) == sampler->count();
        const int resumeAt = keep ? trajectory.cache->lastKept(trajectory.keys) + 1 : 0;
        const uint64_t key = sourceKey(request, m_model, *sampler);
        if (request.schedule.extraction == ExtractionMode::Lockstep)
            return runLockstep(request, *sampler, *cond, *uncond, resumeAt, key, bank.options(),
                               hooks, std::move(result));
        result.bankReused = (bank.sourceKey() == key && bank.covers(plan))
                            || resumeAt >= request.schedule.stepEnd;
        // An inactive schedule needs no source at all: not even its encoding.
        if (!result.bankReused && plan.entries() > 0) {
            bank.reset(key);
            auto passes = extract(request, *sampler, plan, bank, hooks);
            if (!passes)
                return passes.error();
            if (*passes < 0) {
                result.cancelled = true;
                return result;
            }
            result.extractionPasses = *passes;
        }
        injector.inject(bank, request.schedule);
        HookGuard guard(m_model.unet(), &injector);
        auto render = sampleVc2Seeded(m_model, *sampler, s, *cond, *uncond, inner, trajectory,
                                      &result.resumedSteps);
        if (injector.error())
            return *injector.error();
        if (!render)
            return render.error();
        result.render = std::move(*render);
    } catch (const std::bad_alloc &) {
        return makeError(ErrorCode::OutOfMemory, "out of host memory while rendering");
    } catch (const std::exception &e) {
        return failureFrom(e, "while rendering with injected Q");
    }
    result.cancelled = result.render.cancelled;
    return result;
}

} // namespace mbq::pipelines
