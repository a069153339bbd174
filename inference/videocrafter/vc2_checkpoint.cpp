#include "inference/videocrafter/vc2_checkpoint.h"

#include "inference/io/shape_text.h"
#include "inference/wan/dit_weights.h"

#include <filesystem>

namespace mbq::vc2 {

namespace {

namespace fs = std::filesystem;

// The official loader strips these 16 characters from every key of a DeepSpeed checkpoint.
constexpr const char *kDeepSpeedPrefix = "_forward_module.";

bool isFile(const fs::path &path)
{
    std::error_code ec;
    return fs::is_regular_file(path, ec);
}

using io::shapeText;

} // namespace

Result<Vc2Location> locateVc2(const std::string &path)
{
    const fs::path given(path);
    std::error_code ec;
    Vc2Location location;
    fs::path folder;
    if (fs::is_directory(given, ec)) {
        folder = given;
        for (const char *name : {"model.ckpt", "model.safetensors"}) {
            if (isFile(given / name)) {
                location.checkpoint = (given / name).string();
                break;
            }
        }
        if (location.checkpoint.empty())
            return makeError(ErrorCode::NotFound,
                             "no VideoCrafter2 weights in " + path
                                 + ": looked for model.ckpt and model.safetensors");
    } else if (isFile(given)) {
        folder = given.parent_path();
        location.checkpoint = path;
    } else {
        return makeError(ErrorCode::NotFound, "VideoCrafter2 model " + path + " does not exist");
    }
    if (isFile(folder / "config.json"))
        location.configPath = (folder / "config.json").string();
    for (const std::string &name : {std::string(kVocabFile), std::string(kVocabFile) + ".gz"}) {
        if (location.vocabPath.empty() && isFile(folder / name))
            location.vocabPath = (folder / name).string();
    }
    location.randomWeights = isFile(folder / wan::kRandomWeightsMarker);
    return location;
}

Result<Vc2Config> readLocatedConfig(const Vc2Location &location)
{
    if (location.configPath.empty())
        return Vc2Config {};
    return readVc2Config(location.configPath);
}

Result<Vc2Checkpoint> Vc2Checkpoint::open(const std::string &path, const Vc2Config &config)
{
    auto store = io::TensorStore::open(path);
    if (!store)
        return store.error();
    Vc2Checkpoint checkpoint;
    checkpoint.m_store = std::make_shared<io::TensorStore>(std::move(*store));
    const io::TensorStore &s = *checkpoint.m_store;
    const std::string &sub = s.subDict();
    bool deepSpeed = false;
    for (const auto &entry : s.tensors())
        deepSpeed = deepSpeed || entry.first.rfind(kDeepSpeedPrefix, 0) == 0;
    if (deepSpeed)
        checkpoint.m_toStored.prefix("", kDeepSpeedPrefix);
    checkpoint.m_layout = s.format().rfind("safetensors", 0) == 0 ? "safetensors"
        : sub.empty()                                             ? "bare"
                                                                  : sub;

    const TensorShapes expected = vc2CheckpointShapes(config);
    std::string firstMissing;
    std::vector<int64_t> firstMissingShape;
    size_t missing = 0;
    for (const auto &[name, shape] : expected) {
        const std::string stored = checkpoint.m_toStored.apply(name);
        if (!s.contains(stored)) {
            if (missing++ == 0) {
                firstMissing = stored;
                firstMissingShape = shape;
            }
            continue;
        }
        const io::TensorRecord &record = **s.record(stored);
        if (record.shape != shape)
            return makeError(ErrorCode::BadFormat,
                             "VideoCrafter2 tensor '" + stored + "' in " + path + " has shape "
                                 + shapeText(record.shape) + ", expected " + shapeText(shape),
                             "expected shape " + shapeText(shape) + ", found shape "
                                 + shapeText(record.shape)
                                 + "; a checkpoint of another model or config?");
    }
    if (missing > 0)
        return makeError(ErrorCode::NotFound,
                         "VideoCrafter2 tensor '" + firstMissing + "' is missing from " + path
                             + (missing > 1 ? " (and " + std::to_string(missing - 1) + " more of "
                                        + std::to_string(expected.size()) + ")"
                                            : std::string()),
                         "expected shape " + shapeText(firstMissingShape) + ", found none");
    return checkpoint;
}

Result<Vc2Weights> Vc2Checkpoint::loadPart(const std::string &prefix, const TensorShapes &shapes,
                                           at::ScalarType dtype, at::Device device) const
{
    Vc2Weights weights;
    for (const auto &[name, shape] : shapes) {
        auto tensor = m_store->load(m_toStored.apply(prefix + name), dtype, device);
        if (!tensor)
            return tensor.error();
        weights.emplace(name, std::move(*tensor));
    }
    return weights;
}

} // namespace mbq::vc2
