// Vc2Session and generateVc2: the VC2 and T2V-Turbo-v2 facade over Vc2Model, text-to-video
// (sampleVc2Seeded with the model's sampler) and motion transfer (Vc2TransferPipeline), saving
// the latent before decoding.
#include "inference/attention/q_bank.h"
#include "inference/io/latent_file.h"
#include "inference/pipelines/host_tensors.h"
#include "inference/pipelines/trajectory_cache.h"
#include "inference/pipelines/vc2_t2v.h"
#include "inference/pipelines/vc2_transfer.h"
#include "inference/trajectory_key.h"
#include "inference/vc2_tools.h"
#include "inference/videocrafter/sampler.h"
#include "inference/videocrafter/vc2_model.h"

#include <map>
#include <optional>

namespace mbq {

namespace {

// [1, 3, T, H, W] in [−1, 1] → RGB8 frames: clamp, (x + 1)/2·255, truncate (the official
// saver's uint8 cast).
VideoFrames toFrames(const at::Tensor &video, double fps)
{
    const at::Tensor pixels
        = ((video.to(at::kCPU, at::kFloat).clamp(-1.0, 1.0) + 1.0) / 2.0 * 255.0)
              .to(at::kByte)
              .squeeze(0)
              .permute({1, 2, 3, 0})
              .contiguous();
    VideoFrames frames;
    frames.count = int(pixels.size(0));
    frames.height = int(pixels.size(1));
    frames.width = int(pixels.size(2));
    frames.fps = fps;
    frames.rgb.assign(pixels.data_ptr<uint8_t>(), pixels.data_ptr<uint8_t>() + pixels.numel());
    return frames;
}


// The fps conditions of the official recipes: VC2's run_text2video.sh, T2V-Turbo-v2's app.py,
// predict.py and distillation.
constexpr double kVc2FpsCondition = 28.0;
constexpr double kTurboFpsCondition = 8.0;

} // namespace

struct Vc2Session::State
{
    std::string folder;
    ComputeOptions compute;
    std::optional<vc2::Vc2Precision> precision;
    std::unique_ptr<vc2::Vc2Model> model; // loaded with `precision`, or null
    attention::QBank bank;
    pipelines::TrajectoryCache trajectory{0, 0, {}};
};

Vc2Session::Vc2Session(std::string modelFolder)
    : m(std::make_unique<State>())
{
    m->folder = std::move(modelFolder);
}

Vc2Session::~Vc2Session() = default;

Result<void> Vc2Session::setCompute(const ComputeOptions &compute)
{
    auto precision = vc2::resolveVc2Precision(compute.device, compute.dtype);
    if (!precision)
        return precision.error();
    if (!m->precision || m->precision->device != precision->device
        || m->precision->dtype != precision->dtype) {
        // Everything computed on the old device or dtype goes with it.
        m->model.reset();
        m->bank.reset(0);
        m->trajectory.clear();
    }
    m->precision = *precision;
    m->compute = compute;
    return {};
}

void Vc2Session::setCaches(const EngineSettings &settings)
{
    const attention::QBankOptions bank = attention::QBankOptions::from(settings);
    if (!(bank == m->bank.options()))
        m->bank = attention::QBank(bank);
    m->trajectory.setBudgets(settings.trajectoryMemoryBytes, settings.trajectoryDiskBytes,
                             settings.cacheFolder);
}

Result<Vc2GenerateOutput> generateVc2(const std::string &model, const RenderRequest &request,
                                      const Vc2GenerateOptions &options, const JobHooks &hooks)
{
    // One render: nothing is worth keeping for a next one.
    Vc2Session session(model);
    if (auto set = session.setCompute(options.compute); !set)
        return set.error();
    EngineSettings caches;
    caches.trajectoryMemoryBytes = 0;
    session.setCaches(caches);
    return session.render(request, options, hooks);
}

Result<Vc2GenerateOutput> Vc2Session::render(const RenderRequest &request,
                                             const Vc2GenerateOptions &options,
                                             const JobHooks &hooks)
{
    const GenerationSettings &s = request.settings;
    auto location = vc2::locateVc2(m->folder);
    if (!location)
        return location.error();
    const bool turbo = location->turbo();
    const std::string name = turbo ? "T2V-Turbo-v2" : "VideoCrafter2";
    if (s.sampler != Sampler::DDIM) {
        const std::string why = turbo ? "T2V-Turbo-v2 has one sampler, its consistency sampler, "
                                        "which the ddim setting selects; not "
                                      : "VideoCrafter2 samples with DDIM, not ";
        return makeError(ErrorCode::Unsupported, why + samplerName(s.sampler));
    }
    const bool transfer = !request.injection.isOff();
    if (transfer && request.source.empty())
        return makeError(ErrorCode::InvalidArgument,
                         "the injection schedule needs a source clip; add one or turn every "
                         "layer's weight to 0");
    if (!m->precision) {
        if (auto set = setCompute({}); !set)
            return set.error();
    }
    const vc2::Vc2Precision &precision = *m->precision;
    if (!m->model) {
        if (hooks.progress)
            hooks.progress({Stage::LoadModel, 0, 1});
        auto loaded = vc2::Vc2Model::load(m->folder, precision);
        if (!loaded)
            return loaded.error();
        m->model = std::move(*loaded);
        if (hooks.progress)
            hooks.progress({Stage::LoadModel, 1, 1});
    }
    vc2::Vc2Model &vc2Model = *m->model;
    const int64_t factor = vc2Model.vae().config().downFactor()
        * (int64_t(1) << (vc2Model.config().unet.levels() - 1));
    if (s.width < factor || s.height < factor || s.width % factor || s.height % factor
        || s.frames < 1)
        return makeError(ErrorCode::InvalidArgument,
                         name + " needs a width and height that are multiples of "
                             + std::to_string(factor) + " and at least one frame, got "
                             + std::to_string(s.width) + "x" + std::to_string(s.height) + ", "
                             + std::to_string(s.frames) + " frames");

    Vc2GenerateOutput output;
    output.randomWeights = vc2Model.location().randomWeights;
    output.device = std::string(precision.device.is_cuda() ? "cuda " : "cpu ")
        + (m->compute.dtype == "auto" ? "default" : m->compute.dtype);
    const double fpsCondition = options.fpsCondition > 0.0 ? options.fpsCondition
        : turbo                                            ? kTurboFpsCondition
                                                           : kVc2FpsCondition;
    vc2::Vc2SamplerOptions samplerOptions;
    samplerOptions.steps = s.steps;
    samplerOptions.guidance = s.guidance;
    samplerOptions.fps = fpsCondition;
    samplerOptions.eta = options.eta;
    samplerOptions.turbo = options.turbo;
    auto sampler = vc2::Vc2Sampler::forModel(vc2Model, samplerOptions);
    if (!sampler)
        return sampler.error();
    // The sampler's knobs outside the request (η, the fps condition, the turbo ones) name the
    // model's run.
    const std::string model = m->folder + "|" + output.device + "|eta "
        + std::to_string(options.eta) + "|fps " + std::to_string(fpsCondition) + "|"
        + sampler->sourceIdentity();
    pipelines::TrajectoryCache *cache = m->trajectory.enabled() ? &m->trajectory : nullptr;
    const uint64_t source = transfer ? sourceDigest(request.source) : 0;
    RenderRequest plainRequest = request; // the baseline's trajectory: injection off
    plainRequest.injection = InjectionSchedule();
    const pipelines::Vc2Trajectory plainTrajectory{
        cache, cache ? trajectoryKeys(plainRequest, model, 0) : std::vector<uint64_t>()};
    try {
        at::NoGradGuard noGrad;
        vc2::Vc2SampleResult sampled;
        vc2::Vc2SampleResult baseline;
        if (transfer) {
            pipelines::Vc2TransferRequest job;
            job.prompt = request.prompt;
            job.settings = s;
            job.eta = options.eta;
            job.turbo = options.turbo;
            job.fpsCondition = fpsCondition;
            job.schedule = request.injection;
            job.sourceVideo = framesToVideo(request.source);
            job.sourcePrompt = request.sourcePrompt;
            job.sourceSeed = request.sourceSeed;
            job.sourceDigest = source;
            job.wantBaseline = request.wantBaseline;
            job.bank = &m->bank;
            job.baselineTrajectory = plainTrajectory;
            if (cache)
                job.trajectory = {cache, trajectoryKeys(request, model, source)};
            auto done = pipelines::Vc2TransferPipeline(vc2Model).run(job, hooks);
            if (!done)
                return done.error();
            output.render.extractionPasses = done->extractionPasses;
            output.render.resumedSteps = done->resumedSteps;
            output.render.computedSteps
                = done->baseline.completedSteps - done->baselineResumedSteps - done->resumedSteps;
            if (!done->render.latent.defined()) { // cancelled before the injected render began
                output.render.cancelled = true;
                return output;
            }
            sampled = std::move(done->render);
            baseline = std::move(done->baseline);
        } else {
            auto cond = vc2Model.encodePrompt(request.prompt);
            if (!cond)
                return cond.error();
            // T2V-Turbo-v2 has no unconditional pass.
            auto uncond = turbo ? Result<at::Tensor>(at::Tensor()) : vc2Model.encodePrompt("");
            if (!uncond)
                return uncond.error();
            auto plain = pipelines::sampleVc2Seeded(vc2Model, *sampler, s, *cond, *uncond, hooks,
                                                    plainTrajectory, &output.render.resumedSteps);
            if (!plain)
                return plain.error();
            output.render.computedSteps = -output.render.resumedSteps;
            sampled = std::move(*plain);
        }
        output.render.completedSteps = sampled.completedSteps;
        output.render.computedSteps += sampled.completedSteps;
        output.render.cancelled = sampled.cancelled;
        const at::Tensor latent = sampled.latent.squeeze(0);
        if (request.wantLatents || sampled.cancelled)
            output.render.latents = toHost(latent);
        if (!options.latentPath.empty()) {
            auto saved
                = io::saveRenderLatent(options.latentPath, location->family(), latent,
                                       sampled.completedSteps, request, output.randomWeights);
            if (!saved)
                return saved.error();
        }
        if (sampled.cancelled || !options.decode || !request.wantFrames)
            return output;
        const bool withBaseline = baseline.latent.defined();
        const int decodes = withBaseline ? 2 : 1;
        if (hooks.progress)
            hooks.progress({Stage::Decode, 0, decodes});
        auto video = vc2Model.vae().decode(sampled.latent, options.vaeFramesPerBatch);
        if (!video)
            return video.error();
        output.render.frames = toFrames(*video, s.fps);
        if (withBaseline) {
            auto base = vc2Model.vae().decode(baseline.latent, options.vaeFramesPerBatch);
            if (!base)
                return base.error();
            output.render.baseline = toFrames(*base, s.fps);
        } else if (request.wantBaseline && !transfer) {
            output.render.baseline = output.render.frames; // no injection: this is the baseline
        }
        if (hooks.progress)
            hooks.progress({Stage::Decode, decodes, decodes});
    } catch (const std::exception &e) {
        std::string text = e.what();
        return makeError(ErrorCode::Internal, name + " generation failed",
                         text.substr(0, text.find('\n')));
    }
    return output;
}

} // namespace mbq
