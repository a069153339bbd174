#include "inference/videocrafter/unet.h"

#include "inference/io/shape_text.h"

#include <cmath>
#include <new>

namespace mbq::vc2 {

namespace {

using io::shapeText;

std::string describe(const at::Tensor &t)
{
    return t.defined() ? shapeText(t.sizes()) : std::string("nothing");
}

Error inputError(const std::string &what)
{
    return makeError(ErrorCode::InvalidArgument, "VideoCrafter2 UNet input: " + what);
}

// Torch reports device memory exhaustion as a c10::Error whose text says so.
Error torchError(const std::exception &e)
{
    std::string text = e.what();
    text = text.substr(0, text.find('\n'));
    if (text.find("out of memory") != std::string::npos)
        return makeError(ErrorCode::OutOfMemory,
                         "out of memory in the VideoCrafter2 UNet; try a smaller size or fewer "
                         "frames",
                         text);
    return makeError(ErrorCode::Internal, "VideoCrafter2 UNet forward failed", text);
}

} // namespace

Vc2UNet::Vc2UNet(Vc2UNetConfig config, Vc2Weights weights, Vc2Precision precision)
    : m_config(std::move(config))
    , m_weights(std::move(weights))
    , m_precision(precision)
    , m_plan(planUNet(m_config))
{
    for (size_t i = 0; i < m_plan.siteIds.size(); ++i)
        m_siteIndex.emplace(m_plan.siteIds[i], int(i));
}

Result<std::unique_ptr<Vc2UNet>> Vc2UNet::load(const Vc2Checkpoint &checkpoint,
                                               const Vc2UNetConfig &config,
                                               const Vc2Precision &precision)
{
    auto weights = checkpoint.loadPart(checkpoint.unetPrefix(), unetTensorShapes(config),
                                       precision.dtype, precision.device);
    if (!weights)
        return weights.error();
    return std::make_unique<Vc2UNet>(config, std::move(*weights), precision);
}

at::Tensor Vc2UNet::timestepEmbedding(const at::Tensor &timesteps, int64_t dim, at::ScalarType wide)
{
    const int64_t half = dim / 2;
    const auto options = at::TensorOptions().dtype(wide).device(timesteps.device());
    const at::Tensor freqs
        = at::exp(at::arange(half, options) * (-std::log(10000.0)) / double(half));
    const at::Tensor args = timesteps.to(wide).unsqueeze(1) * freqs.unsqueeze(0);
    at::Tensor embedding = at::cat({args.cos(), args.sin()}, 1);
    if (dim % 2)
        embedding = at::cat({embedding, at::zeros_like(embedding.narrow(1, 0, 1))}, 1);
    return embedding;
}

at::Tensor Vc2UNet::guidanceEmbedding(const at::Tensor &scales, int64_t dim, at::ScalarType wide)
{
    const int64_t half = dim / 2;
    const auto options = at::TensorOptions().dtype(wide).device(scales.device());
    // The official expression order, so float32 gives the official float32 numbers.
    const at::Tensor step = at::log(at::scalar_tensor(10000.0, options)) / double(half - 1);
    const at::Tensor freqs = at::exp(at::arange(half, options) * -step);
    const at::Tensor args = (scales.to(wide) * 1000.0).unsqueeze(1) * freqs.unsqueeze(0);
    at::Tensor embedding = at::cat({args.sin(), args.cos()}, 1);
    if (dim % 2)
        embedding = at::constant_pad_nd(embedding, {0, 1});
    return embedding;
}

Result<void> Vc2UNet::checkInputs(const at::Tensor &x, const at::Tensor &timesteps,
                                  const at::Tensor &context, const at::Tensor &fps) const
{
    const Vc2UNetConfig &c = m_config;
    const int64_t factor = int64_t(1) << (c.levels() - 1);
    if (!x.defined() || x.dim() != 5 || x.size(1) != c.inChannels)
        return inputError("latents must be [batch, " + std::to_string(c.inChannels)
                          + ", frames, height, width], got " + describe(x));
    if (x.size(0) < 1 || x.size(2) < 1 || x.size(3) < 1 || x.size(4) < 1 || x.size(3) % factor
        || x.size(4) % factor)
        return inputError("latent size " + describe(x)
                          + " needs height and width that are "
                            "positive multiples of "
                          + std::to_string(factor));
    const int64_t batch = x.size(0);
    if (!timesteps.defined() || timesteps.dim() != 1 || timesteps.size(0) != batch)
        return inputError("timesteps must be [" + std::to_string(batch) + "], got "
                          + describe(timesteps));
    if (!context.defined() || context.dim() != 3 || context.size(0) != batch || context.size(1) < 1
        || context.size(2) != c.contextDim)
        return inputError("context must be [" + std::to_string(batch) + ", tokens, "
                          + std::to_string(c.contextDim) + "], got " + describe(context));
    if (c.fpsCond
        && (!fps.defined() || fps.dim() != 1 || (fps.size(0) != batch && fps.size(0) != 1)))
        return inputError("fps must be [" + std::to_string(batch) + "] or [1], got "
                          + describe(fps));
    if (!at::isFloatingType(x.scalar_type()) || !at::isFloatingType(context.scalar_type()))
        return inputError("latents and context must be floating point");
    return {};
}

Result<void> Vc2UNet::checkConditions(const at::Tensor &timesteps, const at::Tensor &fps,
                                      const TurboCondition &turbo) const
{
    if (!timesteps.defined() || timesteps.dim() != 1 || timesteps.size(0) < 1)
        return inputError("timesteps must be [batch], got " + describe(timesteps));
    const int64_t batch = timesteps.size(0);
    if (m_config.fpsCond
        && (!fps.defined() || fps.dim() != 1 || (fps.size(0) != batch && fps.size(0) != 1)))
        return inputError("fps must be [" + std::to_string(batch) + "] or [1], got "
                          + describe(fps));
    if (turbo.guidance && m_config.timeCondProjDim == 0)
        return inputError("a guidance scale was given, but this UNet has no guidance embedding "
                          "(time_cond_proj): it is VideoCrafter2's, not T2V-Turbo-v2's");
    if (turbo.motion && !turbo.guidance)
        return inputError("the motion-guidance scale needs the guidance scale as well");
    if (turbo.motion && m_config.motionCondProjDim == 0)
        return inputError("a motion-guidance scale was given, but this UNet has no "
                          "motion_cond_proj");
    for (const std::optional<double> &scale : {turbo.guidance, turbo.motion}) {
        if (scale && !std::isfinite(*scale))
            return inputError("guidance scales must be finite numbers");
    }
    return {};
}

at::Tensor Vc2UNet::embed(const at::Tensor &timesteps, const at::Tensor &fps,
                          const TurboCondition &turbo) const
{
    const at::Device device = m_precision.device;
    const at::ScalarType dtype = m_precision.dtype, wide = m_precision.wide();
    const int64_t mc = m_config.modelChannels;
    const int64_t batch = timesteps.size(0);
    // The embeddings are float32 sinusoids fed to the MLPs in the model dtype.
    at::Tensor input = timestepEmbedding(timesteps.to(device), mc, wide).to(dtype);
    if (turbo.guidance) {
        const auto project = [&](const char *name, double scale, int64_t dim) {
            const at::Tensor scales
                = at::full({batch}, scale, at::TensorOptions().dtype(wide).device(device));
            return linear(name, guidanceEmbedding(scales, dim, wide).to(dtype), false);
        };
        at::Tensor cond = project("time_cond_proj", *turbo.guidance, m_config.timeCondProjDim);
        if (turbo.motion) {
            const at::Tensor motion
                = project("motion_cond_proj", *turbo.motion, m_config.motionCondProjDim);
            cond = linear("combine_proj", at::cat({cond, motion}, 1), false);
        }
        input = input + cond;
    }
    at::Tensor emb = linear("time_embed.2", at::silu(linear("time_embed.0", input)));
    if (m_config.fpsCond) {
        const at::Tensor f = fps.to(device).expand({batch});
        emb = emb
            + linear("fps_embedding.2",
                     at::silu(linear("fps_embedding.0", timestepEmbedding(f, mc, wide).to(dtype))));
    }
    return emb;
}

Result<at::Tensor> Vc2UNet::embedding(const at::Tensor &timesteps, const at::Tensor &fps,
                                      const TurboCondition &turbo) const
{
    if (auto valid = checkConditions(timesteps, fps, turbo); !valid)
        return valid.error();
    try {
        at::NoGradGuard noGrad;
        return embed(timesteps, fps, turbo);
    } catch (const std::exception &e) {
        return torchError(e);
    }
}

Result<at::Tensor> Vc2UNet::forward(const at::Tensor &x, const at::Tensor &timesteps,
                                    const at::Tensor &context, const at::Tensor &fps,
                                    const attention::ForwardContext &forwardContext,
                                    const TurboCondition &turbo) const
{
    if (auto valid = checkInputs(x, timesteps, context, fps); !valid)
        return valid.error();
    if (auto valid = checkConditions(timesteps, fps, turbo); !valid)
        return valid.error();
    try {
        at::NoGradGuard noGrad;
        Pass pass;
        pass.batch = x.size(0);
        pass.frames = x.size(2);
        pass.forward = &forwardContext;
        pass.emb = embed(timesteps, fps, turbo).repeat_interleave(pass.frames, 0);
        pass.context
            = context.to(m_precision.device, m_precision.dtype).repeat_interleave(pass.frames, 0);
        return run(x.to(m_precision.device, m_precision.dtype), pass);
    } catch (const std::bad_alloc &) {
        return makeError(ErrorCode::OutOfMemory,
                         "out of host memory in the VideoCrafter2 UNet; try a smaller size or "
                         "fewer frames");
    } catch (const std::exception &e) {
        return torchError(e);
    }
}

at::Tensor Vc2UNet::run(const at::Tensor &x, Pass &pass) const
{
    const int64_t batch = pass.batch, frames = pass.frames;
    // (B, C, T, H, W) -> (B·T, C, H, W), frame-major within each video.
    at::Tensor h
        = x.permute({0, 2, 1, 3, 4}).reshape({batch * frames, x.size(1), x.size(3), x.size(4)});
    h = conv2d("input_blocks.0.0", h);
    if (m_config.additionAttention)
        h = temporalTransformer("init_attn.0.", h, m_config.initAttnHeads, true, "init.temporal",
                                pass);
    std::vector<at::Tensor> skips {h};
    for (const UNetBlockPlan &plan : m_plan.input) {
        h = block(plan, h, pass);
        skips.push_back(h);
    }
    h = block(m_plan.middle, h, pass);
    h = resBlock(m_plan.middle.prefix + "3.", h, m_plan.middle.outChannels,
                 m_plan.middle.outChannels, pass);
    for (const UNetBlockPlan &plan : m_plan.output) {
        h = block(plan, at::cat({h, skips.back()}, 1), pass);
        skips.pop_back();
    }
    h = conv2d("out.2", at::silu(groupNorm("out.0", h, 1e-5)));
    return h.reshape({batch, frames, h.size(1), h.size(2), h.size(3)}).permute({0, 2, 1, 3, 4});
}

at::Tensor Vc2UNet::block(const UNetBlockPlan &plan, at::Tensor h, const Pass &pass) const
{
    if (plan.downsample)
        return conv2d(plan.prefix + "0.op", h, 2, 1);
    h = resBlock(plan.prefix + "0.", h, plan.inChannels, plan.outChannels, pass);
    if (plan.attention) {
        h = spatialTransformer(plan.prefix + "1.", h, plan.heads, plan.layerId + ".spatial", pass);
        h = temporalTransformer(plan.prefix + "2.", h, plan.heads, false,
                                plan.layerId + ".temporal", pass);
    }
    if (plan.upsample) {
        h = at::upsample_nearest2d(h, {h.size(2) * 2, h.size(3) * 2});
        h = conv2d(plan.prefix + std::to_string(plan.upsampleLayer) + ".conv", h);
    }
    return h;
}

} // namespace mbq::vc2
