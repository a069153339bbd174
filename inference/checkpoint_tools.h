#pragma once
// Checkpoint facade for the CLI and the UI: inspect a checkpoint, convert it to safetensors and
// summarise a model folder. No torch types here, so Qt code can include it.

#include "inference/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mbq {

struct TensorInfo
{
    std::string name;
    std::string dtype; // safetensors spelling: "F32", "BF16", "I64", "F8_E4M3", ...
    std::vector<int64_t> shape;
    uint64_t bytes = 0;
};

struct CheckpointInfo
{
    std::string path;
    std::string format; // "safetensors", "safetensors-sharded", "torch-zip" or "torch-legacy"
    std::vector<TensorInfo> tensors; // sorted by name
    std::vector<std::string> notes; // e.g. which sub-dict was used, skipped foreign objects
    uint64_t totalBytes = 0;
    int64_t parameterCount = 0; // elements over all tensors
};

// Reads headers only (safetensors header, torch pickle, zip directory); no tensor data.
Result<CheckpointInfo> inspectCheckpoint(const std::string &path);

enum class ConvertDType { Keep, F32, F16, BF16 };
bool parseConvertDType(const std::string &name, ConvertDType *out); // "keep", "f32", "f16", "bf16"

// Writes `in` (safetensors, sharded index, .pth/.ckpt) as one safetensors file `out`, one tensor
// in memory at a time. Floating tensors are cast to `dtype` unless it is Keep; integer and bool
// tensors keep their type. `out` appears atomically.
Result<void> convertCheckpoint(const std::string &in, const std::string &out, ConvertDType dtype);

struct ComponentSummary
{
    std::string role; // "transformer", "vae", "text_encoder", "tokenizer", "scheduler", "config",
                      // "model"
    std::string file; // relative to the folder; a folder for tokenizers and shard sets
    bool present = false;
    std::string format; // checkpoint format, "folder" or "json"
    int64_t tensors = 0;
    int64_t parameters = 0; // elements over its tensors
    uint64_t bytes = 0;
    std::string problem; // why it is missing or unreadable; empty when fine
};

struct ModelFolderSummary
{
    std::string path;
    std::string family; // "wan2.1", "videocrafter2", "t2v-turbo-v2" or "" when not recognised
    std::string layout; // "official", "diffusers" or ""
    std::vector<ComponentSummary> components;
    std::vector<std::string> missing; // one message per missing or unreadable component

    bool complete() const { return !family.empty() && missing.empty(); }
};

// Recognises the Wan2.1 official and Diffusers layouts, VideoCrafter2's model.ckpt and
// T2V-Turbo-v2's unet_mg.pt / unet_no_mg.pt beside it (inference/videocrafter/vc2_files.h);
// reads only headers. NotFound when the folder does not exist; an unrecognised folder is an
// InvalidArgument error that says which files were looked for.
Result<ModelFolderSummary> summariseModelFolder(const std::string &path);

} // namespace mbq
