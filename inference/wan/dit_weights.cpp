#include "inference/wan/dit_weights.h"

#include "inference/io/shape_text.h"
#include "inference/io/key_map.h"
#include "inference/io/tensor_store.h"

#include <algorithm>
#include <filesystem>
#include <new>

namespace mbq::wan {

namespace {

namespace fs = std::filesystem;

constexpr const char *kWeightsBase = "diffusion_pytorch_model";
// ComfyUI-style single files keep official names under this wrapper prefix.
constexpr const char *kWrapperPrefix = "model.diffusion_model.";

bool isFile(const fs::path &path)
{
    std::error_code ec;
    return fs::is_regular_file(path, ec);
}

// The weight files of one DiT in `dir`: an index, a single file, or bare shards.
std::vector<std::string> weightFilesIn(const fs::path &dir)
{
    const std::string base = kWeightsBase;
    if (isFile(dir / (base + ".safetensors.index.json")))
        return {(dir / (base + ".safetensors.index.json")).string()};
    if (isFile(dir / (base + ".safetensors")))
        return {(dir / (base + ".safetensors")).string()};
    std::vector<std::string> shards;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.rfind(base + "-", 0) == 0 && it->path().extension() == ".safetensors")
            shards.push_back(it->path().string());
    }
    std::sort(shards.begin(), shards.end());
    return shards;
}

using io::shapeText;

// One or more stores seen as a single name space.
class StoreSet
{
public:
    Result<void> open(const std::vector<std::string> &files)
    {
        for (const std::string &file : files) {
            auto store = io::TensorStore::open(file);
            if (!store)
                return store.error();
            m_stores.push_back(std::move(*store));
        }
        return {};
    }

    const io::TensorStore *find(const std::string &name) const
    {
        for (const io::TensorStore &store : m_stores) {
            if (store.contains(name))
                return &store;
        }
        return nullptr;
    }

    std::vector<std::string> names() const
    {
        std::vector<std::string> all;
        for (const io::TensorStore &store : m_stores) {
            for (const auto &entry : store.tensors())
                all.push_back(entry.first);
        }
        return all;
    }

    std::string description() const
    {
        if (m_stores.size() == 1)
            return m_stores.front().path();
        return std::to_string(m_stores.size()) + " shards in "
               + fs::path(m_stores.front().path()).parent_path().string();
    }

private:
    std::vector<io::TensorStore> m_stores;
};

// How this file spells the official names: Diffusers names are recognised by their
// condition embedder; official names may carry a wrapper prefix.
io::KeyMap officialToStored(const std::vector<std::string> &names)
{
    bool diffusers = false;
    bool wrapped = false;
    for (const std::string &name : names) {
        diffusers = diffusers || name.rfind("condition_embedder.", 0) == 0
                    || name.find(".attn1.") != std::string::npos;
        wrapped = wrapped || name.rfind(kWrapperPrefix, 0) == 0;
    }
    if (diffusers)
        return io::wanOfficialToDiffusers();
    io::KeyMap map;
    if (wrapped)
        map.prefix("", kWrapperPrefix);
    return map;
}

} // namespace

Result<WanDitLocation> locateWanDit(const std::string &folder)
{
    const fs::path root(folder);
    std::error_code ec;
    if (!fs::is_directory(root, ec))
        return makeError(ErrorCode::NotFound, "model folder " + folder + " does not exist");

    WanDitLocation location;
    location.folder = folder;
    location.randomWeights = isFile(root / kRandomWeightsMarker);
    const fs::path diffusersDir = root / "transformer";
    if (fs::is_directory(diffusersDir, ec)) {
        location.layout = "diffusers";
        location.configPath = (diffusersDir / "config.json").string();
        if (!isFile(location.configPath))
            return makeError(ErrorCode::NotFound,
                             "Diffusers model folder without " + location.configPath);
        location.weightFiles = weightFilesIn(diffusersDir);
    } else {
        location.layout = "official";
        if (isFile(root / "config.json"))
            location.configPath = (root / "config.json").string();
        location.weightFiles = weightFilesIn(root);
    }
    if (location.weightFiles.empty())
        return makeError(ErrorCode::NotFound,
                         "no DiT weights in " + folder + ": looked for "
                             + (location.layout == "diffusers" ? "transformer/" : "")
                             + kWeightsBase + ".safetensors, its .index.json or shards");
    return location;
}

bool isLinearWeight(const std::string &name)
{
    if (name.rfind("patch_embedding.", 0) == 0 || name.rfind("text_embedding.", 0) == 0)
        return true;
    if (name.rfind("blocks.", 0) != 0)
        return false;
    for (const char *part : {".self_attn.q.", ".self_attn.k.", ".self_attn.v.", ".self_attn.o.",
                             ".cross_attn.q.", ".cross_attn.k.", ".cross_attn.v.",
                             ".cross_attn.o.", ".ffn."}) {
        if (name.find(part) != std::string::npos)
            return true;
    }
    return false;
}

Result<WanDitWeights> loadWanDitWeights(const WanDitLocation &location,
                                        const WanDitConfig &config,
                                        const WanDitPrecision &precision)
{
    StoreSet stores;
    if (auto opened = stores.open(location.weightFiles); !opened)
        return opened.error();
    const std::vector<std::string> storedNames = stores.names();
    const io::KeyMap toStored = officialToStored(storedNames);

    WanDitWeights weights;
    std::vector<std::string> used;
    for (const auto &[official, expected] : wanDitTensorShapes(config)) {
        const std::string stored = toStored.apply(official);
        const std::string named = stored == official
                                      ? "'" + stored + "'"
                                      : "'" + stored + "' (official name '" + official + "')";
        const io::TensorStore *store = stores.find(stored);
        if (!store)
            return makeError(ErrorCode::NotFound,
                             "DiT tensor " + named + " is missing from " + stores.description(),
                             "expected shape " + shapeText(expected) + ", found none");
        const io::TensorRecord &record = **store->record(stored);
        if (record.shape != expected)
            return makeError(ErrorCode::BadFormat,
                             "DiT tensor " + named + " in " + store->path() + " has shape "
                                 + shapeText(record.shape) + ", expected " + shapeText(expected),
                             "expected shape " + shapeText(expected) + ", found shape "
                                 + shapeText(record.shape)
                                 + " (from the config: dim " + std::to_string(config.dim)
                                 + ", ffn_dim " + std::to_string(config.ffnDim) + ", heads "
                                 + std::to_string(config.numHeads) + ")");
        const at::ScalarType dtype = isLinearWeight(official) ? precision.linear
                                                              : precision.stream;
        auto tensor = store->load(stored, dtype, precision.device);
        if (!tensor)
            return tensor.error();
        weights.parameterCount += tensor->numel();
        weights.tensors.emplace(official, std::move(*tensor));
        used.push_back(stored);
    }

    std::sort(used.begin(), used.end());
    size_t ignored = 0;
    std::string firstIgnored;
    for (const std::string &name : storedNames) {
        if (!std::binary_search(used.begin(), used.end(), name)) {
            if (ignored++ == 0)
                firstIgnored = name;
        }
    }
    if (ignored > 0)
        weights.notes.push_back(std::to_string(ignored) + " tensors the t2v DiT does not use "
                                + "were ignored, e.g. '" + firstIgnored + "'");
    return weights;
}

} // namespace mbq::wan
