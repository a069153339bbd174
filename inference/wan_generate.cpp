// generateWan (wan_tools.h): loads a Wan2.1 folder's DiT, text encoder and VAE and runs the
// text-to-video pipeline (or, with a source clip and an active injection schedule, the motion
// transfer pipeline), saving the latent before decoding.
#include "inference/io/latent_file.h"
#include "inference/pipelines/wan_components.h"
#include "inference/pipelines/wan_t2v.h"
#include "inference/pipelines/wan_transfer.h"
#include "inference/wan/compute.h"
#include "inference/wan/dit.h"
#include "inference/wan_tools.h"

#include <optional>

namespace mbq {

namespace {

HostTensor toHost(const at::Tensor &tensor)
{
    HostTensor host;
    const at::Tensor values = tensor.to(at::kCPU, at::kFloat).contiguous();
    host.shape = values.sizes().vec();
    host.data.assign(values.data_ptr<float>(), values.data_ptr<float>() + values.numel());
    return host;
}

// RGB8 frames -> [3, F, H, W] float32 in [-1, 1], the VAE's input.
at::Tensor framesToVideo(const VideoFrames &frames)
{
    const at::Tensor bytes = at::from_blob(const_cast<uint8_t *>(frames.rgb.data()),
                                           {frames.count, frames.height, frames.width, 3},
                                           at::kByte);
    return bytes.permute({3, 0, 1, 2}).to(at::kFloat) / 127.5 - 1.0;
}

} // namespace

Result<WanGenerateOutput> generateWan(const std::string &modelFolder,
                                      const RenderRequest &request,
                                      const WanGenerateOptions &options, const JobHooks &hooks)
{
    const bool transfer = !request.injection.isOff();
    if (transfer && request.source.empty())
        return makeError(ErrorCode::InvalidArgument,
                         "the injection schedule needs a source clip; add one or turn every "
                         "layer's weight to 0");
    auto precision = wan::resolvePrecision(options.compute);
    if (!precision)
        return precision.error();
    auto textPrecision = wan::resolvePrecision(options.textEncoder);
    if (!textPrecision)
        return textPrecision.error();
    auto location = wan::locateWanDit(modelFolder);
    if (!location)
        return location.error();

    if (hooks.progress)
        hooks.progress(Progress{Stage::LoadModel, 0, 1});
    // The encoder defaults to the CPU (the official --t5_cpu), so the GPU holds only the DiT
    // and the VAE; the pipeline releases the encoder as soon as both prompts are encoded.
    auto text = pipelines::loadWanTextEncoder(modelFolder, textPrecision->device,
                                              textPrecision->linear);
    if (!text)
        return text.error();
    auto dit = wan::WanDit::load(modelFolder, *precision);
    if (!dit)
        return dit.error();
    std::unique_ptr<pipelines::VideoVae> vae;
    // Motion transfer needs the VAE to encode its source, so it always decodes too.
    if (options.decode || transfer) {
        auto loaded = pipelines::loadWanVideoVae(modelFolder, precision->device);
        if (!loaded)
            return loaded.error();
        vae = std::move(*loaded);
    }
    if (hooks.progress)
        hooks.progress(Progress{Stage::LoadModel, 1, 1});

    pipelines::WanT2VRequest t2v;
    t2v.prompt = request.prompt;
    t2v.negativePrompt = request.negativePrompt;
    t2v.settings = request.settings;
    pipelines::WanT2VPipeline pipeline(**dit, **text, vae.get());
    const bool randomWeights = location->randomWeights;
    pipelines::LatentSink sink;
    if (!options.latentPath.empty())
        sink = [&](const at::Tensor &latent, int steps) {
            return io::saveRenderLatent(options.latentPath, "wan2.1", latent, steps, request,
                                        randomWeights);
        };
    WanGenerateOutput output;
    std::optional<pipelines::WanT2VResult> baseline;
    Result<pipelines::WanT2VResult> result = makeError(ErrorCode::Internal, "not rendered");
    if (transfer) {
        pipelines::WanTransferRequest job;
        job.target = t2v;
        job.schedule = request.injection;
        job.sourceVideo = framesToVideo(request.source);
        job.sourcePrompt = request.sourcePrompt;
        job.wantBaseline = request.wantBaseline;
        auto done = pipelines::WanTransferPipeline(**dit, **text, *vae).run(job, hooks, sink);
        if (!done)
            return done.error();
        output.extractionPasses = done->extractionPasses;
        if (!done->render.latent.defined()) { // cancelled before the injected render began
            output.render.cancelled = true;
            return output;
        }
        if (request.wantBaseline)
            baseline = std::move(done->baseline);
        result = std::move(done->render);
    } else {
        result = pipeline.run(t2v, hooks, sink);
    }
    if (!result)
        return result.error();

    output.randomWeights = randomWeights;
    output.warnings = result->warnings;
    output.device = std::string(precision->device.is_cuda() ? "cuda " : "cpu ")
                    + (precision->linear == at::kBFloat16 ? "bf16"
                       : precision->linear == at::kDouble ? "f64"
                                                          : "f32");
    output.render.completedSteps = result->completedSteps;
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

} // namespace mbq
