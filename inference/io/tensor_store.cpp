#include "inference/io/tensor_store.h"

#include "inference/io/float8.h"
#include "inference/io/safetensors_reader.h"
#include "inference/io/torch_checkpoint.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <new>

namespace mbq::io {

namespace {

constexpr uint64_t kMaxIndexSize = 100ull * 1024 * 1024;
constexpr size_t kMaxListedPlaceholders = 5;

bool endsWith(const std::string &text, const std::string &suffix)
{
    return text.size() >= suffix.size()
        && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool startsWith(const std::string &text, const std::string &prefix)
{
    return text.compare(0, prefix.size(), prefix) == 0;
}

std::string folderOf(const std::string &path)
{
    const size_t slash = path.rfind('/');
    return slash == std::string::npos ? "." : path.substr(0, slash);
}

// Torch errors are long multi-line reports; the first line says what happened.
std::string firstLine(const char *what)
{
    std::string text = what;
    return text.substr(0, text.find('\n'));
}

at::Tensor decodeFloat8(const at::Tensor &bytes, DType dtype)
{
    float table[256];
    for (int i = 0; i < 256; ++i)
        table[i] = dtype == DType::F8_E4M3 ? decodeF8E4M3(uint8_t(i)) : decodeF8E5M2(uint8_t(i));
    const at::Tensor source = bytes.contiguous();
    at::Tensor result = at::empty(source.sizes(), at::TensorOptions().dtype(at::kFloat));
    const uint8_t *in = source.data_ptr<uint8_t>();
    float *out = result.data_ptr<float>();
    for (int64_t i = 0; i < source.numel(); ++i)
        out[i] = table[in[i]];
    return result;
}

Result<at::Tensor> copyOut(const TensorRecord &record)
{
    auto span = checkedSpan(record);
    if (!span)
        return span.error();
    const size_t elementSize = dtypeSize(record.dtype);
    // Bool bytes are read as uint8 and normalised, so a stray 2 in a file cannot become an
    // invalid bool.
    const at::ScalarType readType
        = record.dtype == DType::BOOL ? at::kByte : scalarTypeOf(record.dtype);
    at::Tensor buffer = at::empty({int64_t(span->count)}, at::TensorOptions().dtype(readType));
    if (span->count > 0)
        std::memcpy(buffer.data_ptr(),
                    record.file->data() + record.storageBegin + span->first * elementSize,
                    span->count * elementSize);
    at::Tensor tensor = record.strides.empty() ? buffer.view(record.shape)
                                               : buffer.as_strided(record.shape, record.strides);
    if (record.dtype == DType::BOOL)
        return tensor.ne(0).contiguous();
    return tensor.contiguous();
}

// Runs a torch computation, turning its exceptions into Errors about `name` in `path`.
template<class F>
Result<at::Tensor> guarded(const std::string &name, const std::string &path, F &&compute)
{
    try {
        return compute();
    } catch (const std::bad_alloc &) {
        return makeError(ErrorCode::OutOfMemory,
                         "out of memory loading tensor '" + name + "' from " + path);
    } catch (const std::exception &e) {
        return makeError(ErrorCode::Internal, "cannot load tensor '" + name + "' from " + path,
                         firstLine(e.what()));
    }
}

} // namespace

at::ScalarType scalarTypeOf(DType dtype)
{
    switch (dtype) {
    case DType::F64:
        return at::kDouble;
    case DType::F32:
        return at::kFloat;
    case DType::F16:
        return at::kHalf;
    case DType::BF16:
        return at::kBFloat16;
    case DType::I64:
        return at::kLong;
    case DType::I32:
        return at::kInt;
    case DType::I16:
        return at::kShort;
    case DType::I8:
        return at::kChar;
    case DType::BOOL:
        return at::kBool;
    case DType::U8:
    case DType::F8_E4M3:
    case DType::F8_E5M2:
        return at::kByte;
    }
    return at::kByte;
}

bool dtypeOf(at::ScalarType type, DType *out)
{
    for (DType dtype : {DType::F64, DType::F32, DType::F16, DType::BF16, DType::I64, DType::I32,
                        DType::I16, DType::I8, DType::U8, DType::BOOL}) {
        if (scalarTypeOf(dtype) == type) {
            *out = dtype;
            return true;
        }
    }
    return false;
}

Result<void> TensorStore::add(TensorRecord record, const KeyMap &keyMap)
{
    const std::string original = record.name;
    record.name = keyMap.apply(original);
    const auto [it, inserted] = m_tensors.emplace(record.name, record);
    if (!inserted)
        return makeError(ErrorCode::InvalidArgument,
                         m_path + ": two tensors are both named '" + record.name
                             + "' after key renaming (one was '" + original + "')");
    return {};
}

Result<TensorStore> TensorStore::open(const std::string &path, const TensorStoreOptions &options)
{
    TensorStore store;
    store.m_path = path;

    if (endsWith(path, ".json")) {
        store.m_format = "safetensors-sharded";
        auto mapped = MappedFile::open(path);
        if (!mapped)
            return mapped.error();
        if ((*mapped)->size() > kMaxIndexSize)
            return makeError(ErrorCode::BadFormat, path + ": index file is implausibly large");
        const char *text = reinterpret_cast<const char *>((*mapped)->data());
        const auto index = nlohmann::json::parse(text, text + (*mapped)->size(), nullptr, false);
        if (index.is_discarded() || !index.is_object() || !index.contains("weight_map")
            || !index["weight_map"].is_object())
            return makeError(ErrorCode::BadFormat,
                             path + ": not a safetensors index (no \"weight_map\" object)");
        std::map<std::string, std::vector<std::string>> namesByShard;
        for (const auto &[name, shard] : index["weight_map"].items()) {
            const std::string file = shard.is_string() ? shard.get<std::string>() : "";
            // Shards sit next to the index; a path could point anywhere on the disk.
            if (file.empty() || file.find('/') != std::string::npos || file == ".." || file == ".")
                return makeError(ErrorCode::BadFormat,
                                 path + ": tensor '" + name + "' maps to an invalid shard name");
            namesByShard[file].push_back(name);
        }
        for (const auto &[file, names] : namesByShard) {
            auto shard = readSafetensors(folderOf(path) + "/" + file);
            if (!shard)
                return shard.error();
            std::map<std::string, TensorRecord> byName;
            for (TensorRecord &record : shard->tensors)
                byName.emplace(record.name, std::move(record));
            for (const std::string &name : names) {
                const auto found = byName.find(name);
                if (found == byName.end())
                    return makeError(ErrorCode::BadFormat,
                                     shard->path + " has no tensor '" + name + "', which " + path
                                         + " lists in it");
                if (auto added = store.add(found->second, options.keyMap); !added)
                    return added.error();
            }
        }
        return store;
    }

    auto mapped = MappedFile::open(path);
    if (!mapped)
        return mapped.error();
    // The extension decides when it is a known one, so a damaged file gets the right reader's
    // message; otherwise the first bytes do.
    bool torchFile = looksLikeTorchFile(**mapped);
    for (const char *extension : {".pth", ".pt", ".ckpt", ".bin"})
        torchFile = torchFile || endsWith(path, extension);
    if (endsWith(path, ".safetensors"))
        torchFile = false;
    if (!torchFile) {
        store.m_format = "safetensors";
        auto file = readSafetensors(path);
        if (!file)
            return file.error();
        for (TensorRecord &record : file->tensors) {
            if (auto added = store.add(std::move(record), options.keyMap); !added)
                return added.error();
        }
        return store;
    }

    auto checkpoint = readTorchCheckpoint(path);
    if (!checkpoint)
        return checkpoint.error();
    store.m_format = checkpoint->format;
    const auto hasRootDict = [&](const std::string &key) {
        return std::find(checkpoint->rootDicts.begin(), checkpoint->rootDicts.end(), key)
            != checkpoint->rootDicts.end();
    };
    std::string subDict = options.subDict;
    if (subDict == "auto") {
        subDict.clear();
        for (const char *candidate : {"state_dict", "module"}) {
            if (hasRootDict(candidate)) {
                subDict = candidate;
                break;
            }
        }
    }
    if (!subDict.empty() && !hasRootDict(subDict))
        return makeError(ErrorCode::NotFound, path + " has no dict '" + subDict + "'");
    store.m_subDict = subDict;
    const std::string prefix = subDict.empty() ? "" : subDict + ".";

    size_t outside = 0;
    for (TensorRecord &record : checkpoint->tensors) {
        if (!startsWith(record.name, prefix)) {
            ++outside;
            continue;
        }
        record.name.erase(0, prefix.size());
        if (auto added = store.add(std::move(record), options.keyMap); !added)
            return added.error();
    }
    for (auto &[name, global] : checkpoint->placeholders) {
        if (startsWith(name, prefix))
            store.m_placeholders.emplace_back(name.substr(prefix.size()), global);
    }

    if (!subDict.empty())
        store.m_notes.push_back("weights are taken from '" + subDict + "'");
    if (outside > 0)
        store.m_notes.push_back(std::to_string(outside) + " tensors outside '" + subDict
                                + "' are ignored");
    if (!checkpoint->placeholders.empty()) {
        std::string note = std::to_string(checkpoint->placeholders.size())
            + " objects of classes mbq does not load were skipped (not executed):";
        for (size_t i = 0; i < checkpoint->placeholders.size() && i < kMaxListedPlaceholders; ++i) {
            const auto &[name, global] = checkpoint->placeholders[i];
            note += (i ? ", " : " ") + global + " at '" + name + "'";
        }
        if (checkpoint->placeholders.size() > kMaxListedPlaceholders)
            note += ", ...";
        store.m_notes.push_back(note);
    }
    return store;
}

Result<const TensorRecord *> TensorStore::record(const std::string &name) const
{
    const auto it = m_tensors.find(name);
    if (it != m_tensors.end())
        return &it->second;
    for (const auto &[where, global] : m_placeholders) {
        if (name == where || startsWith(name, where + "."))
            return makeError(ErrorCode::Unsupported,
                             "tensor '" + name + "' in " + m_path + " is inside an object of class "
                                 + global + ", which mbq does not load from pickles");
    }
    return makeError(ErrorCode::NotFound,
                     "tensor '" + name + "' not found in " + m_path + " ("
                         + std::to_string(m_tensors.size()) + " tensors)");
}

Result<at::Tensor> TensorStore::load(const std::string &name) const
{
    auto found = record(name);
    if (!found)
        return found.error();
    return guarded(name, m_path, [&] { return copyOut(**found); });
}

Result<at::Tensor> TensorStore::load(const std::string &name, at::ScalarType dtype,
                                     at::Device device) const
{
    auto found = record(name);
    if (!found)
        return found.error();
    const TensorRecord &source = **found;
    return guarded(name, m_path, [&]() -> Result<at::Tensor> {
        auto raw = copyOut(source);
        if (!raw)
            return raw;
        at::Tensor tensor = *raw;
        if (isFloat8(source.dtype) && at::isFloatingType(dtype))
            tensor = decodeFloat8(tensor, source.dtype);
        return tensor.to(device, dtype);
    });
}

SafetensorsWriteEntry tensorEntry(const std::string &name, const at::Tensor &tensor)
{
    const at::Tensor values = tensor.to(at::kCPU).contiguous();
    SafetensorsWriteEntry entry;
    entry.name = name;
    TORCH_CHECK(dtypeOf(values.scalar_type(), &entry.dtype), "tensorEntry: ", name, " has dtype ",
                values.scalar_type(), ", which checkpoints do not store");
    entry.shape = values.sizes().vec();
    entry.produce = [values](const ByteSink &sink) {
        return sink(values.data_ptr(), size_t(values.nbytes()));
    };
    return entry;
}

} // namespace mbq::io
