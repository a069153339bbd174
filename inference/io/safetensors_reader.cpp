#include "inference/io/safetensors_reader.h"

#include "inference/io/checked_math.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>

namespace mbq::io {

namespace {

using nlohmann::json;

// A short rendering of a JSON value for messages. Containers are not dumped: a hostile header
// can nest them deep enough for a recursive dump to exhaust the stack.
std::string describe(const json &value)
{
    if (value.is_array())
        return "a list";
    if (value.is_object())
        return "an object";
    std::string text = value.dump();
    return text.size() > 64 ? text.substr(0, 64) + "..." : text;
}

Error badHeader(const std::string &path, const std::string &problem)
{
    return makeError(ErrorCode::BadFormat, path + ": bad safetensors header: " + problem);
}

// Parses one tensor entry; `dataSize` is the size of the data section.
Result<TensorRecord> parseEntry(const std::string &path, const std::string &name, const json &entry,
                                uint64_t dataSize)
{
    auto bad = [&](const std::string &problem) {
        return badHeader(path, "tensor '" + name + "': " + problem);
    };
    if (!entry.is_object())
        return bad("entry is not an object");
    const auto dtypeIt = entry.find("dtype");
    const auto shapeIt = entry.find("shape");
    const auto offsetsIt = entry.find("data_offsets");
    if (dtypeIt == entry.end() || shapeIt == entry.end() || offsetsIt == entry.end())
        return bad("needs dtype, shape and data_offsets");
    if (entry.size() != 3)
        return bad("unexpected field besides dtype, shape and data_offsets");

    TensorRecord record;
    record.name = name;
    if (!dtypeIt->is_string() || !parseDType(dtypeIt->get<std::string>(), &record.dtype))
        return bad("unknown dtype " + describe(*dtypeIt));

    if (!shapeIt->is_array())
        return bad("shape is not a list");
    for (const json &dim : *shapeIt) {
        // Negative dims arrive as number_integer, positives as number_unsigned.
        if (dim.is_number_unsigned() && dim.get<uint64_t>() <= uint64_t(INT64_MAX))
            record.shape.push_back(int64_t(dim.get<uint64_t>()));
        else
            return bad("shape has a dimension that is not a non-negative integer: "
                       + describe(dim));
    }
    uint64_t count = 0;
    uint64_t bytes = 0;
    if (!checkedElementCount(record.shape, &count)
        || !checkedMul(count, dtypeSize(record.dtype), &bytes))
        return bad("shape product overflows");

    if (!offsetsIt->is_array() || offsetsIt->size() != 2 || !(*offsetsIt)[0].is_number_unsigned()
        || !(*offsetsIt)[1].is_number_unsigned())
        return bad("data_offsets must be two non-negative integers");
    const uint64_t begin = (*offsetsIt)[0].get<uint64_t>();
    const uint64_t end = (*offsetsIt)[1].get<uint64_t>();
    if (begin > end || end > dataSize)
        return bad("data_offsets [" + std::to_string(begin) + ", " + std::to_string(end)
                   + "] lie outside the data section of " + std::to_string(dataSize) + " bytes");
    if (end - begin != bytes)
        return bad("shape and dtype need " + std::to_string(bytes) + " bytes but data_offsets span "
                   + std::to_string(end - begin));
    record.storageBegin = begin; // made absolute by the caller
    record.storageBytes = bytes;
    return record;
}

} // namespace

Result<SafetensorsFile> readSafetensors(const std::string &path)
{
    auto mapped = MappedFile::open(path);
    if (!mapped)
        return mapped.error();
    const std::shared_ptr<const MappedFile> file = *mapped;

    if (file->size() < 8)
        return badHeader(path,
                         "file is " + std::to_string(file->size())
                             + " bytes, shorter than the 8-byte header length");
    uint64_t headerSize = 0;
    std::memcpy(&headerSize, file->data(), 8); // little-endian on every supported host
    if (headerSize > kMaxSafetensorsHeader)
        return badHeader(path,
                         "declared header length " + std::to_string(headerSize) + " exceeds the "
                             + std::to_string(kMaxSafetensorsHeader) + "-byte limit");
    if (headerSize > file->size() - 8)
        return badHeader(path,
                         "declared header length " + std::to_string(headerSize)
                             + " runs past the end of the " + std::to_string(file->size())
                             + "-byte file");

    const char *text = reinterpret_cast<const char *>(file->data() + 8);
    const json header = json::parse(text, text + headerSize, nullptr, false);
    if (header.is_discarded())
        return badHeader(path, "header is not valid JSON");
    if (!header.is_object())
        return badHeader(path, "header is not a JSON object");

    SafetensorsFile result;
    result.path = path;
    result.dataBegin = 8 + headerSize;
    const uint64_t dataSize = file->size() - result.dataBegin;
    for (auto it = header.begin(); it != header.end(); ++it) {
        if (it.key() == "__metadata__") {
            if (!it.value().is_object())
                return badHeader(path, "__metadata__ is not an object");
            for (auto meta = it.value().begin(); meta != it.value().end(); ++meta) {
                if (!meta.value().is_string())
                    return badHeader(path,
                                     "__metadata__ value '" + meta.key() + "' is not a string");
                result.metadata[meta.key()] = meta.value().get<std::string>();
            }
            continue;
        }
        auto record = parseEntry(path, it.key(), it.value(), dataSize);
        if (!record)
            return record.error();
        record->file = file;
        result.tensors.push_back(std::move(*record));
    }

    // Spans must not overlap: sorted by begin, each must end before the next starts.
    std::sort(result.tensors.begin(), result.tensors.end(),
              [](const TensorRecord &a, const TensorRecord &b) {
                  return a.storageBegin != b.storageBegin ? a.storageBegin < b.storageBegin
                                                          : a.name < b.name;
              });
    for (size_t i = 1; i < result.tensors.size(); ++i) {
        const TensorRecord &prev = result.tensors[i - 1];
        const TensorRecord &cur = result.tensors[i];
        if (prev.storageBegin + prev.storageBytes > cur.storageBegin)
            return badHeader(path,
                             "data of tensors '" + prev.name + "' and '" + cur.name + "' overlap");
    }
    for (TensorRecord &record : result.tensors)
        record.storageBegin += result.dataBegin;
    return result;
}

} // namespace mbq::io
