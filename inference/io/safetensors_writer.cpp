#include "inference/io/safetensors_writer.h"

#include "inference/io/atomic_file.h"
#include "inference/io/checked_math.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace mbq::io {

Result<void> writeSafetensors(const std::string &path, std::vector<SafetensorsWriteEntry> entries,
                              const std::map<std::string, std::string> &metadata)
{
    std::sort(entries.begin(), entries.end(),
              [](const SafetensorsWriteEntry &a, const SafetensorsWriteEntry &b) {
                  return a.name < b.name;
              });

    // nlohmann::json objects are std::maps: the dump lists keys sorted, whatever the insert order.
    nlohmann::json header = nlohmann::json::object();
    if (!metadata.empty())
        header["__metadata__"] = metadata;
    std::vector<uint64_t> sizes;
    uint64_t offset = 0;
    for (size_t i = 0; i < entries.size(); ++i) {
        const SafetensorsWriteEntry &entry = entries[i];
        if (entry.name.empty() || entry.name == "__metadata__")
            return makeError(ErrorCode::InvalidArgument,
                             "cannot write " + path + ": invalid tensor name '" + entry.name + "'");
        if (i > 0 && entries[i - 1].name == entry.name)
            return makeError(ErrorCode::InvalidArgument,
                             "cannot write " + path + ": tensor '" + entry.name + "' twice");
        uint64_t count = 0;
        uint64_t bytes = 0;
        uint64_t end = 0;
        if (!checkedElementCount(entry.shape, &count)
            || !checkedMul(count, dtypeSize(entry.dtype), &bytes)
            || !checkedAdd(offset, bytes, &end))
            return makeError(ErrorCode::InvalidArgument,
                             "cannot write " + path + ": tensor '" + entry.name
                                 + "' has a bad shape");
        header[entry.name] = {{"dtype", dtypeName(entry.dtype)},
                              {"shape", entry.shape},
                              {"data_offsets", {offset, end}}};
        sizes.push_back(bytes);
        offset = end;
    }

    std::string text = header.dump();
    text.append((8 - text.size() % 8) % 8, ' ');
    const uint64_t headerSize = text.size();

    AtomicFile file(path);
    if (auto opened = file.open(); !opened)
        return opened;
    if (auto written = file.write(&headerSize, 8); !written)
        return written;
    if (auto written = file.write(text.data(), text.size()); !written)
        return written;
    for (size_t i = 0; i < entries.size(); ++i) {
        uint64_t emitted = 0;
        const ByteSink sink = [&](const void *data, size_t size) -> Result<void> {
            emitted += size;
            if (emitted > sizes[i])
                return makeError(ErrorCode::Internal,
                                 "tensor '" + entries[i].name + "' produced too many bytes");
            return file.write(data, size);
        };
        if (!entries[i].produce)
            return makeError(ErrorCode::InvalidArgument,
                             "cannot write " + path + ": tensor '" + entries[i].name
                                 + "' has no data");
        if (auto produced = entries[i].produce(sink); !produced)
            return produced;
        if (emitted != sizes[i])
            return makeError(ErrorCode::Internal,
                             "tensor '" + entries[i].name + "' produced " + std::to_string(emitted)
                                 + " bytes instead of " + std::to_string(sizes[i]));
    }
    return file.commit();
}

} // namespace mbq::io
