#pragma once
// Where one tensor's bytes live in a mapped checkpoint file, whatever the container format:
// safetensors entries, torch zip storages and legacy torch storages all reduce to this.

#include "inference/io/dtype.h"
#include "inference/io/mapped_file.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace mbq::io {

struct TensorRecord
{
    std::string name;
    DType dtype = DType::F32;
    std::vector<int64_t> shape;
    std::vector<int64_t> strides; // in elements; empty means contiguous row-major
    int64_t storageOffset = 0; // in elements, from the start of the storage
    std::shared_ptr<const MappedFile> file;
    uint64_t storageBegin = 0; // byte offset of the storage in the file
    uint64_t storageBytes = 0; // bytes of the storage (a view may use only part of it)
    std::string storageKey; // tensors sharing a storage share this key (torch files)
};

// Number of elements of the tensor (shape product); checked when the record was built.
uint64_t elementCount(const TensorRecord &record);
// Bytes the tensor's own elements take (elementCount × element size).
uint64_t tensorBytes(const TensorRecord &record);

// Checks that the view (offset, shape, strides) stays inside its storage and the storage inside
// the file; returns the element range [first, first + count) of the storage it touches.
struct StorageSpan
{
    uint64_t first = 0;
    uint64_t count = 0;
};
Result<StorageSpan> checkedSpan(const TensorRecord &record);

} // namespace mbq::io
