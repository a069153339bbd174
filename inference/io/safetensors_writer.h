#pragma once
// safetensors writer. Keys are written in sorted order and the header is padded with spaces to a
// multiple of 8 bytes, so the same tensors always give the same file and every tensor's data
// starts 8-byte aligned. The file appears atomically (see AtomicFile).

#include "inference/io/dtype.h"
#include "inference/result.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace mbq::io {

// Receives a tensor's bytes; a producer may call it several times with consecutive chunks.
using ByteSink = std::function<Result<void>(const void *data, size_t size)>;

struct SafetensorsWriteEntry
{
    std::string name;
    DType dtype = DType::F32;
    std::vector<int64_t> shape;
    // Called once, while the file is written, to emit exactly the tensor's bytes (row-major,
    // little-endian). Producing bytes on demand keeps one tensor in memory at a time.
    std::function<Result<void>(const ByteSink &sink)> produce;
};

Result<void> writeSafetensors(const std::string &path, std::vector<SafetensorsWriteEntry> entries,
                              const std::map<std::string, std::string> &metadata = {});

} // namespace mbq::io
