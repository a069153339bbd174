// generateVc2: the VC2 facade over Vc2Model, text-to-video (sampleVc2Seeded) and motion
// transfer (Vc2TransferPipeline), saving the latent before decoding.
#include "inference/io/latent_file.h"
#include "inference/pipelines/vc2_t2v.h"
#include "inference/pipelines/vc2_transfer.h"
#include "inference/vc2_tools.h"
#include "inference/videocrafter/vc2_model.h"

#include <map>

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

// RGB8 frames -> [3, T, H, W] float32 in [-1, 1] (x/127.5 − 1, the official input mapping).
at::Tensor framesToVideo(const VideoFrames &frames)
{
    const at::Tensor bytes = at::from_blob(const_cast<uint8_t *>(frames.rgb.data()),
                                           {frames.count, frames.height, frames.width, 3},
                                           at::kByte);
    return bytes.permute({3, 0, 1, 2}).to(at::kFloat) / 127.5 - 1.0;
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
    const bool transfer = !request.injection.isOff();
    if (transfer && request.source.empty())
        return makeError(ErrorCode::InvalidArgument,
                         "the injection schedule needs a source clip; add one or turn every "
                         "layer's weight to 0");
    auto precision = vc2::resolveVc2Precision(options.compute.device, options.compute.dtype);
    if (!precision)
        return precision.error();
    if (hooks.progress)
        hooks.progress({Stage::LoadModel, 0, 1});
    auto loaded = vc2::Vc2Model::load(model, *precision);
    if (!loaded)
        return loaded.error();
    vc2::Vc2Model &vc2Model = **loaded;
    if (hooks.progress)
        hooks.progress({Stage::LoadModel, 1, 1});
    const int64_t factor = vc2Model.vae().config().downFactor()
        * (int64_t(1) << (vc2Model.config().unet.levels() - 1));
    if (s.width < factor || s.height < factor || s.width % factor || s.height % factor
        || s.frames < 1)
        return makeError(ErrorCode::InvalidArgument,
                         "VideoCrafter2 needs a width and height that are multiples of "
                             + std::to_string(factor) + " and at least one frame, got "
                             + std::to_string(s.width) + "x" + std::to_string(s.height) + ", "
                             + std::to_string(s.frames) + " frames");

    Vc2GenerateOutput output;
    output.randomWeights = vc2Model.location().randomWeights;
    output.device = std::string(precision->device.is_cuda() ? "cuda " : "cpu ")
        + (options.compute.dtype == "auto" ? "default" : options.compute.dtype);
    try {
        at::NoGradGuard noGrad;
        vc2::Vc2SampleResult sampled;
        vc2::Vc2SampleResult baseline;
        if (transfer) {
            pipelines::Vc2TransferRequest job;
            job.prompt = request.prompt;
            job.settings = s;
            job.eta = options.eta;
            job.fpsCondition = options.fpsCondition;
            job.schedule = request.injection;
            job.sourceVideo = framesToVideo(request.source);
            job.sourcePrompt = request.sourcePrompt;
            job.wantBaseline = request.wantBaseline;
            auto done = pipelines::Vc2TransferPipeline(vc2Model).run(job, hooks);
            if (!done)
                return done.error();
            output.extractionPasses = done->extractionPasses;
            if (!done->render.latent.defined()) { // cancelled before the injected render began
                output.render.cancelled = true;
                return output;
            }
            sampled = std::move(done->render);
            baseline = std::move(done->baseline);
        } else {
            auto schedule = sched::makeDdimSchedule(vc2Model.schedule(), s.steps, options.eta);
            if (!schedule)
                return schedule.error();
            auto cond = vc2Model.encodePrompt(request.prompt);
            if (!cond)
                return cond.error();
            auto uncond = vc2Model.encodePrompt("");
            if (!uncond)
                return uncond.error();
            auto plain = pipelines::sampleVc2Seeded(vc2Model, *schedule, s, *cond, *uncond,
                                                    options.fpsCondition, hooks);
            if (!plain)
                return plain.error();
            sampled = std::move(*plain);
        }
        output.render.completedSteps = sampled.completedSteps;
        output.render.cancelled = sampled.cancelled;
        const at::Tensor latent = sampled.latent.squeeze(0);
        if (request.wantLatents || sampled.cancelled)
            output.render.latents = toHost(latent);
        if (!options.latentPath.empty()) {
            auto saved = io::saveRenderLatent(options.latentPath, "videocrafter2", latent,
                                              sampled.completedSteps, request,
                                              output.randomWeights);
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
        return makeError(ErrorCode::Internal, "VideoCrafter2 generation failed",
                         text.substr(0, text.find('\n')));
    }
    return output;
}

} // namespace mbq
