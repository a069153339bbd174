// generateVc2: the VC2 text-to-video facade over Vc2Model and sampleVc2.
#include "inference/vc2_tools.h"

#include "inference/videocrafter/t2v.h"
#include "inference/videocrafter/vc2_model.h"

#include <algorithm>

namespace mbq {

namespace {

HostTensor toHost(const at::Tensor &tensor)
{
    const at::Tensor cpu = tensor.to(at::kCPU, at::kFloat).contiguous();
    HostTensor host;
    host.shape = cpu.sizes().vec();
    host.data.assign(cpu.data_ptr<float>(), cpu.data_ptr<float>() + cpu.numel());
    return host;
}

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

} // namespace

Result<Vc2GenerateOutput> generateVc2(const std::string &model, const RenderRequest &request,
                                      const Vc2GenerateOptions &options, const JobHooks &hooks)
{
    const GenerationSettings &s = request.settings;
    if (s.sampler != Sampler::DDIM)
        return makeError(ErrorCode::Unsupported,
                         std::string("VideoCrafter2 samples with DDIM, not ")
                             + samplerName(s.sampler));
    if (!request.source.empty() || !request.injection.isOff())
        return makeError(ErrorCode::Unsupported,
                         "motion transfer with VideoCrafter2 is not wired yet; render without a "
                         "source");
    auto precision = vc2::resolveVc2Precision(options.compute.device, options.compute.dtype);
    if (!precision)
        return precision.error();
    if (hooks.progress)
        hooks.progress({Stage::LoadModel, 0, 1});
    auto loaded = vc2::Vc2Model::load(model, *precision);
    if (!loaded)
        return loaded.error();
    vc2::Vc2Model &vc2Model = **loaded;
    const int64_t factor = vc2Model.vae().config().downFactor()
        * (int64_t(1) << (vc2Model.config().unet.levels() - 1));
    if (s.width < factor || s.height < factor || s.width % factor || s.height % factor
        || s.frames < 1)
        return makeError(ErrorCode::InvalidArgument,
                         "VideoCrafter2 needs a width and height that are multiples of "
                             + std::to_string(factor) + " and at least one frame, got "
                             + std::to_string(s.width) + "x" + std::to_string(s.height) + ", "
                             + std::to_string(s.frames) + " frames");
    auto schedule = sched::makeDdimSchedule(vc2Model.schedule(), s.steps, options.eta);
    if (!schedule)
        return schedule.error();
    auto cond = vc2Model.encodePrompt(request.prompt);
    if (!cond)
        return cond.error();
    auto uncond = vc2Model.encodePrompt("");
    if (!uncond)
        return uncond.error();

    Vc2GenerateOutput output;
    output.randomWeights = vc2Model.location().randomWeights;
    output.device = std::string(precision->device.is_cuda() ? "cuda " : "cpu ")
        + (options.compute.dtype == "auto" ? "default" : options.compute.dtype);
    try {
        at::Generator generator = at::detail::createCPUGenerator(s.seed);
        const int64_t vaeFactor = vc2Model.vae().config().downFactor();
        const at::Tensor zT = at::randn({1, vc2Model.config().unet.inChannels, s.frames,
                                         s.height / vaeFactor, s.width / vaeFactor},
                                        generator, at::TensorOptions().dtype(precision->wide()))
                                  .to(precision->device);
        vc2::Vc2SampleSettings settings;
        settings.guidance = s.guidance;
        settings.fps = options.fpsCondition;
        const auto onStep = [&](int step, const at::Tensor &) {
            if (hooks.progress)
                hooks.progress({Stage::Denoise, step + 1, schedule->count()});
            return !hooks.cancelled();
        };
        auto sampled = vc2::sampleVc2(vc2Model.unet(), *schedule, zT, *cond, *uncond, settings,
                                      generator, onStep);
        if (!sampled)
            return sampled.error();
        output.render.completedSteps = sampled->completedSteps;
        output.render.cancelled = sampled->cancelled;
        if (request.wantLatents || sampled->cancelled)
            output.render.latents = toHost(sampled->latent.squeeze(0));
        if (sampled->cancelled || !options.decode || !request.wantFrames)
            return output;
        if (hooks.progress)
            hooks.progress({Stage::Decode, 0, 1});
        auto video = vc2Model.vae().decode(sampled->latent, options.vaeFramesPerBatch);
        if (!video)
            return video.error();
        output.render.frames = toFrames(*video, s.fps);
    } catch (const std::exception &e) {
        std::string text = e.what();
        return makeError(ErrorCode::Internal, "VideoCrafter2 generation failed",
                         text.substr(0, text.find('\n')));
    }
    return output;
}

} // namespace mbq
