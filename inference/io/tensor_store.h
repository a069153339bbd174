#pragma once
// Name -> tensor map over one checkpoint: a safetensors file, a sharded safetensors index
// (*.safetensors.index.json), or a torch .pth/.ckpt. Only headers are read when it opens;
// load() copies one tensor out of the mapped file and converts it to the working dtype/device.

#include "inference/io/safetensors_writer.h"
#include "inference/io/key_map.h"
#include "inference/io/tensor_record.h"
#include "inference/result.h"

#include <ATen/ATen.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace mbq::io {

struct TensorStoreOptions
{
    // Torch files only: the dict inside the saved object that holds the weights. "auto" picks
    // "state_dict" or "module" when the root dict has one, else the root; "" is the root.
    std::string subDict = "auto";
    KeyMap keyMap; // applied to names after the sub-dict prefix is removed
};

class TensorStore
{
public:
    static Result<TensorStore> open(const std::string &path,
                                    const TensorStoreOptions &options = {});

    const std::string &path() const { return m_path; }
    // "safetensors", "safetensors-sharded", "torch-zip" or "torch-legacy".
    const std::string &format() const { return m_format; }
    const std::string &subDict() const { return m_subDict; }
    const std::map<std::string, TensorRecord> &tensors() const { return m_tensors; }
    // Objects we do not load (relative name -> "module.name").
    const std::vector<std::pair<std::string, std::string>> &placeholders() const
    {
        return m_placeholders;
    }
    const std::vector<std::string> &notes() const { return m_notes; }

    bool contains(const std::string &name) const { return m_tensors.count(name) != 0; }
    // The record, or a NotFound error naming the key and file (and the foreign object the key
    // lives in, when it does).
    Result<const TensorRecord *> record(const std::string &name) const;

    // The tensor as stored, on the CPU (F8 data as raw uint8).
    Result<at::Tensor> load(const std::string &name) const;
    // Converted to `dtype` on `device`; F8 data is decoded when a floating dtype is asked for.
    Result<at::Tensor> load(const std::string &name, at::ScalarType dtype,
                            at::Device device = at::kCPU) const;

private:
    Result<void> add(TensorRecord record, const KeyMap &keyMap);

    std::string m_path;
    std::string m_format;
    std::string m_subDict;
    std::map<std::string, TensorRecord> m_tensors;
    std::vector<std::pair<std::string, std::string>> m_placeholders;
    std::vector<std::string> m_notes;
};

// The ATen dtype a checkpoint dtype loads as (F8 -> kByte on LibTorch without float8).
at::ScalarType scalarTypeOf(DType dtype);
// The checkpoint dtype of an ATen dtype; false for types checkpoints do not store.
bool dtypeOf(at::ScalarType type, DType *out);

// A safetensors entry that writes `tensor` (taken to the CPU, contiguous) under `name` in its
// own dtype, which must be one checkpoints store (float32/64/16, bfloat16, integers, bool).
SafetensorsWriteEntry tensorEntry(const std::string &name, const at::Tensor &tensor);

} // namespace mbq::io
