#include "inference/checkpoint_tools.h"

#include "inference/io/safetensors_writer.h"
#include "inference/io/tensor_store.h"

namespace mbq {

namespace {

bool isFloating(io::DType dtype)
{
    switch (dtype) {
    case io::DType::F64:
    case io::DType::F32:
    case io::DType::F16:
    case io::DType::BF16:
    case io::DType::F8_E4M3:
    case io::DType::F8_E5M2:
        return true;
    default:
        return false;
    }
}

// The dtype a tensor is written as: integer and bool tensors are never cast.
io::DType targetDType(io::DType stored, ConvertDType dtype)
{
    if (!isFloating(stored))
        return stored;
    switch (dtype) {
    case ConvertDType::Keep:
        return stored;
    case ConvertDType::F32:
        return io::DType::F32;
    case ConvertDType::F16:
        return io::DType::F16;
    case ConvertDType::BF16:
        return io::DType::BF16;
    }
    return stored;
}

} // namespace

Result<CheckpointInfo> inspectCheckpoint(const std::string &path)
{
    auto store = io::TensorStore::open(path);
    if (!store)
        return store.error();
    CheckpointInfo info;
    info.path = path;
    info.format = store->format();
    info.notes = store->notes();
    for (const auto &[name, record] : store->tensors()) {
        TensorInfo tensor;
        tensor.name = name;
        tensor.dtype = io::dtypeName(record.dtype);
        tensor.shape = record.shape;
        tensor.bytes = io::tensorBytes(record);
        info.totalBytes += tensor.bytes;
        info.parameterCount += int64_t(io::elementCount(record));
        info.tensors.push_back(std::move(tensor));
    }
    return info;
}

bool parseConvertDType(const std::string &name, ConvertDType *out)
{
    static const std::pair<const char *, ConvertDType> kNames[] = {
        {"keep", ConvertDType::Keep},
        {"f32", ConvertDType::F32},
        {"f16", ConvertDType::F16},
        {"bf16", ConvertDType::BF16},
    };
    for (const auto &[text, dtype] : kNames) {
        if (name == text) {
            *out = dtype;
            return true;
        }
    }
    return false;
}

Result<void> convertCheckpoint(const std::string &in, const std::string &out, ConvertDType dtype)
{
    auto opened = io::TensorStore::open(in);
    if (!opened)
        return opened.error();
    const io::TensorStore &store = *opened;
    if (store.tensors().empty())
        return makeError(ErrorCode::InvalidArgument, in + ": holds no tensors; nothing to convert");

    std::vector<io::SafetensorsWriteEntry> entries;
    for (const auto &[name, record] : store.tensors()) {
        io::SafetensorsWriteEntry entry;
        entry.name = name;
        entry.dtype = targetDType(record.dtype, dtype);
        entry.shape = record.shape;
        const io::DType stored = record.dtype;
        const io::DType target = entry.dtype;
        entry.produce = [&store, name = name, stored, target](const io::ByteSink &sink) {
            // Same dtype: the stored bytes as they are (F8 stays raw); else a real cast.
            auto tensor
                = target == stored ? store.load(name) : store.load(name, io::scalarTypeOf(target));
            if (!tensor)
                return Result<void>(tensor.error());
            return sink(tensor->data_ptr(), tensor->nbytes());
        };
        entries.push_back(std::move(entry));
    }
    return io::writeSafetensors(out, std::move(entries), {{"format", "pt"}});
}

} // namespace mbq
