#include "inference/videocrafter/tiny_vc2.h"

#include "inference/io/random_weights.h"
#include "inference/io/safetensors_writer.h"
#include "inference/io/tensor_store.h"
#include "inference/io/torch_zip_writer.h"
#include "inference/text/clip_tiny_vocab.h"
#include "inference/videocrafter/vc2_checkpoint.h"
#include "inference/wan/dit_weights.h"

#include <ATen/ATen.h>

#include <cmath>
#include <filesystem>

namespace mbq::vc2 {

namespace {

bool endsWith(const std::string &text, const std::string &tail)
{
    return text.size() >= tail.size()
        && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

// Values of a plausible scale per kind of tensor, so activations neither vanish nor explode.
at::Tensor randomTensor(const std::string &name, const std::vector<int64_t> &shape,
                        at::Generator &generator)
{
    const at::Tensor noise = at::randn(shape, generator, at::TensorOptions().dtype(at::kFloat));
    if (endsWith(name, "bias"))
        return noise * 0.02;
    const bool isNorm = name.find("norm") != std::string::npos
        || name.find("ln_") != std::string::npos || name.find("layers.0.") != std::string::npos
        || (name.find("temopral_conv") != std::string::npos && endsWith(name, ".0.weight"));
    if (isNorm && shape.size() == 1)
        return 1.0 + 0.1 * noise;
    if (endsWith(name, "logit_scale"))
        return at::full(shape, std::log(1.0 / 0.07));
    if (name == "token_embedding.weight" || name == "positional_embedding"
        || endsWith(name, ".token_embedding.weight") || endsWith(name, ".positional_embedding"))
        return noise * 0.1;
    int64_t fanIn = 1;
    for (size_t i = 1; i < shape.size(); ++i)
        fanIn *= shape[i];
    return noise / std::sqrt(double(fanIn));
}

// The buffers register_schedule stores, by their official formulas (v_posterior 0).
std::map<std::string, at::Tensor> scheduleBuffers(const Vc2Config &config)
{
    const sched::DdpmScheduleConfig &s = config.schedule;
    const at::Tensor betas = at::pow(
        at::linspace(std::sqrt(s.linearStart), std::sqrt(s.linearEnd), s.timesteps, at::kDouble),
        2);
    const at::Tensor alphas = 1.0 - betas;
    const at::Tensor ac = at::cumprod(alphas, 0);
    const at::Tensor prev = at::cat({at::ones({1}, at::kDouble), ac.narrow(0, 0, s.timesteps - 1)});
    const at::Tensor variance = betas * (1.0 - prev) / (1.0 - ac);
    std::map<std::string, at::Tensor> buffers {
        {"betas", betas},
        {"alphas_cumprod", ac},
        {"alphas_cumprod_prev", prev},
        {"sqrt_alphas_cumprod", ac.sqrt()},
        {"sqrt_one_minus_alphas_cumprod", (1.0 - ac).sqrt()},
        {"log_one_minus_alphas_cumprod", (1.0 - ac).log()},
        {"sqrt_recip_alphas_cumprod", (1.0 / ac).sqrt()},
        {"sqrt_recipm1_alphas_cumprod", (1.0 / ac - 1.0).sqrt()},
        {"posterior_variance", variance},
        {"posterior_log_variance_clipped", at::clamp_min(variance, 1e-20).log()},
        {"posterior_mean_coef1", betas * prev.sqrt() / (1.0 - ac)},
        {"posterior_mean_coef2", (1.0 - prev) * alphas.sqrt() / (1.0 - ac)}};
    if (s.useScale)
        buffers["scale_arr"]
            = at::cat({at::linspace(s.scaleA, s.scaleB, s.scaleMidStep, at::kDouble),
                       at::full({s.timesteps}, s.scaleB, at::kDouble)});
    for (auto &entry : buffers)
        entry.second = entry.second.to(at::kFloat).contiguous();
    return buffers;
}

using Named = std::vector<std::pair<std::string, at::Tensor>>;

// A torch.save zip (`torch`) or a safetensors file labelled as random.
Result<void> writeWeights(const std::string &path, const Named &tensors, bool torch)
{
    if (!torch) {
        std::vector<io::SafetensorsWriteEntry> entries;
        for (const auto &[name, tensor] : tensors)
            entries.push_back(io::tensorEntry(name, tensor));
        return io::writeSafetensors(path, std::move(entries),
                                    {{"format", "pt"},
                                     {"mbq_random_weights", "true"},
                                     {"mbq_note", io::kRandomWeightsNote}});
    }
    std::vector<io::TorchWriteEntry> entries;
    for (const auto &[name, tensor] : tensors) {
        io::TorchWriteEntry entry;
        entry.name = name;
        entry.dtype = io::DType::F32;
        entry.shape = tensor.sizes().vec();
        entry.data = tensor.data_ptr();
        entry.bytes = size_t(tensor.nbytes());
        entries.push_back(entry);
    }
    return io::writeTorchStateDict(path, entries);
}

} // namespace

Vc2Config TinyVc2Options::tinyTurboConfig()
{
    Vc2Config config = tinyVc2Config();
    // Narrower than the official 256, so the widths provably come from the config.
    config.unet.timeCondProjDim = 16;
    config.unet.motionCondProjDim = 16;
    return config;
}

Vc2Config TinyVc2Options::tinyVc2Config()
{
    Vc2Config config;
    Vc2UNetConfig &u = config.unet;
    u.modelChannels = 32;
    u.channelMult = {1, 2, 2};
    u.numResBlocks = 1;
    u.attentionResolutions = {1, 2};
    u.numHeadChannels = 16;
    u.contextDim = 32;
    u.initAttnHeads = 3;
    Vc2VaeConfig &v = config.vae;
    v.ch = 32;
    v.chMult = {1, 2};
    v.numResBlocks = 1;
    text::ClipTextConfig &t = config.text;
    t.vocabSize = 512 + 11 + 2; // the tiny vocabulary's merges
    t.width = 32;
    t.heads = 2;
    t.layers = 3;
    t.mlpWidth = 128;
    t.embedDim = 32;
    return config;
}

Result<void> writeTinyVc2(const std::string &folder, const TinyVc2Options &options)
{
    if (auto valid = validateVc2Config(options.config, "tiny model"); !valid)
        return valid.error();
    if (options.format != "ckpt" && options.format != "safetensors")
        return makeError(ErrorCode::InvalidArgument,
                         "unknown format '" + options.format + "'; use ckpt or safetensors");
    const bool turbo = !options.turboUNet.empty();
    if (turbo != (options.config.unet.timeCondProjDim > 0))
        return makeError(ErrorCode::InvalidArgument,
                         turbo ? "a T2V-Turbo-v2 UNet needs a config with time_cond_proj_dim"
                               : "a config with time_cond_proj_dim needs a turbo UNet file name");
    namespace fs = std::filesystem;
    if (auto written = io::writeLabelledConfig(folder, vc2ConfigJson(options.config)); !written)
        return written.error();
    auto vocab = text::writeTinyClipVocab((fs::path(folder) / kVocabFile).string());
    if (!vocab)
        return vocab.error();
    if (*vocab != options.config.text.vocabSize)
        return makeError(ErrorCode::InvalidArgument,
                         "the tiny vocabulary has " + std::to_string(*vocab)
                             + " ids but the config says "
                             + std::to_string(options.config.text.vocabSize));

    try {
        // One generator in checkpoint order, so a seed fixes every value in either format.
        at::Generator generator = at::detail::createCPUGenerator(options.seed);
        const std::map<std::string, at::Tensor> buffers = scheduleBuffers(options.config);
        Named tensors;
        for (const auto &[name, shape] : vc2CheckpointShapes(options.config)) {
            const auto buffer = buffers.find(name);
            tensors.emplace_back(name,
                                 buffer != buffers.end()
                                     ? buffer->second
                                     : randomTensor(name, shape, generator).contiguous());
        }
        const bool ckpt = options.format == "ckpt";
        if (auto written = writeWeights(
                (fs::path(folder) / (ckpt ? "model.ckpt" : "model.safetensors")).string(), tensors,
                ckpt);
            !written)
            return written;
        if (turbo) {
            // The distilled UNet as torch.save(unet.state_dict()) leaves it: bare names.
            Named unet;
            for (const auto &[name, shape] : unetTensorShapes(options.config.unet))
                unet.emplace_back(name, randomTensor(name, shape, generator).contiguous());
            const bool pt = endsWith(options.turboUNet, ".pt");
            if (auto written
                = writeWeights((fs::path(folder) / options.turboUNet).string(), unet, pt);
                !written)
                return written;
        }
    } catch (const std::exception &e) {
        return makeError(ErrorCode::Internal, "cannot write the tiny VideoCrafter2 model",
                         e.what());
    }
    return io::writeTextFile((fs::path(folder) / wan::kRandomWeightsMarker).string(),
                             std::string(io::kRandomWeightsNote) + "\n");
}

} // namespace mbq::vc2
