#pragma once
// Reader for files written by torch.save, in both layouts:
//  - zip (the default since torch 1.6): <root>/data.pkl plus one stored entry per storage,
//    <root>/data/<key>;
//  - legacy (_use_new_zipfile_serialization=False): five pickles in a row (magic number,
//    protocol version, sys info, the object, the sorted storage keys), then per storage an int64
//    element count and its raw bytes.
// The object is unpickled by our restricted unpickler and walked for tensors; tensor bytes stay
// in the mapped file until loaded.

#include "inference/io/tensor_record.h"
#include "inference/result.h"

#include <string>
#include <utility>
#include <vector>

namespace mbq::io {

struct TorchCheckpoint
{
    std::string path;
    std::string format; // "torch-zip" or "torch-legacy"
    // Every tensor reachable from the saved object, named by its path of dict keys and list
    // indices joined with '.', e.g. "state_dict.model.diffusion_model.out.2.weight".
    std::vector<TensorRecord> tensors;
    // Objects of classes we do not load (inert placeholders): path -> "module.name".
    std::vector<std::pair<std::string, std::string>> placeholders;
    // Keys of the root dict whose values are dicts ("state_dict", "module", ...): a nested
    // {"model": {"x": t}} and a flat {"model.x": t} give the same tensor name.
    std::vector<std::string> rootDicts;
};

Result<TorchCheckpoint> readTorchCheckpoint(const std::string &path);

// True when the file starts like a torch.save file (zip or legacy pickle).
bool looksLikeTorchFile(const MappedFile &file);

} // namespace mbq::io
