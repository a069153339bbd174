// WanSession and generateWan (wan_tools.h): a Wan2.1 folder's DiT, VAE and text encoder kept
// between renders with the prompt encodings, the Q bank and the trajectory cache; text-to-video
// or, with a source clip and an active injection schedule, motion transfer; the latent saved
// before decoding.
#include "inference/attention/q_bank.h"
#include "inference/io/latent_file.h"
#include "inference/pipelines/host_tensors.h"
#include "inference/pipelines/prompt_cache.h"
#include "inference/pipelines/trajectory_cache.h"
#include "inference/pipelines/wan_components.h"
#include "inference/pipelines/wan_t2v.h"
#include "inference/pipelines/wan_transfer.h"
#include "inference/trajectory_key.h"
#include "inference/wan/compute.h"
#include "inference/wan/dit.h"
#include "inference/wan_tools.h"

#include <optional>

namespace mbq {

namespace {

std::string precisionName(const wan::WanDitPrecision &precision)
{
    return std::string(precision.device.is_cuda() ? "cuda " : "cpu ")
           + (precision.linear == at::kBFloat16 ? "bf16"
              : precision.linear == at::kDouble ? "f64"
                                                : "f32");
}

} // namespace

struct WanSession::State
{
    std::string folder;
    wan::WanDitPrecision precision;
    wan::WanDitPrecision textPrecision;
    std::unique_ptr<wan::WanDit> dit; // loaded with `precision`, or null
    std::unique_ptr<pipelines::VideoVae> vae;
    std::unique_ptr<pipelines::PromptCache> prompts;
    attention::QBank bank;
    pipelines::TrajectoryCache trajectory{0, 0, {}};
    bool randomWeights = false;

    Result<void> load(bool needVae, const JobHooks &hooks);
};

Result<void> WanSession::State::load(bool needVae, const JobHooks &hooks)
{
    if (dit && (vae || !needVae))
        return {};
    if (hooks.progress)
        hooks.progress(Progress{Stage::LoadModel, 0, 1});
    if (!dit) {
        auto location = wan::locateWanDit(folder);
        if (!location)
            return location.error();
        randomWeights = location->randomWeights;
        auto loaded = wan::WanDit::load(folder, precision);
        if (!loaded)
            return loaded.error();
        dit = std::move(*loaded);
    }
    if (needVae && !vae) {
        auto loaded = pipelines::loadWanVideoVae(folder, precision.device);
        if (!loaded)
            return loaded.error();
        vae = std::move(*loaded);
    }
    if (hooks.progress)
        hooks.progress(Progress{Stage::LoadModel, 1, 1});
    return {};
}

WanSession::WanSession(std::string modelFolder)
    : m(std::make_unique<State>())
{
    m->folder = std::move(modelFolder);
}

WanSession::~WanSession() = default;

Result<void> WanSession::setCompute(const ComputeOptions &compute,
                                    const ComputeOptions &textEncoder)
{
    auto precision = wan::resolvePrecision(compute);
    if (!precision)
        return precision.error();
    auto textPrecision = wan::resolvePrecision(textEncoder);
    if (!textPrecision)
        return textPrecision.error();
    const auto same = [](const wan::WanDitPrecision &a, const wan::WanDitPrecision &b) {
        return a.device == b.device && a.linear == b.linear && a.stream == b.stream;
    };
    if (!same(*precision, m->precision) || !m->prompts) {
        // Everything computed on the old device or dtype goes with it.
        m->dit.reset();
        m->vae.reset();
        m->bank.reset(0);
        m->trajectory.clear();
    }
    if (!same(*textPrecision, m->textPrecision) || !m->prompts) {
        const std::string folder = m->folder;
        const wan::WanDitPrecision text = *textPrecision;
        // The encoder defaults to the CPU (the official --t5_cpu), so the GPU holds only the
        // DiT and the VAE.
        m->prompts = std::make_unique<pipelines::PromptCache>(
            [folder, text] { return pipelines::loadWanTextEncoder(folder, text.device, text.linear); });
    }
    m->precision = *precision;
    m->textPrecision = *textPrecision;
    return {};
}

void WanSession::setCaches(const EngineSettings &settings)
{
    const attention::QBankOptions bank = attention::QBankOptions::from(settings);
    if (!(bank == m->bank.options()))
        m->bank = attention::QBank(bank);
    m->trajectory.setBudgets(settings.trajectoryMemoryBytes, settings.trajectoryDiskBytes,
                             settings.cacheFolder);
}

Result<WanGenerateOutput> WanSession::render(const RenderRequest &request,
                                             const std::string &latentPath, bool decode,
                                             const JobHooks &hooks)
{
    const bool transfer = !request.injection.isOff();
    if (transfer && request.source.empty())
        return makeError(ErrorCode::InvalidArgument,
                         "the injection schedule needs a source clip; add one or turn every "
                         "layer's weight to 0");
    if (!m->prompts) { // never configured: the defaults
        if (auto set = setCompute({}, {"cpu", "auto"}); !set)
            return set.error();
    }
    // Motion transfer needs the VAE to encode its source, so it always decodes too.
    if (auto loaded = m->load(decode || transfer, hooks); !loaded)
        return loaded.error();

    pipelines::WanT2VRequest t2v;
    t2v.prompt = request.prompt;
    t2v.negativePrompt = request.negativePrompt;
    t2v.settings = request.settings;
    const bool randomWeights = m->randomWeights;
    pipelines::LatentSink sink;
    if (!latentPath.empty())
        sink = [&](const at::Tensor &latent, int steps) {
            return io::saveRenderLatent(latentPath, "wan2.1", latent, steps, request,
                                        randomWeights);
        };
    const std::string model = m->folder + "|" + precisionName(m->precision);
    const uint64_t source = transfer ? sourceDigest(request.source) : 0;
    pipelines::TrajectoryCache *trajectory = m->trajectory.enabled() ? &m->trajectory : nullptr;
    RenderRequest plain = request; // the baseline's trajectory: same request, injection off
    plain.injection = InjectionSchedule();

    WanGenerateOutput output;
    std::optional<pipelines::WanT2VResult> baseline;
    Result<pipelines::WanT2VResult> result = makeError(ErrorCode::Internal, "not rendered");
    if (transfer) {
        pipelines::WanTransferRequest job;
        job.target = t2v;
        job.schedule = request.injection;
        job.sourceVideo = framesToVideo(request.source);
        job.sourcePrompt = request.sourcePrompt;
        job.sourceSeed = request.sourceSeed;
        job.sourceDigest = source;
        job.wantBaseline = request.wantBaseline;
        job.bank = &m->bank;
        job.trajectory = trajectory;
        job.keys = trajectoryKeys(request, model, source);
        job.baselineKeys = trajectoryKeys(plain, model, 0);
        auto done = pipelines::WanTransferPipeline(*m->dit, *m->prompts, *m->vae)
                        .run(job, hooks, sink);
        if (!done)
            return done.error();
        output.render.extractionPasses = done->extractionPasses;
        if (request.wantBaseline) {
            output.render.computedSteps += done->baseline.completedSteps
                                           - done->baseline.resumedSteps;
            baseline = std::move(done->baseline);
        }
        if (!done->render.latent.defined()) { // cancelled before the injected render began
            output.render.cancelled = true;
            return output;
        }
        result = std::move(done->render);
    } else {
        t2v.trajectory = trajectory;
        t2v.trajectoryKeys = trajectoryKeys(plain, model, 0);
        result = pipelines::WanT2VPipeline(*m->dit, *m->prompts, decode ? m->vae.get() : nullptr)
                     .run(t2v, hooks, sink);
    }
    if (!result)
        return result.error();

    output.randomWeights = randomWeights;
    output.warnings = result->warnings;
    output.device = precisionName(m->precision);
    output.render.completedSteps = result->completedSteps;
    output.render.resumedSteps = result->resumedSteps;
    output.render.computedSteps += result->completedSteps - result->resumedSteps;
    output.render.cancelled = result->cancelled;
    if (request.wantLatents || result->cancelled)
        output.render.latents = toHost(result->latent);
    if (result->video.defined())
        output.render.frames = pipelines::videoToFrames(result->video, request.settings.fps);
    if (baseline && baseline->video.defined())
        output.render.baseline = pipelines::videoToFrames(baseline->video, request.settings.fps);
    else if (request.wantBaseline && !transfer)
        output.render.baseline = output.render.frames; // no injection: the render is the baseline
    return output;
}

Result<WanGenerateOutput> generateWan(const std::string &modelFolder,
                                      const RenderRequest &request,
                                      const WanGenerateOptions &options, const JobHooks &hooks)
{
    // One render: nothing is worth keeping for a next one.
    WanSession session(modelFolder);
    if (auto set = session.setCompute(options.compute, options.textEncoder); !set)
        return set.error();
    EngineSettings caches;
    caches.trajectoryMemoryBytes = 0;
    session.setCaches(caches);
    return session.render(request, options.latentPath, options.decode, hooks);
}

} // namespace mbq
