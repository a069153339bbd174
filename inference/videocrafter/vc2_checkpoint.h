#pragma once
// Finds and opens a VideoCrafter2 checkpoint: the official model.ckpt (a torch pickle whose
// weights sit under "state_dict", under DeepSpeed's "module" with its "_forward_module."
// prefix, or bare) or a safetensors conversion with the same names; and T2V-Turbo-v2's UNet
// file (torch.save of the UNet's state_dict: bare names, no prefix) beside it (vc2_files.h).
// Opening checks every tensor the config implies by name and shape (headers only); parts are
// then loaded on demand in the working dtype and device.

#include "inference/io/key_map.h"
#include "inference/io/tensor_store.h"
#include "inference/result.h"
#include "inference/videocrafter/vc2_config.h"
#include "inference/videocrafter/vc2_tensors.h"

#include <ATen/ATen.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace mbq::vc2 {

struct Vc2Location
{
    std::string checkpoint; // model.ckpt or a .safetensors file
    std::string configPath; // config.json beside it (tiny models); empty: official defaults
    std::string vocabPath; // bpe_simple_vocab_16e6.txt (or .txt.gz) beside it; empty if absent
    bool randomWeights = false; // mbq's random-weights marker is present
    // T2V-Turbo-v2's UNet file; empty for VideoCrafter2.
    std::string turboUNet;
    bool motionGuided = false; // the UNet file is unet_mg (distilled with motion guidance)

    bool turbo() const { return !turboUNet.empty(); }
    // "t2v-turbo-v2" or "videocrafter2", as the model folder summary names them.
    std::string family() const { return turbo() ? "t2v-turbo-v2" : "videocrafter2"; }
};

// A folder (vc2_files.h names the files), a VideoCrafter2 weights file, or a T2V-Turbo-v2 UNet
// file (its folder is used). T2V-Turbo-v2's UNet without the VideoCrafter2 checkpoint beside it
// is NotFound; two turbo UNet files in one folder are InvalidArgument (each is a whole model);
// T2V-Turbo v1's LoRA is Unsupported.
constexpr const char *kVocabFile = "bpe_simple_vocab_16e6.txt";
Result<Vc2Location> locateVc2(const std::string &path);
// The folder's config.json, or the official v2.0 values when there is none. For T2V-Turbo-v2
// the guidance projections default to the width the official app and predict.py build (256).
Result<Vc2Config> readLocatedConfig(const Vc2Location &location);

// Name -> tensor of one part, names relative to the part's prefix.
using Vc2Weights = std::map<std::string, at::Tensor>;

class Vc2Checkpoint
{
public:
    // NotFound naming the first missing tensor (and how many are missing), BadFormat naming a
    // tensor whose shape differs (expected and found), both with the file.
    static Result<Vc2Checkpoint> open(const std::string &path, const Vc2Config &config);
    // T2V-Turbo-v2's UNet file: every tensor of unetTensorShapes(config) under its bare name,
    // with the same errors.
    static Result<Vc2Checkpoint> openTurboUNet(const std::string &path,
                                               const Vc2UNetConfig &config);

    // "state_dict", "module", "bare" or "safetensors".
    const std::string &layout() const { return m_layout; }
    const std::string &path() const { return m_store->path(); }
    // Where the UNet's tensors are: kUNetPrefix, or "" in a T2V-Turbo-v2 UNet file.
    const std::string &unetPrefix() const { return m_unetPrefix; }

    // Every tensor of `shapes` under `prefix`, converted to `dtype` on `device`.
    Result<Vc2Weights> loadPart(const std::string &prefix, const TensorShapes &shapes,
                                at::ScalarType dtype, at::Device device) const;

private:
    // `what` names the model in messages ("VideoCrafter2", "T2V-Turbo-v2 UNet").
    static Result<Vc2Checkpoint> openChecked(const std::string &path, const TensorShapes &expected,
                                             const std::string &what);

    std::shared_ptr<io::TensorStore> m_store;
    io::KeyMap m_toStored;
    std::string m_layout;
    std::string m_unetPrefix = kUNetPrefix;
};

} // namespace mbq::vc2
