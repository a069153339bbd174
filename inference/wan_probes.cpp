// `mbq probe` for Wan2.1's components: each reads named float32 (or int64) tensors from a
// safetensors file, runs one component as the pipeline would, and writes float32 results, so
// they can be compared tensor by tensor with the reference implementation.
#include "inference/wan_tools.h"

#include "inference/io/safetensors_writer.h"
#include "inference/io/tensor_store.h"
#include "inference/pipelines/wan_components.h"
#include "inference/text/umt5_encoder.h"
#include "inference/text/umt5_tokenizer.h"
#include "inference/wan/compute.h"
#include "inference/wan/dit.h"
#include "inference/wan/vae.h"

#include <initializer_list>

namespace mbq {
namespace {

// Loads `names` from `in` as `type`, in order.
Result<std::vector<at::Tensor>> readInputs(const std::string &in,
                                           std::initializer_list<const char *> names,
                                           at::ScalarType type = at::kFloat)
{
    auto inputs = io::TensorStore::open(in);
    if (!inputs)
        return inputs.error();
    std::vector<at::Tensor> tensors;
    for (const char *name : names) {
        auto loaded = inputs->load(name, type);
        if (!loaded)
            return loaded.error();
        tensors.push_back(*loaded);
    }
    return tensors;
}

Result<void> writeOutput(const std::string &out, const char *name, const at::Tensor &tensor,
                         const char *probe)
{
    io::SafetensorsWriteEntry entry = io::tensorEntry(name, tensor.to(at::kFloat));
    return io::writeSafetensors(out, {entry}, {{"mbq_probe", probe}});
}

Result<wan::WanVae> loadVae(const std::string &modelFolder, const ComputeOptions &compute)
{
    auto precision = wan::resolvePrecision(compute);
    if (!precision)
        return precision.error();
    wan::WanVaeOptions options;
    options.device = precision->device;
    options.dtype = precision->stream; // the official VAE runs in float32 whatever the DiT uses
    return wan::WanVae::loadModelFolder(modelFolder, options);
}

Error shapeError(const std::string &in, const std::string &expected, const at::Tensor &found)
{
    std::string shape;
    for (int64_t size : found.sizes())
        shape += (shape.empty() ? "" : ", ") + std::to_string(size);
    return makeError(ErrorCode::InvalidArgument,
                     in + ": expected " + expected + ", found [" + shape + "]");
}

} // namespace

Result<void> probeWanDit(const std::string &modelFolder, const std::string &in,
                         const std::string &out, const ComputeOptions &compute)
{
    auto precision = wan::resolvePrecision(compute);
    if (!precision)
        return precision.error();
    auto dit = wan::WanDit::load(modelFolder, *precision);
    if (!dit)
        return dit.error();
    auto inputs = readInputs(in, {"x", "t", "context"});
    if (!inputs)
        return inputs.error();
    const at::Tensor &x = (*inputs)[0], &t = (*inputs)[1], &context = (*inputs)[2];
    if (x.dim() != 4 || t.numel() != 1 || context.dim() != 2)
        return makeError(ErrorCode::InvalidArgument,
                         in + ": expected x [C, F, H, W], t [1] and context [L, text_dim]");
    auto y = (*dit)->forward(x.unsqueeze(0), t.reshape({1}), context.unsqueeze(0));
    if (!y)
        return y.error();
    return writeOutput(out, "y", (*y)[0], "wan-dit");
}

Result<void> probeWanVaeEncode(const std::string &modelFolder, const std::string &in,
                               const std::string &out, const ComputeOptions &compute)
{
    auto vae = loadVae(modelFolder, compute);
    if (!vae)
        return vae.error();
    auto inputs = readInputs(in, {"video"});
    if (!inputs)
        return inputs.error();
    const at::Tensor &video = inputs->front();
    if (video.dim() != 4 || video.size(0) != 3)
        return shapeError(in, "video [3, F, H, W]", video);
    auto latent = vae->encode(video.to(vae->device(), vae->dtype()));
    if (!latent)
        return latent.error();
    return writeOutput(out, "latent", *latent, "wan-vae-encode");
}

Result<void> probeWanVaeDecode(const std::string &modelFolder, const std::string &in,
                               const std::string &out, const ComputeOptions &compute)
{
    auto vae = loadVae(modelFolder, compute);
    if (!vae)
        return vae.error();
    auto inputs = readInputs(in, {"latent"});
    if (!inputs)
        return inputs.error();
    const at::Tensor &latent = inputs->front();
    if (latent.dim() != 4 || latent.size(0) != vae->config().zDim)
        return shapeError(in, "latent [" + std::to_string(vae->config().zDim) + ", T, h, w]",
                          latent);
    auto video = vae->decode(latent.to(vae->device(), vae->dtype()));
    if (!video)
        return video.error();
    return writeOutput(out, "video", *video, "wan-vae-decode");
}

Result<void> probeWanTextEncoder(const std::string &modelFolder, const std::string &in,
                                 const std::string &out, const ComputeOptions &compute)
{
    auto precision = wan::resolvePrecision(compute);
    if (!precision)
        return precision.error();
    text::UmT5Options options;
    options.device = precision->device;
    options.dtype = precision->linear;
    auto encoder = text::UmT5Encoder::loadModelFolder(modelFolder, options);
    if (!encoder)
        return encoder.error();
    auto inputs = readInputs(in, {"ids", "mask"}, at::kLong);
    if (!inputs)
        return inputs.error();
    const at::Tensor &ids = (*inputs)[0], &mask = (*inputs)[1];
    if (ids.dim() != 1 || !mask.sizes().equals(ids.sizes()))
        return shapeError(in, "ids [L] and mask [L] of one length", mask);
    auto hidden = encoder->encode(ids.to(options.device), mask.to(options.device));
    if (!hidden)
        return hidden.error();
    return writeOutput(out, "hidden", *hidden, "wan-text-encoder");
}

Result<WanTokens> wanTokenize(const std::string &modelFolder, const std::string &text)
{
    auto tokenizer = text::UmT5Tokenizer::load(pipelines::wanTokenizerFolder(modelFolder));
    if (!tokenizer)
        return tokenizer.error();
    auto tokens = tokenizer->encode(text);
    if (!tokens)
        return tokens.error();
    return WanTokens{tokens->ids, tokens->mask, tokens->length, tokens->truncated};
}

} // namespace mbq
