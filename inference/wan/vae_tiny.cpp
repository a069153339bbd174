#include "inference/wan/vae_tiny.h"

#include "inference/io/random_weights.h"
#include "inference/io/safetensors_writer.h"
#include "inference/io/tensor_store.h"
#include "inference/io/torch_zip_writer.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>

namespace mbq::wan {

namespace {

bool endsWith(const std::string &text, const std::string &suffix)
{
    return text.size() >= suffix.size()
           && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

at::Tensor randomTensor(const std::string &name, const std::vector<int64_t> &shape,
                        at::Generator &generator)
{
    const at::Tensor noise = at::randn(shape, generator, at::TensorOptions().dtype(at::kFloat));
    if (endsWith(name, ".bias"))
        return noise * 0.02;
    if (endsWith(name, ".gamma"))
        return 1.0 + 0.1 * noise;
    int64_t fanIn = 1;
    for (size_t i = 1; i < shape.size(); ++i)
        fanIn *= shape[i];
    return noise / std::sqrt(double(fanIn));
}

// Float32 contiguous CPU copies of the config's tensors, the bytes that get written.
Result<std::map<std::string, at::Tensor>> float32Copies(const WanVaeConfig &config,
                                                        const VaeWeights &weights)
{
    std::map<std::string, at::Tensor> out;
    for (const VaeTensorSpec &spec : vaeTensorSpecs(config)) {
        const auto found = weights.find(spec.official);
        if (found == weights.end() || found->second.sizes() != at::IntArrayRef(spec.shape))
            return makeError(ErrorCode::InvalidArgument,
                             "VAE weights do not match the config at '" + spec.official + "'");
        out.emplace(spec.official, found->second.to(at::kCPU, at::kFloat).contiguous());
    }
    return out;
}

} // namespace

WanVaeConfig tinyVaeConfig()
{
    WanVaeConfig config;
    config.baseDim = 4;
    config.decoderBaseDim = 4;
    config.dimMult = {1, 2, 2, 2};
    config.numResBlocks = 1;
    return config;
}

VaeWeights randomVaeWeights(const WanVaeConfig &config, uint64_t seed, at::ScalarType dtype)
{
    at::Generator generator = at::detail::createCPUGenerator(seed);
    VaeWeights weights;
    for (const VaeTensorSpec &spec : vaeTensorSpecs(config))
        weights.emplace(spec.official, randomTensor(spec.official, spec.shape, generator).to(dtype));
    return weights;
}

Result<void> writeVaeOfficial(const std::string &path, const WanVaeConfig &config,
                              const VaeWeights &weights)
{
    auto copied = float32Copies(config, weights);
    if (!copied)
        return copied.error();
    const auto &copies = *copied;
    const std::vector<VaeTensorSpec> specs = vaeTensorSpecs(config);
    if (endsWith(path, ".safetensors")) {
        std::vector<io::SafetensorsWriteEntry> entries;
        for (const VaeTensorSpec &spec : specs) {
            const at::Tensor values = copies.at(spec.official);
            entries.push_back(io::tensorEntry(spec.official, values));
        }
        return io::writeSafetensors(path, std::move(entries),
                                    {{"format", "pt"}, {"mbq_random_weights", "true"},
                                     {"mbq_note", io::kRandomWeightsNote}});
    }
    std::vector<io::TorchWriteEntry> entries;
    for (const VaeTensorSpec &spec : specs) {
        const at::Tensor &values = copies.at(spec.official);
        entries.push_back({spec.official, io::DType::F32, spec.shape, values.data_ptr(),
                           size_t(values.nbytes())});
    }
    return io::writeTorchStateDict(path, entries);
}

Result<void> writeVaeDiffusers(const std::string &folder, const WanVaeConfig &config,
                               const VaeWeights &weights)
{
    auto copied = float32Copies(config, weights);
    if (!copied)
        return copied.error();
    const auto &copies = *copied;
    if (auto written = io::writeLabelledConfig(folder, vaeConfigToJson(config)); !written)
        return written;
    std::vector<io::SafetensorsWriteEntry> entries;
    for (const VaeTensorSpec &spec : vaeTensorSpecs(config)) {
        const at::Tensor values = copies.at(spec.official);
        entries.push_back(io::tensorEntry(spec.diffusers, values));
    }
    return io::writeSafetensors(folder + "/diffusion_pytorch_model.safetensors",
                                std::move(entries),
                                {{"format", "pt"}, {"mbq_random_weights", "true"},
                                 {"mbq_note", io::kRandomWeightsNote}});
}

} // namespace mbq::wan
