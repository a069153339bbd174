#pragma once
// safetensors reader: validates the whole header up front (lengths, JSON, dtypes, shapes, spans)
// and maps the file so tensor bytes are only read when a tensor is loaded.
// Format: u64 little-endian header length N, N bytes of JSON, then the data section.

#include "inference/io/tensor_record.h"
#include "inference/result.h"

#include <map>
#include <string>
#include <vector>

namespace mbq::io {

// A header larger than this is not a checkpoint (real ones are well under 10 MB).
constexpr uint64_t kMaxSafetensorsHeader = 100ull * 1024 * 1024;

struct SafetensorsFile
{
    std::string path;
    std::vector<TensorRecord> tensors; // in data-offset order
    std::map<std::string, std::string> metadata;
    uint64_t dataBegin = 0; // file offset of the data section
};

Result<SafetensorsFile> readSafetensors(const std::string &path);

} // namespace mbq::io
