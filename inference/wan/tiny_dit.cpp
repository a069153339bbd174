#include "inference/wan/tiny_dit.h"

#include "inference/io/key_map.h"
#include "inference/io/random_weights.h"
#include "inference/io/safetensors_writer.h"
#include "inference/io/tensor_store.h"
#include "inference/wan/dit_weights.h"

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>

namespace mbq::wan {

namespace {

namespace fs = std::filesystem;

// Values of a plausible scale per kind of tensor, so activations neither vanish nor explode.
at::Tensor randomTensor(const std::string &name, const std::vector<int64_t> &shape,
                        at::Generator &generator)
{
    const auto options = at::TensorOptions().dtype(at::kFloat);
    const at::Tensor noise = at::randn(shape, generator, options);
    const bool isBias = name.size() > 5 && name.compare(name.size() - 5, 5, ".bias") == 0;
    if (isBias)
        return noise * 0.02;
    if (name.find("norm") != std::string::npos)
        return 1.0 + 0.1 * noise;
    if (name.find("modulation") != std::string::npos)
        return noise / std::sqrt(double(shape.back()));
    int64_t fanIn = 1;
    for (size_t i = 1; i < shape.size(); ++i)
        fanIn *= shape[i];
    return noise / std::sqrt(double(fanIn));
}

std::string shardName(int index, int count)
{
    char name[96];
    std::snprintf(name, sizeof(name), "diffusion_pytorch_model-%05d-of-%05d.safetensors",
                  index + 1, count);
    return name;
}

} // namespace

WanDitConfig TinyDitOptions::tinyDitConfig()
{
    WanDitConfig config;
    config.dim = 32;
    config.numHeads = 2;
    config.ffnDim = 64;
    config.numLayers = 3;
    config.freqDim = 16;
    config.textDim = 24;
    return config;
}

Result<void> writeTinyDit(const std::string &folder, const TinyDitOptions &options)
{
    if (auto valid = validateWanDitConfig(options.config, "tiny model"); !valid)
        return valid.error();
    const bool diffusers = options.layout == "diffusers";
    if (!diffusers && options.layout != "official")
        return makeError(ErrorCode::InvalidArgument,
                         "unknown layout '" + options.layout + "'; use official or diffusers");
    const int shards = std::max(1, options.shards);
    const fs::path root(folder);
    const fs::path dir = diffusers ? root / "transformer" : root;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        return makeError(ErrorCode::Io, "cannot create " + dir.string() + ": " + ec.message());

    // Tensors are drawn in network order from one generator, so a seed fixes every value
    // whatever the layout or sharding.
    at::Generator generator = at::detail::createCPUGenerator(options.seed);
    const io::KeyMap rename = diffusers ? io::wanOfficialToDiffusers() : io::KeyMap();
    std::vector<std::vector<io::SafetensorsWriteEntry>> entries(static_cast<size_t>(shards));
    nlohmann::json weightMap = nlohmann::json::object();
    const auto shapes = wanDitTensorShapes(options.config);
    for (size_t i = 0; i < shapes.size(); ++i) {
        const auto &[official, shape] = shapes[i];
        const at::Tensor values = randomTensor(official, shape, generator).contiguous();
        io::SafetensorsWriteEntry entry = io::tensorEntry(rename.apply(official), values);
        const size_t shard = i * size_t(shards) / shapes.size();
        weightMap[entry.name] = shardName(int(shard), shards);
        entries[shard].push_back(std::move(entry));
    }

    const std::map<std::string, std::string> metadata = {{"format", "pt"},
                                                         {"mbq_random_weights", "true"},
                                                         {"mbq_note", io::kRandomWeightsNote}};
    if (shards == 1) {
        auto written = io::writeSafetensors((dir / "diffusion_pytorch_model.safetensors").string(),
                                            std::move(entries[0]), metadata);
        if (!written)
            return written.error();
    } else {
        for (int s = 0; s < shards; ++s) {
            auto written = io::writeSafetensors((dir / shardName(s, shards)).string(),
                                                std::move(entries[size_t(s)]), metadata);
            if (!written)
                return written.error();
        }
        const nlohmann::json index = {{"metadata", {{"mbq_note", io::kRandomWeightsNote}}},
                                      {"weight_map", weightMap}};
        if (auto written = io::writeTextFile(
                (dir / "diffusion_pytorch_model.safetensors.index.json").string(),
                index.dump(2) + "\n");
            !written)
            return written.error();
    }

    const std::string config = diffusers ? diffusersConfigJson(options.config)
                                         : officialConfigJson(options.config);
    if (auto written = io::writeLabelledConfig(dir.string(), config); !written)
        return written.error();
    return io::writeTextFile((root / kRandomWeightsMarker).string(),
                             std::string(io::kRandomWeightsNote) + "\n");
}

} // namespace mbq::wan
