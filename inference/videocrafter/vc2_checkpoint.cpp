#include "inference/videocrafter/vc2_checkpoint.h"

#include "inference/io/shape_text.h"
#include "inference/videocrafter/vc2_files.h"
#include "inference/wan/dit_weights.h"

#include <filesystem>

namespace mbq::vc2 {

namespace {

namespace fs = std::filesystem;

// The official loader strips these 16 characters from every key of a DeepSpeed checkpoint.
constexpr const char *kDeepSpeedPrefix = "_forward_module.";
// time_cond_proj_dim and motion_cond_proj_dim of the official T2V-Turbo-v2 UNet.
constexpr int64_t kTurboCondDim = 256;

bool isFile(const fs::path &path)
{
    std::error_code ec;
    return fs::is_regular_file(path, ec);
}

bool isTurboUNetName(const std::string &name)
{
    for (const char *turbo : kTurboUNetFiles) {
        if (name == turbo)
            return true;
    }
    return false;
}

// The folder's T2V-Turbo-v2 UNet file, or "" when it has none.
Result<std::string> findTurboUNet(const fs::path &folder)
{
    std::string found;
    for (const char *name : kTurboUNetFiles) {
        if (!isFile(folder / name))
            continue;
        if (!found.empty())
            return makeError(ErrorCode::InvalidArgument,
                             folder.string() + " holds two T2V-Turbo-v2 UNets, "
                                 + fs::path(found).filename().string() + " and " + name,
                             "each is a whole model: keep one per folder");
        found = (folder / name).string();
    }
    if (found.empty() && isFile(folder / kTurboV1LoraFile))
        return makeError(ErrorCode::Unsupported,
                         std::string("T2V-Turbo (v1) LoRA weights ") + kTurboV1LoraFile
                             + " are not supported",
                         "use T2V-Turbo-v2's unet_mg.pt or unet_no_mg.pt beside the "
                         "VideoCrafter2 model.ckpt");
    return found;
}

using io::shapeText;

} // namespace

Result<Vc2Location> locateVc2(const std::string &path)
{
    const fs::path given(path);
    std::error_code ec;
    Vc2Location location;
    fs::path folder;
    const bool turboFile = isFile(given) && isTurboUNetName(given.filename().string());
    if (fs::is_directory(given, ec) || turboFile) {
        folder = turboFile ? given.parent_path() : given;
        for (const char *name : kVc2CheckpointFiles) {
            if (isFile(folder / name)) {
                location.checkpoint = (folder / name).string();
                break;
            }
        }
        auto turbo = findTurboUNet(folder);
        if (!turbo)
            return turbo.error();
        location.turboUNet = *turbo;
        location.motionGuided
            = !turbo->empty() && isMotionGuidedTurboFile(fs::path(*turbo).filename().string());
        if (location.checkpoint.empty() && location.turbo())
            return makeError(ErrorCode::NotFound,
                             "T2V-Turbo-v2 needs VideoCrafter2's model.ckpt beside "
                                 + location.turboUNet,
                             "its VAE and text encoder come from that checkpoint (Hugging Face "
                             "VideoCrafter/VideoCrafter2, model.ckpt)");
        if (location.checkpoint.empty())
            return makeError(ErrorCode::NotFound,
                             "no VideoCrafter2 weights in " + folder.string()
                                 + ": looked for model.ckpt, model.safetensors and "
                                   "VideoCrafter2_model.ckpt");
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
    Vc2Config config;
    if (!location.configPath.empty()) {
        auto read = readVc2Config(location.configPath);
        if (!read)
            return read.error();
        config = *read;
    }
    // app.py and predict.py build the distilled UNet with both projections 256 wide and load
    // either file strictly, so both files hold both.
    if (location.turbo() && config.unet.timeCondProjDim == 0) {
        config.unet.timeCondProjDim = kTurboCondDim;
        config.unet.motionCondProjDim = kTurboCondDim;
    }
    return config;
}

Result<Vc2Checkpoint> Vc2Checkpoint::open(const std::string &path, const Vc2Config &config)
{
    return openChecked(path, vc2CheckpointShapes(config), "VideoCrafter2");
}

Result<Vc2Checkpoint> Vc2Checkpoint::openTurboUNet(const std::string &path,
                                                   const Vc2UNetConfig &config)
{
    auto checkpoint = openChecked(path, unetTensorShapes(config), "T2V-Turbo-v2 UNet");
    if (checkpoint)
        checkpoint->m_unetPrefix.clear();
    return checkpoint;
}

Result<Vc2Checkpoint> Vc2Checkpoint::openChecked(const std::string &path,
                                                 const TensorShapes &expected,
                                                 const std::string &what)
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
                             what + " tensor '" + stored + "' in " + path + " has shape "
                                 + shapeText(record.shape) + ", expected " + shapeText(shape),
                             "expected shape " + shapeText(shape) + ", found shape "
                                 + shapeText(record.shape)
                                 + "; a checkpoint of another model or config?");
    }
    if (missing > 0)
        return makeError(ErrorCode::NotFound,
                         what + " tensor '" + firstMissing + "' is missing from " + path
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
