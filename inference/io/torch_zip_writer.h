#pragma once
// Writes a flat state dict the way torch.save does by default (zip archive, pickle protocol 2):
// archive/data.pkl holds an OrderedDict of name -> torch._utils._rebuild_tensor_v2(storage,
// 0, shape, contiguous strides, False, OrderedDict()), each storage a stored (uncompressed)
// entry archive/data/<n> aligned to 64 bytes. Used to write tiny models in the official Wan
// layout (Wan2.1_VAE.pth, models_t5_umt5-xxl-enc-bf16.pth); entries stay below 4 GB, so no
// ZIP64 records are written.

#include "inference/io/dtype.h"
#include "inference/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mbq::io {

struct TorchWriteEntry
{
    std::string name;
    DType dtype = DType::F32;
    std::vector<int64_t> shape;
    const void *data = nullptr; // row-major, little-endian; must stay valid during the write
    size_t bytes = 0;
};

// Floating, integer and bool dtypes (no float8). The file appears atomically.
Result<void> writeTorchStateDict(const std::string &path,
                                 const std::vector<TorchWriteEntry> &entries);

} // namespace mbq::io
