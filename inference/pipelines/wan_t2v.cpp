#include "inference/pipelines/wan_t2v.h"

#include "inference/request_rules.h"
#include "inference/sched/flow_solver.h"

#include <new>

namespace mbq::pipelines {

namespace {

// Latent-to-RGB factors for Wan2.1 latents (16 rows of R, G, B weights and a bias), the
// projection ComfyUI uses for its Wan previews. Good enough to see composition and motion.
constexpr float kPreviewFactors[16][3] = {
    {-0.1299f, -0.1692f, 0.2932f}, {0.0671f, 0.0406f, 0.0442f},  {0.3568f, 0.2548f, 0.1747f},
    {0.0372f, 0.2344f, 0.1420f},   {0.0313f, 0.0189f, -0.0328f}, {0.0296f, -0.0956f, -0.0665f},
    {-0.3477f, -0.4059f, -0.2925f}, {0.0166f, 0.1902f, 0.1975f}, {-0.0412f, 0.0267f, -0.1364f},
    {-0.1293f, 0.0740f, 0.1636f},  {0.0680f, 0.3019f, 0.1128f},  {0.0032f, 0.0581f, 0.0639f},
    {-0.1251f, 0.0927f, 0.1699f},  {0.0060f, -0.0633f, 0.0005f}, {0.3477f, 0.2275f, 0.2950f},
    {0.1984f, 0.0913f, 0.1861f},
};
constexpr float kPreviewBias[3] = {-0.1835f, -0.0868f, -0.3360f};

// [T, H, W, 3] float in [0, 1] -> VideoFrames.
VideoFrames toFrames(const at::Tensor &unit, double fps)
{
    const at::Tensor bytes = (unit.clamp(0.0, 1.0) * 255.0).to(at::kByte).contiguous();
    VideoFrames frames;
    frames.count = int(bytes.size(0));
    frames.height = int(bytes.size(1));
    frames.width = int(bytes.size(2));
    frames.fps = fps;
    frames.rgb.assign(bytes.data_ptr<uint8_t>(), bytes.data_ptr<uint8_t>() + bytes.numel());
    return frames;
}

Error torchFailure(const std::exception &e, const char *what)
{
    std::string text = e.what();
    text = text.substr(0, text.find('\n'));
    if (text.find("out of memory") != std::string::npos)
        return makeError(ErrorCode::OutOfMemory,
                         std::string("out of memory ") + what
                             + "; try a smaller size or fewer frames",
                         text);
    return makeError(ErrorCode::Internal, std::string("failed ") + what, text);
}

} // namespace

at::Tensor wanPadTextRows(const at::Tensor &rows, int64_t length)
{
    if (rows.size(0) >= length)
        return rows.slice(0, 0, length);
    return at::cat({rows, at::zeros({length - rows.size(0), rows.size(1)}, rows.options())});
}

const char *wanDefaultNegativePrompt()
{
    return "色调艳丽，过曝，静态，细节模糊不清，字幕，风格，作品，画作，画面，静止，整体发灰，最差质量，低质量，JPEG压缩残留，丑陋的，残缺的，多余的手指，画得不好的手部，画得不好的脸部，畸形的，毁容的，形态畸形的肢体，手指融合，静止不动的画面，杂乱的背景，三条腿，背景人很多，倒着走";
}

at::Tensor wanInitialNoise(at::IntArrayRef shape, uint64_t seed)
{
    at::Generator generator = at::detail::createCPUGenerator(seed);
    return at::randn(shape, generator, at::TensorOptions().dtype(at::kFloat));
}

VideoFrames wanLatentPreview(const at::Tensor &latent, double fps)
{
    const at::Tensor factors = at::from_blob(const_cast<float *>(&kPreviewFactors[0][0]),
                                             {16, 3}, at::kFloat);
    const at::Tensor bias = at::from_blob(const_cast<float *>(kPreviewBias), {3}, at::kFloat);
    // [16, F, H, W] -> [F, H, W, 16] · [16, 3] + bias, then [-1, 1] -> [0, 1].
    const at::Tensor rgb = at::matmul(latent.detach().to(at::kCPU, at::kFloat).permute({1, 2, 3, 0}),
                                      factors)
                           + bias;
    return toFrames((rgb + 1.0) * 0.5, fps);
}

VideoFrames videoToFrames(const at::Tensor &video, double fps)
{
    const at::Tensor unit = (video.detach().to(at::kCPU, at::kFloat).clamp(-1.0, 1.0) + 1.0) / 2.0;
    return toFrames(unit.permute({1, 2, 3, 0}), fps);
}

Result<std::vector<int64_t>> wanLatentShape(const wan::WanDitConfig &config,
                                            const GenerationSettings &s, const VideoVae *vae)
{
    const int64_t temporal = vae ? vae->temporalStride() : 4;
    const int64_t spatial = vae ? vae->spatialStride() : 8;
    if ((s.frames - 1) % temporal != 0 || s.width % (spatial * config.patchW) != 0
        || s.height % (spatial * config.patchH) != 0)
        return makeError(ErrorCode::InvalidArgument,
                         "frames must be " + std::to_string(temporal)
                             + "n+1 and width/height multiples of "
                             + std::to_string(spatial * config.patchH) + " for this model");
    return std::vector<int64_t>{config.inDim, (s.frames - 1) / temporal + 1, s.height / spatial,
                                s.width / spatial};
}

WanT2VPipeline::WanT2VPipeline(wan::WanDit &dit, TextEncoder &text, VideoVae *vae)
    : m_dit(dit)
    , m_text(text)
    , m_vae(vae)
{}

Result<at::Tensor> wanGuidedVelocity(wan::WanDit &dit, const at::Tensor &latent,
                                     int64_t timestep, const at::Tensor &positive,
                                     const at::Tensor &negative, double guidance, bool batch,
                                     int step)
{
    using attention::GuidanceBranch;
    const auto options = at::TensorOptions().dtype(at::kFloat).device(latent.device());
    at::Tensor conditional, unconditional;
    if (batch) {
        attention::ForwardContext context{step, {GuidanceBranch::Conditional,
                                                 GuidanceBranch::Unconditional}};
        auto both = dit.forward(at::stack({latent, latent}),
                                  at::full({2}, double(timestep), options),
                                  at::stack({positive, negative}), context);
        if (!both)
            return both.error();
        conditional = (*both)[0];
        unconditional = (*both)[1];
    } else {
        const at::Tensor t = at::full({1}, double(timestep), options);
        auto c = dit.forward(latent.unsqueeze(0), t, positive.unsqueeze(0),
                               {step, {GuidanceBranch::Conditional}});
        if (!c)
            return c.error();
        auto u = dit.forward(latent.unsqueeze(0), t, negative.unsqueeze(0),
                               {step, {GuidanceBranch::Unconditional}});
        if (!u)
            return u.error();
        conditional = (*c)[0];
        unconditional = (*u)[0];
    }
    // The official combination, in this order of operations.
    return (unconditional + guidance * (conditional - unconditional)).to(at::kFloat);
}

Result<WanT2VResult> WanT2VPipeline::run(const WanT2VRequest &request, const JobHooks &hooks,
                                         const LatentSink &saveLatent)
{
    RenderRequest asRender;
    asRender.prompt = request.prompt;
    asRender.negativePrompt = request.negativePrompt;
    asRender.settings = request.settings;
    if (auto valid = validateRequest(asRender); !valid)
        return valid.error();
    const GenerationSettings &s = request.settings;
    auto schedule = sched::officialFlowSchedule(s.steps, s.shift);
    if (!schedule)
        return schedule.error();
    auto solver = sched::makeFlowSolver(s.sampler, *schedule);
    if (!solver)
        return solver.error();

    const wan::WanDitConfig &config = m_dit.config();
    auto shape = wanLatentShape(config, s, m_vae);
    if (!shape)
        return shape.error();

    WanT2VResult result;
    // Both prompts first, then the encoder goes: the DiT needs the memory.
    std::string warning;
    auto positive = m_text.encode(request.prompt, &warning);
    if (!warning.empty())
        result.warnings.push_back("prompt: " + warning);
    if (!positive)
        return positive.error();
    warning.clear();
    const std::string negativeText = request.negativePrompt.empty() ? wanDefaultNegativePrompt()
                                                                    : request.negativePrompt;
    auto negative = m_text.encode(negativeText, &warning);
    if (!warning.empty())
        result.warnings.push_back("negative prompt: " + warning);
    if (!negative)
        return negative.error();
    m_text.release();

    const at::Device device = m_dit.precision().device;
    try {
        at::NoGradGuard noGrad;
        // Zero rows up to text_len, exactly what the DiT appends itself; padding here lets the
        // two prompts share one batch.
        const at::Tensor pos = wanPadTextRows(positive->to(device, at::kFloat), config.textLen);
        const at::Tensor neg = wanPadTextRows(negative->to(device, at::kFloat), config.textLen);
        at::Tensor latent = wanInitialNoise(*shape, s.seed).to(device);
        const int steps = (*schedule).steps();
        const bool keep = request.trajectory && int(request.trajectoryKeys.size()) == steps;
        if (keep) {
            if (auto resume = request.trajectory->resumePoint(request.trajectoryKeys, device)) {
                latent = resume->second.latent;
                (*solver)->restore(resume->second.state);
                result.resumedSteps = result.completedSteps = resume->first + 1;
                if (hooks.progress)
                    hooks.progress(Progress{Stage::Denoise, result.resumedSteps, steps});
            }
        }
        for (int i = result.resumedSteps; i < steps; ++i) {
            if (hooks.cancelled()) {
                result.cancelled = true;
                break;
            }
            if (request.beforeStep) {
                if (auto ready = request.beforeStep(i); !ready)
                    return ready.error();
            }
            auto v = wanGuidedVelocity(m_dit, latent, schedule->timesteps[size_t(i)], pos, neg,
                                       s.guidance, request.batchGuidance, i);
            if (!v)
                return v.error();
            if (hooks.preview) {
                // Preview the clean-video estimate x0 = x − σ·v: the noisy sample itself shows
                // nothing until the last steps.
                const at::Tensor x0 = latent - schedule->sigmas[size_t(i)] * *v;
                hooks.preview(wanLatentPreview(x0, s.fps), i);
            }
            latent = (*solver)->step(*v, latent);
            result.completedSteps = i + 1;
            if (keep)
                request.trajectory->put(request.trajectoryKeys[size_t(i)],
                                        {latent, (*solver)->state()});
            if (hooks.progress)
                hooks.progress(Progress{Stage::Denoise, i + 1, steps});
        }
        result.latent = latent.to(at::kCPU, at::kFloat);
    } catch (const std::bad_alloc &) {
        return makeError(ErrorCode::OutOfMemory, "out of host memory while denoising");
    } catch (const std::exception &e) {
        return torchFailure(e, "while denoising");
    }

    if (saveLatent) {
        if (auto saved = saveLatent(result.latent, result.completedSteps); !saved)
            return saved.error();
    }
    if (result.cancelled || !m_vae)
        return result;

    if (hooks.progress)
        hooks.progress(Progress{Stage::Decode, 0, 1});
    try {
        at::NoGradGuard noGrad;
        auto video = m_vae->decode(result.latent.to(device));
        if (!video)
            return video.error();
        result.video = video->to(at::kCPU, at::kFloat);
    } catch (const std::bad_alloc &) {
        return makeError(ErrorCode::OutOfMemory, "out of host memory while decoding");
    } catch (const std::exception &e) {
        return torchFailure(e, "while decoding");
    }
    if (hooks.progress)
        hooks.progress(Progress{Stage::Decode, 1, 1});
    return result;
}

} // namespace mbq::pipelines
