// summariseModelFolder (declared in inference/checkpoint_tools.h): recognises the folder layouts
// users download and checks each component by reading its header only.

#include "inference/checkpoint_tools.h"
#include "inference/videocrafter/vc2_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace mbq {

namespace {

namespace fs = std::filesystem;

class FolderChecker
{
public:
    explicit FolderChecker(ModelFolderSummary &summary)
        : m_summary(summary)
        , m_root(summary.path)
    { }

    bool exists(const std::string &relative) const
    {
        std::error_code ec;
        return fs::exists(m_root / relative, ec);
    }

    // A checkpoint file, or a sharded set: `base` is e.g. "transformer/diffusion_pytorch_model"
    // and the files are base.safetensors, base.safetensors.index.json or base-*.safetensors.
    void weights(const std::string &role, const std::string &base)
    {
        for (const std::string &candidate :
             {base + ".safetensors.index.json", base + ".safetensors"}) {
            if (exists(candidate)) {
                checkpoint(role, candidate);
                return;
            }
        }
        const std::vector<std::string> shards = shardFiles(base);
        if (shards.empty()) {
            missingComponent(role, base + ".safetensors", "");
            return;
        }
        ComponentSummary component;
        component.role = role;
        component.file = base + "-*.safetensors (" + std::to_string(shards.size()) + " files)";
        component.present = true;
        component.format = "safetensors";
        for (const std::string &shard : shards) {
            if (!addCheckpoint(component, shard))
                break;
        }
        m_summary.components.push_back(component);
    }

    void checkpoint(const std::string &role, const std::string &relative)
    {
        if (!exists(relative)) {
            missingComponent(role, relative, "");
            return;
        }
        ComponentSummary component;
        component.role = role;
        component.file = relative;
        component.present = true;
        addCheckpoint(component, relative);
        m_summary.components.push_back(component);
    }

    void json(const std::string &role, const std::string &relative)
    {
        ComponentSummary component;
        component.role = role;
        component.file = relative;
        component.format = "json";
        component.present = exists(relative);
        if (!component.present)
            return missingComponent(role, relative, "json");
        m_summary.components.push_back(component);
    }

    // A tokenizer folder holds a sentencepiece model or a tokenizer.json.
    void tokenizer(const std::string &relative)
    {
        ComponentSummary component;
        component.role = "tokenizer";
        component.file = relative;
        component.format = "folder";
        component.present
            = exists(relative + "/spiece.model") || exists(relative + "/tokenizer.json");
        if (!component.present)
            return missingComponent("tokenizer", relative + "/spiece.model", "folder");
        m_summary.components.push_back(component);
    }

private:
    std::vector<std::string> shardFiles(const std::string &base) const
    {
        const fs::path folder = (m_root / base).parent_path();
        const std::string stem = fs::path(base).filename().string() + "-";
        std::vector<std::string> files;
        std::error_code ec;
        for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
            const std::string name = it->path().filename().string();
            if (name.rfind(stem, 0) == 0 && name.size() > 12
                && name.compare(name.size() - 12, 12, ".safetensors") == 0)
                files.push_back(fs::relative(it->path(), m_root, ec).string());
        }
        std::sort(files.begin(), files.end());
        return files;
    }

    bool addCheckpoint(ComponentSummary &component, const std::string &relative)
    {
        auto info = inspectCheckpoint((m_root / relative).string());
        if (!info) {
            component.problem = info.error().message;
            m_summary.missing.push_back(component.role + ": " + info.error().message);
            return false;
        }
        component.format = info->format;
        component.tensors += int64_t(info->tensors.size());
        component.parameters += info->parameterCount;
        component.bytes += info->totalBytes;
        return true;
    }

    void missingComponent(const std::string &role, const std::string &relative,
                          const std::string &format)
    {
        ComponentSummary component;
        component.role = role;
        component.file = relative;
        component.format = format;
        component.problem = "missing " + (m_root / relative).string();
        m_summary.missing.push_back(role + ": " + component.problem);
        m_summary.components.push_back(component);
    }

    ModelFolderSummary &m_summary;
    fs::path m_root;
};

bool endsWith(const std::string &text, const std::string &tail)
{
    return text.size() >= tail.size()
        && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

std::string readSmallFile(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::string text;
    char buffer[4096];
    while (in && text.size() < (1 << 20)) {
        in.read(buffer, sizeof buffer);
        text.append(buffer, size_t(in.gcount()));
    }
    return text;
}

} // namespace

Result<ModelFolderSummary> summariseModelFolder(const std::string &path)
{
    std::error_code ec;
    if (!fs::exists(path, ec))
        return makeError(ErrorCode::NotFound, "model folder " + path + " does not exist");
    if (!fs::is_directory(path, ec))
        return makeError(ErrorCode::InvalidArgument, path + " is not a folder");

    ModelFolderSummary summary;
    summary.path = path;
    FolderChecker check(summary);

    if (check.exists("model_index.json")) {
        // Only the pipeline class name matters here; a plain substring test avoids trusting
        // the rest of the file.
        const std::string index = readSmallFile(fs::path(path) / "model_index.json");
        if (index.find("\"Wan") == std::string::npos)
            return makeError(ErrorCode::Unsupported,
                             path
                                 + "/model_index.json describes a Diffusers pipeline that is "
                                   "not Wan2.1");
        summary.family = "wan2.1";
        summary.layout = "diffusers";
        check.json("config", "model_index.json");
        check.json("config", "transformer/config.json");
        check.weights("transformer", "transformer/diffusion_pytorch_model");
        check.json("config", "vae/config.json");
        check.weights("vae", "vae/diffusion_pytorch_model");
        check.json("config", "text_encoder/config.json");
        check.weights("text_encoder", "text_encoder/model");
        check.tokenizer("tokenizer");
        check.json("config", "scheduler/scheduler_config.json");
        return summary;
    }
    // T2V-Turbo-v2: its UNet file beside VideoCrafter2's checkpoint (vc2_files.h).
    std::vector<std::string> turboUNets;
    for (const char *unet : vc2::kTurboUNetFiles) {
        if (check.exists(unet))
            turboUNets.push_back(unet);
    }
    std::string base;
    for (const char *weights : vc2::kVc2CheckpointFiles) {
        if (base.empty() && check.exists(weights))
            base = weights;
    }
    if (!turboUNets.empty()) {
        summary.family = "t2v-turbo-v2";
        summary.layout = endsWith(turboUNets.front(), ".pt") ? "official" : "safetensors";
        check.checkpoint("model", base.empty() ? std::string("model.ckpt") : base);
        check.checkpoint("unet", turboUNets.front());
        if (turboUNets.size() > 1)
            summary.missing.push_back("unet: " + turboUNets[0] + " and " + turboUNets[1]
                                      + " are two T2V-Turbo-v2 models; keep one per folder");
        return summary;
    }
    // VideoCrafter2: the official model.ckpt, or mbq's safetensors conversion of it.
    if (!base.empty()) {
        summary.family = "videocrafter2";
        summary.layout = endsWith(base, ".ckpt") ? "official" : "safetensors";
        check.checkpoint("model", base);
        return summary;
    }
    if (check.exists("config.json")
        && (check.exists("Wan2.1_VAE.pth") || check.exists("models_t5_umt5-xxl-enc-bf16.pth")
            || check.exists("diffusion_pytorch_model.safetensors")
            || check.exists("diffusion_pytorch_model.safetensors.index.json"))) {
        summary.family = "wan2.1";
        summary.layout = "official";
        check.json("config", "config.json");
        check.weights("transformer", "diffusion_pytorch_model");
        check.checkpoint("vae", "Wan2.1_VAE.pth");
        check.checkpoint("text_encoder", "models_t5_umt5-xxl-enc-bf16.pth");
        check.tokenizer("google/umt5-xxl");
        return summary;
    }
    return makeError(ErrorCode::InvalidArgument,
                     path
                         + " is not a model folder mbq recognises: expected model_index.json "
                           "(Wan2.1 Diffusers), config.json with "
                           "diffusion_pytorch_model*.safetensors and Wan2.1_VAE.pth (Wan2.1 "
                           "official), model.ckpt / model.safetensors (VideoCrafter2) or "
                           "those with unet_mg.pt / unet_no_mg.pt (T2V-Turbo-v2)");
}

} // namespace mbq
