#include "inference/io/torch_checkpoint.h"

#include "inference/io/checked_math.h"
#include "inference/io/torch_unpickler.h"
#include "inference/io/zip_reader.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <unordered_set>

namespace mbq::io {

namespace {

using pickle::Kind;
using pickle::Node;

constexpr int kMaxDepth = 256; // a state dict nests a handful of levels
constexpr int64_t kLegacyProtocol = 1001;
// torch.serialization.MAGIC_NUMBER, 0x1950a86a20f9469cfc6c, as LONG1 little-endian bytes.
constexpr uint8_t kLegacyMagic[] = {0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19};

Error bad(const std::string &path, const std::string &problem)
{
    return makeError(ErrorCode::BadFormat, path + ": " + problem);
}

// Where each storage's bytes are: key -> (file offset, byte count).
using StorageSpans = std::map<std::string, std::pair<uint64_t, uint64_t>>;

// Collects tensors and placeholders reachable from the root. Containers are visited once, so
// shared or cyclic structures cannot make the walk loop or blow up exponentially; tensors may
// appear under several names (tied weights).
class Walker
{
public:
    Walker(TorchCheckpoint &out, const StorageSpans &spans,
           const std::shared_ptr<const MappedFile> &file)
        : m_out(out)
        , m_spans(spans)
        , m_file(file)
    { }

    Result<void> walk(const Node *node, const std::string &name, int depth)
    {
        if (depth > kMaxDepth)
            return bad(m_out.path,
                       "objects nested deeper than " + std::to_string(kMaxDepth) + " levels at '"
                           + name.substr(0, 200) + "...'");
        switch (node->kind) {
        case Kind::Tensor:
            return addTensor(node, name);
        case Kind::Placeholder:
            m_out.placeholders.emplace_back(name, node->text);
            return {};
        case Kind::Dict:
        case Kind::List:
        case Kind::Tuple:
            if (!m_visited.insert(node).second)
                return {};
            break;
        default:
            return {}; // numbers, strings, bare storages and globals hold no tensors
        }
        const auto child
            = [&](const std::string &key) { return name.empty() ? key : name + "." + key; };
        if (node->kind == Kind::Dict) {
            for (const auto &[key, value] : node->entries) {
                std::string keyText;
                if (key->kind == Kind::Str)
                    keyText = key->text;
                else if (key->kind == Kind::Int)
                    keyText = std::to_string(key->integer);
                else
                    continue; // tuple or object keys never name weights
                if (depth == 0 && key->kind == Kind::Str && value->kind == Kind::Dict)
                    m_out.rootDicts.push_back(keyText);
                if (auto walked = walk(value, child(keyText), depth + 1); !walked)
                    return walked;
            }
        } else {
            for (size_t i = 0; i < node->items.size(); ++i) {
                if (auto walked = walk(node->items[i], child(std::to_string(i)), depth + 1);
                    !walked)
                    return walked;
            }
        }
        return {};
    }

private:
    Result<void> addTensor(const Node *node, const std::string &name)
    {
        const Node *storage = node->storage;
        const auto span = m_spans.find(storage->text);
        if (span == m_spans.end())
            return bad(m_out.path,
                       "tensor '" + name + "' uses storage '" + storage->text
                           + "', which the file does not contain");
        TensorRecord record;
        record.name = name;
        record.dtype = node->dtype;
        record.shape = node->sizes;
        record.strides = node->strides;
        record.storageOffset = node->storageOffset;
        record.file = m_file;
        record.storageBegin = span->second.first;
        record.storageBytes = span->second.second;
        record.storageKey = storage->text;
        if (auto checked = checkedSpan(record); !checked)
            return checked.error();
        m_out.tensors.push_back(std::move(record));
        return {};
    }

    TorchCheckpoint &m_out;
    const StorageSpans &m_spans;
    const std::shared_ptr<const MappedFile> &m_file;
    std::unordered_set<const Node *> m_visited;
};

Result<const Node *> readZip(const std::shared_ptr<const MappedFile> &file, pickle::Graph &graph,
                             StorageSpans *spans)
{
    auto archive = ZipArchive::open(file);
    if (!archive)
        return archive.error();

    // torch names the root folder after the file stem ("archive" in torch 2.x); find it by its
    // data.pkl one level down.
    std::string root;
    for (const auto &[name, entry] : archive->entries()) {
        const size_t slash = name.find('/');
        if (slash != std::string::npos
            && name.compare(slash, std::string::npos, "/data.pkl") == 0) {
            root = name.substr(0, slash + 1);
            break;
        }
    }
    if (root.empty())
        return bad(file->path(), "zip archive has no <root>/data.pkl; not a torch.save file");
    const ZipEntry *order = archive->find(root + "byteorder");
    if (order && order->method == 0) {
        const std::string value(reinterpret_cast<const char *>(file->data() + order->dataOffset),
                                std::min<uint64_t>(order->size, 16));
        if (value != "little")
            return makeError(ErrorCode::Unsupported,
                             file->path() + ": tensors are stored big-endian");
    }

    auto pkl = archive->stored(root + "data.pkl");
    if (!pkl)
        return pkl.error();
    pickle::Unpickler unpickler(graph, file->path() + " (" + root + "data.pkl)");
    size_t consumed = 0;
    auto object = unpickler.load(file->data() + pkl->dataOffset, pkl->size, 0, &consumed);
    if (!object)
        return object.error();

    for (const auto &[key, storage] : unpickler.storages()) {
        auto entry = archive->stored(root + "data/" + key);
        if (!entry)
            return entry.error();
        (*spans)[key] = {entry->dataOffset, entry->size};
    }
    return static_cast<const Node *>(*object);
}

Result<const Node *> readLegacy(const std::shared_ptr<const MappedFile> &file, pickle::Graph &graph,
                                StorageSpans *spans)
{
    const std::string &path = file->path();
    pickle::Unpickler unpickler(graph, path);
    uint64_t pos = 0;
    const auto next = [&]() -> Result<Node *> {
        size_t consumed = 0;
        auto node = unpickler.load(file->data() + pos, file->size() - pos, pos, &consumed);
        if (node)
            pos += consumed;
        return node;
    };

    auto magic = next();
    if (!magic)
        return magic.error();
    if ((*magic)->kind != Kind::BigInt || (*magic)->text.size() != sizeof kLegacyMagic
        || std::memcmp((*magic)->text.data(), kLegacyMagic, sizeof kLegacyMagic) != 0)
        return bad(path, "not a torch.save file (wrong magic number)");
    auto protocol = next();
    if (!protocol)
        return protocol.error();
    if ((*protocol)->kind != Kind::Int || (*protocol)->integer != kLegacyProtocol)
        return makeError(ErrorCode::Unsupported, path + ": unsupported torch legacy protocol");
    auto sysInfo = next();
    if (!sysInfo)
        return sysInfo.error();
    for (const auto &[key, value] : (*sysInfo)->entries) {
        if (key->kind == Kind::Str && key->text == "little_endian" && value->kind == Kind::Bool
            && !value->integer)
            return makeError(ErrorCode::Unsupported, path + ": tensors are stored big-endian");
    }
    auto object = next();
    if (!object)
        return object.error();
    auto keys = next();
    if (!keys)
        return keys.error();
    if ((*keys)->kind != Kind::List)
        return bad(path, "storage key list is missing");

    // Storages follow in the listed order, each as an int64 element count and the raw bytes.
    for (const Node *key : (*keys)->items) {
        const auto storage = unpickler.storages().find(key->text);
        if (key->kind != Kind::Str || storage == unpickler.storages().end())
            return bad(path, "storage key list names an unknown storage");
        if (!file->contains(pos, 8))
            return bad(path,
                       "file ends inside storage '" + key->text + "' (byte " + std::to_string(pos)
                           + ")");
        int64_t count = 0;
        std::memcpy(&count, file->data() + pos, 8);
        uint64_t bytes = 0;
        if (count < 0 || !checkedMul(uint64_t(count), dtypeSize(storage->second->dtype), &bytes)
            || !file->contains(pos + 8, bytes))
            return bad(path,
                       "storage '" + key->text + "' declares " + std::to_string(count)
                           + " elements, more than the file holds" + " (byte " + std::to_string(pos)
                           + ")");
        (*spans)[key->text] = {pos + 8, bytes};
        pos += 8 + bytes;
    }
    return static_cast<const Node *>(*object);
}

} // namespace

bool looksLikeTorchFile(const MappedFile &file)
{
    const uint8_t *p = file.data();
    return (file.size() >= 4 && std::memcmp(p, "PK\x03\x04", 4) == 0)
        || (file.size() >= 2 && p[0] == 0x80 && p[1] >= 2);
}

Result<TorchCheckpoint> readTorchCheckpoint(const std::string &path)
{
    auto mapped = MappedFile::open(path);
    if (!mapped)
        return mapped.error();
    const std::shared_ptr<const MappedFile> file = *mapped;

    TorchCheckpoint checkpoint;
    checkpoint.path = path;
    pickle::Graph graph;
    StorageSpans spans;
    Result<const Node *> root = bad(path, "empty file");
    if (file->size() >= 4 && std::memcmp(file->data(), "PK", 2) == 0) {
        checkpoint.format = "torch-zip";
        root = readZip(file, graph, &spans);
    } else if (file->size() >= 2 && file->data()[0] == 0x80) {
        checkpoint.format = "torch-legacy";
        root = readLegacy(file, graph, &spans);
    } else if (file->size() > 262 && std::memcmp(file->data() + 257, "ustar", 5) == 0) {
        return makeError(ErrorCode::Unsupported,
                         path + ": torch tar checkpoint (from torch before 0.4) is not supported");
    } else if (file->size() > 0) {
        return bad(path, "not a torch.save file (neither zip nor pickle)");
    }
    if (!root)
        return root.error();

    Walker walker(checkpoint, spans, file);
    if (auto walked = walker.walk(*root, "", 0); !walked)
        return walked.error();
    return checkpoint;
}

} // namespace mbq::io
