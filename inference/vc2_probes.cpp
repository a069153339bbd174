// `mbq probe` for VideoCrafter2's components, with the Wan probes' conventions: named float32
// (ids: int64) tensors in a safetensors file in, one component run as the pipeline runs it,
// float32 results out, for tensor-by-tensor comparison with the reference implementation.
#include "inference/vc2_tools.h"

#include "inference/io/safetensors_writer.h"
#include "inference/io/tensor_store.h"
#include "inference/text/clip_text_encoder.h"
#include "inference/videocrafter/unet.h"
#include "inference/videocrafter/vae.h"
#include "inference/videocrafter/vc2_checkpoint.h"

#include <initializer_list>
#include <optional>

namespace mbq {
namespace {

struct Opened
{
    vc2::Vc2Config config;
    vc2::Vc2Precision precision;
    vc2::Vc2Checkpoint checkpoint;
    std::optional<vc2::Vc2Checkpoint> turboUNet; // T2V-Turbo-v2's UNet file

    const vc2::Vc2Checkpoint &unetCheckpoint() const { return turboUNet ? *turboUNet : checkpoint; }
};

Result<Opened> open(const std::string &model, const ComputeOptions &compute)
{
    auto precision = vc2::resolveVc2Precision(compute.device, compute.dtype);
    if (!precision)
        return precision.error();
    auto location = vc2::locateVc2(model);
    if (!location)
        return location.error();
    auto config = vc2::readLocatedConfig(*location);
    if (!config)
        return config.error();
    auto checkpoint = vc2::Vc2Checkpoint::open(location->checkpoint, *config);
    if (!checkpoint)
        return checkpoint.error();
    Opened opened {*config, *precision, std::move(*checkpoint), std::nullopt};
    if (location->turbo()) {
        auto unet = vc2::Vc2Checkpoint::openTurboUNet(location->turboUNet, config->unet);
        if (!unet)
            return unet.error();
        opened.turboUNet = std::move(*unet);
    }
    return opened;
}

// T2V-Turbo-v2's guidance scales: "w" and "m" ([1] each) where the input file has them.
Result<vc2::TurboCondition> readTurboCondition(const std::string &in)
{
    auto inputs = io::TensorStore::open(in);
    if (!inputs)
        return inputs.error();
    vc2::TurboCondition condition;
    for (const auto &[name, slot] :
         {std::pair {"w", &condition.guidance}, std::pair {"m", &condition.motion}}) {
        if (!inputs->contains(name))
            continue;
        auto loaded = inputs->load(name, at::kDouble);
        if (!loaded)
            return loaded.error();
        if (loaded->numel() != 1)
            return makeError(ErrorCode::InvalidArgument,
                             in + ": '" + name + "' must hold one number");
        *slot = loaded->item<double>();
    }
    return condition;
}

// `names` from `in` as `type`, each with the rank given, in order.
Result<std::vector<at::Tensor>>
readInputs(const std::string &in, std::initializer_list<std::pair<const char *, int>> names,
           at::ScalarType type = at::kFloat)
{
    auto inputs = io::TensorStore::open(in);
    if (!inputs)
        return inputs.error();
    std::vector<at::Tensor> tensors;
    for (const auto &[name, rank] : names) {
        auto loaded = inputs->load(name, type);
        if (!loaded)
            return loaded.error();
        if (loaded->dim() != rank)
            return makeError(ErrorCode::InvalidArgument,
                             in + ": '" + name + "' must have " + std::to_string(rank)
                                 + " dimensions, found " + std::to_string(loaded->dim()));
        tensors.push_back(*loaded);
    }
    return tensors;
}

Result<void> writeOutput(const std::string &out, const char *name, const at::Tensor &tensor,
                         const char *probe)
{
    return io::writeSafetensors(out, {io::tensorEntry(name, tensor.to(at::kCPU, at::kFloat))},
                                {{"mbq_probe", probe}});
}

// The VAE parts' shared body: load, run on one batch row, write.
Result<void> probeVae(const std::string &model, const std::string &in, const std::string &out,
                      const ComputeOptions &compute, bool encoding)
{
    auto opened = open(model, compute);
    if (!opened)
        return opened.error();
    auto vae = vc2::Vc2Vae::load(opened->checkpoint, opened->config.vae, opened->precision);
    if (!vae)
        return vae.error();
    auto inputs = readInputs(in, {{encoding ? "video" : "latent", 4}});
    if (!inputs)
        return inputs.error();
    const at::Tensor x = (*inputs)[0].unsqueeze(0);
    auto y = encoding ? (*vae)->encode(x) : (*vae)->decode(x);
    if (!y)
        return y.error();
    return writeOutput(out, encoding ? "latent" : "video", y->squeeze(0),
                       encoding ? "vc2-vae-encode" : "vc2-vae-decode");
}

} // namespace

Result<void> probeVc2Unet(const std::string &model, const std::string &in, const std::string &out,
                          const ComputeOptions &compute)
{
    auto opened = open(model, compute);
    if (!opened)
        return opened.error();
    auto unet
        = vc2::Vc2UNet::load(opened->unetCheckpoint(), opened->config.unet, opened->precision);
    if (!unet)
        return unet.error();
    auto inputs = readInputs(in, {{"x", 4}, {"t", 1}, {"context", 2}, {"fps", 1}});
    if (!inputs)
        return inputs.error();
    auto turbo = readTurboCondition(in);
    if (!turbo)
        return turbo.error();
    const std::vector<at::Tensor> &i = *inputs;
    auto eps = (*unet)->forward(i[0].unsqueeze(0), i[1], i[2].unsqueeze(0), i[3], {}, *turbo);
    if (!eps)
        return eps.error();
    return writeOutput(out, "eps", eps->squeeze(0), "vc2-unet");
}

Result<void> probeVc2VaeEncode(const std::string &model, const std::string &in,
                               const std::string &out, const ComputeOptions &compute)
{
    return probeVae(model, in, out, compute, true);
}

Result<void> probeVc2VaeDecode(const std::string &model, const std::string &in,
                               const std::string &out, const ComputeOptions &compute)
{
    return probeVae(model, in, out, compute, false);
}

Result<void> probeVc2TextEncoder(const std::string &model, const std::string &in,
                                 const std::string &out, const ComputeOptions &compute)
{
    auto opened = open(model, compute);
    if (!opened)
        return opened.error();
    const text::ClipTextConfig &config = opened->config.text;
    auto weights = opened->checkpoint.loadPart(vc2::kTextPrefix, vc2::clipTextTensorShapes(config),
                                               opened->precision.dtype, opened->precision.device);
    if (!weights)
        return weights.error();
    auto inputs = readInputs(in, {{"ids", 1}}, at::kLong);
    if (!inputs)
        return inputs.error();
    auto hidden = text::ClipTextEncoder(config, std::move(*weights)).encode((*inputs)[0]);
    if (!hidden)
        return hidden.error();
    return writeOutput(out, "hidden", hidden->squeeze(0), "vc2-text-encoder");
}

} // namespace mbq
