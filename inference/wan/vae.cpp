#include "inference/wan/vae.h"

#include "inference/io/shape_text.h"
#include "inference/wan/vae_network.h"

#include <c10/core/InferenceMode.h>

#include <filesystem>

namespace mbq::wan {

namespace {

using at::indexing::Slice;

using io::shapeText;

// Torch reports failures (bad shapes we missed, allocation failures) by exception; nothing may
// throw across the engine boundary, so each public entry point converts them here.
Error torchError(const char *what, const std::exception &e)
{
    const std::string text = e.what();
    const std::string firstLine = text.substr(0, text.find('\n'));
    if (text.find("out of memory") != std::string::npos
        || text.find("DefaultCPUAllocator: can't allocate") != std::string::npos)
        return makeError(ErrorCode::OutOfMemory,
                         std::string("VAE ") + what
                             + " ran out of memory; use the tiled decode or a smaller size",
                         firstLine);
    return makeError(ErrorCode::Internal, std::string("VAE ") + what + " failed", firstLine);
}

Result<WanVae> loadFromStore(const std::string &path, const io::TensorStore &store,
                             const WanVaeConfig &config, VaeLayout layout,
                             const WanVaeOptions &options)
{
    auto weights = loadVaeWeights(store, config, layout, options.dtype, options.device);
    if (!weights)
        return weights.error();
    return WanVae::fromWeights(config, std::move(*weights));
}

} // namespace

Result<WanVae> WanVae::loadOfficial(const std::string &checkpoint, const WanVaeOptions &options)
{
    auto store = io::TensorStore::open(checkpoint);
    if (!store)
        return store.error();
    auto config = inferOfficialVaeConfig(*store);
    if (!config)
        return config.error();
    return loadFromStore(checkpoint, *store, *config, VaeLayout::Official, options);
}

Result<WanVae> WanVae::loadDiffusers(const std::string &folder, const WanVaeOptions &options)
{
    auto config = readVaeConfigFile(folder + "/config.json");
    if (!config)
        return config.error();
    std::string weightsPath = folder + "/diffusion_pytorch_model.safetensors";
    if (!std::filesystem::exists(weightsPath)
        && std::filesystem::exists(weightsPath + ".index.json"))
        weightsPath += ".index.json";
    auto store = io::TensorStore::open(weightsPath);
    if (!store)
        return store.error();
    return loadFromStore(weightsPath, *store, *config, VaeLayout::Diffusers, options);
}

Result<WanVae> WanVae::loadModelFolder(const std::string &folder, const WanVaeOptions &options)
{
    if (std::filesystem::exists(folder + "/Wan2.1_VAE.pth"))
        return loadOfficial(folder + "/Wan2.1_VAE.pth", options);
    if (std::filesystem::exists(folder + "/vae/config.json"))
        return loadDiffusers(folder + "/vae", options);
    return makeError(ErrorCode::NotFound,
                     folder + ": no Wan2.1 VAE (looked for Wan2.1_VAE.pth and vae/config.json)");
}

Result<WanVae> WanVae::fromWeights(const WanVaeConfig &config, VaeWeights weights)
{
    if (auto valid = config.validate(); !valid)
        return valid.error();
    if (weights.empty())
        return makeError(ErrorCode::InvalidArgument, "VAE: no weights");
    WanVae vae;
    const at::Tensor &first = weights.begin()->second;
    vae.m_dtype = first.scalar_type();
    vae.m_device = first.device();
    for (const VaeTensorSpec &spec : vaeTensorSpecs(config)) {
        const auto found = weights.find(spec.official);
        if (found == weights.end())
            return makeError(ErrorCode::NotFound, "VAE: missing weight '" + spec.official + "'");
        const at::Tensor &t = found->second;
        if (t.sizes() != at::IntArrayRef(spec.shape) || t.scalar_type() != vae.m_dtype
            || t.device() != vae.m_device)
            return makeError(ErrorCode::InvalidArgument,
                             "VAE: weight '" + spec.official + "' has shape " + shapeText(t)
                                 + " or a dtype/device unlike the others");
    }
    if (weights.size() != vaeTensorSpecs(config).size())
        return makeError(ErrorCode::InvalidArgument, "VAE: weights not in the configuration");
    const auto options = at::TensorOptions().dtype(vae.m_dtype).device(vae.m_device);
    const int64_t z = config.zDim;
    vae.m_mean = at::tensor(at::ArrayRef<float>(config.latentsMean)).to(options).view(
        {1, z, 1, 1, 1});
    vae.m_invStd = at::tensor(at::ArrayRef<float>(config.latentsStd)).to(options).reciprocal()
                       .view({1, z, 1, 1, 1});
    vae.m_config = config;
    vae.m_weights = std::move(weights);
    return vae;
}

Result<at::Tensor> WanVae::encode(const at::Tensor &video, VaeEvaluation evaluation) const
{
    const int64_t factor = m_config.spatialFactor();
    const int64_t step = m_config.temporalFactor();
    if (!video.defined() || video.dim() != 4 || video.size(0) != 3
        || !at::isFloatingType(video.scalar_type()))
        return makeError(ErrorCode::InvalidArgument,
                         "VAE encode expects a floating video [3, F, H, W], got "
                             + (video.defined() ? shapeText(video) : std::string("nothing")));
    if ((video.size(1) - 1) % step != 0 || video.size(2) % factor != 0
        || video.size(3) % factor != 0 || video.size(2) == 0 || video.size(3) == 0)
        return makeError(ErrorCode::InvalidArgument,
                         "VAE encode needs " + std::to_string(step) + "k+1 frames and sides that "
                             "are multiples of " + std::to_string(factor) + ", got "
                             + shapeText(video));
    try {
        c10::InferenceMode guard;
        const at::Tensor x = video.to(m_device, m_dtype).unsqueeze(0);
        at::Tensor h;
        if (evaluation == VaeEvaluation::WholeSequence) {
            h = vae::runEncoder(m_weights, m_config, x, nullptr);
        } else {
            vae::FeatureCache cache;
            std::vector<at::Tensor> chunks;
            for (int64_t begin = 0; begin < x.size(2); begin = begin == 0 ? 1 : begin + step) {
                const int64_t end = begin == 0 ? 1 : begin + step;
                cache.beginChunk();
                chunks.push_back(vae::runEncoder(m_weights, m_config,
                                                 x.index({Slice(), Slice(), Slice(begin, end)}),
                                                 &cache));
            }
            h = at::cat(chunks, 2);
        }
        h = vae::causalConv3d(h, m_weights.at("conv1.weight"), m_weights.at("conv1.bias"));
        const at::Tensor mu = h.narrow(1, 0, m_config.zDim);
        return ((mu - m_mean) * m_invStd).squeeze(0);
    } catch (const std::exception &e) {
        return torchError("encode", e);
    }
}

Result<at::Tensor> WanVae::checkLatent(const at::Tensor &latent) const
{
    if (!latent.defined() || latent.dim() != 4 || latent.size(0) != m_config.zDim
        || latent.size(1) < 1 || latent.size(2) < 1 || latent.size(3) < 1
        || !at::isFloatingType(latent.scalar_type()))
        return makeError(ErrorCode::InvalidArgument,
                         "VAE decode expects a floating latent [" + std::to_string(m_config.zDim)
                             + ", T, h, w], got "
                             + (latent.defined() ? shapeText(latent) : std::string("nothing")));
    return latent.to(m_device, m_dtype);
}

at::Tensor WanVae::decodeUnchecked(const at::Tensor &latent, VaeEvaluation evaluation) const
{
    // The official code stores 1/std and divides by it.
    at::Tensor z = latent.unsqueeze(0) / m_invStd + m_mean;
    z = vae::causalConv3d(z, m_weights.at("conv2.weight"), m_weights.at("conv2.bias"));
    if (evaluation == VaeEvaluation::WholeSequence)
        return vae::runDecoder(m_weights, m_config, z, nullptr).clamp_(-1, 1).squeeze(0);
    const int64_t frames = 1 + m_config.temporalFactor() * (z.size(2) - 1);
    const int64_t factor = m_config.spatialFactor();
    // Written chunk by chunk into one buffer instead of concatenating a growing tensor.
    at::Tensor out = at::empty({3, frames, z.size(3) * factor, z.size(4) * factor},
                               z.options());
    vae::FeatureCache cache;
    int64_t written = 0;
    for (int64_t t = 0; t < z.size(2); ++t) {
        cache.beginChunk();
        const at::Tensor chunk = vae::runDecoder(m_weights, m_config, z.narrow(2, t, 1), &cache);
        out.narrow(1, written, chunk.size(2)).copy_(chunk.squeeze(0).clamp(-1, 1));
        written += chunk.size(2);
    }
    return out;
}

Result<at::Tensor> WanVae::decode(const at::Tensor &latent, VaeEvaluation evaluation) const
{
    auto z = checkLatent(latent);
    if (!z)
        return z.error();
    try {
        c10::InferenceMode guard;
        return decodeUnchecked(*z, evaluation);
    } catch (const std::exception &e) {
        return torchError("decode", e);
    }
}

Result<at::Tensor> WanVae::decodeTiled(const at::Tensor &latent, const VaeTiling &tiling) const
{
    if (tiling.tileLatent < 1 || tiling.overlapLatent < 0
        || tiling.overlapLatent >= tiling.tileLatent)
        return makeError(ErrorCode::InvalidArgument,
                         "VAE tiling needs a positive tile larger than its overlap");
    auto z = checkLatent(latent);
    if (!z)
        return z.error();
    try {
        c10::InferenceMode guard;
        const int64_t factor = m_config.spatialFactor();
        const auto rows = tileSpans(z->size(2), tiling.tileLatent, tiling.overlapLatent);
        const auto cols = tileSpans(z->size(3), tiling.tileLatent, tiling.overlapLatent);
        if (rows.size() == 1 && cols.size() == 1)
            return decodeUnchecked(*z, VaeEvaluation::Chunked);
        const int64_t frames = 1 + m_config.temporalFactor() * (z->size(1) - 1);
        at::Tensor sum = at::zeros({3, frames, z->size(2) * factor, z->size(3) * factor},
                                   z->options());
        at::Tensor weightSum = at::zeros({1, 1, sum.size(2), sum.size(3)}, z->options());
        for (size_t r = 0; r < rows.size(); ++r) {
            const at::Tensor rowRamp = at::tensor(tileRamp(rows, r, factor), at::kDouble)
                                           .to(z->options()).view({1, 1, -1, 1});
            for (size_t c = 0; c < cols.size(); ++c) {
                const at::Tensor colRamp = at::tensor(tileRamp(cols, c, factor), at::kDouble)
                                               .to(z->options()).view({1, 1, 1, -1});
                const at::Tensor tile = z->narrow(2, rows[r].begin, rows[r].end - rows[r].begin)
                                            .narrow(3, cols[c].begin, cols[c].end - cols[c].begin);
                const at::Tensor decoded = decodeUnchecked(tile, VaeEvaluation::Chunked);
                const at::Tensor weight = rowRamp * colRamp;
                const int64_t y = rows[r].begin * factor, x = cols[c].begin * factor;
                sum.narrow(2, y, decoded.size(2)).narrow(3, x, decoded.size(3))
                    .add_(decoded * weight);
                weightSum.narrow(2, y, decoded.size(2)).narrow(3, x, decoded.size(3))
                    .add_(weight);
            }
        }
        return sum.div_(weightSum);
    } catch (const std::exception &e) {
        return torchError("tiled decode", e);
    }
}

} // namespace mbq::wan
