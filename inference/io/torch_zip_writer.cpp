#include "inference/io/torch_zip_writer.h"

#include "inference/io/atomic_file.h"

#include <array>
#include <cstring>
#include <limits>

namespace mbq::io {

namespace {

constexpr uint64_t kAlignment = 64; // torch aligns storages so they can be mapped directly

uint32_t crc32(const void *data, size_t size)
{
    static const std::array<uint32_t, 256> table = [] {
        std::array<uint32_t, 256> t{};
        for (uint32_t i = 0; i < 256; ++i) {
            uint32_t c = i;
            for (int k = 0; k < 8; ++k)
                c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    uint32_t crc = 0xFFFFFFFFu;
    const auto *bytes = static_cast<const uint8_t *>(data);
    for (size_t i = 0; i < size; ++i)
        crc = table[(crc ^ bytes[i]) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

const char *storageClass(DType dtype)
{
    switch (dtype) {
    case DType::F64: return "DoubleStorage";
    case DType::F32: return "FloatStorage";
    case DType::F16: return "HalfStorage";
    case DType::BF16: return "BFloat16Storage";
    case DType::I64: return "LongStorage";
    case DType::I32: return "IntStorage";
    case DType::I16: return "ShortStorage";
    case DType::I8: return "CharStorage";
    case DType::U8: return "ByteStorage";
    case DType::BOOL: return "BoolStorage";
    default: return nullptr;
    }
}

// Little-endian byte buffer.
class Bytes
{
public:
    void u8(uint8_t v) { m_data.push_back(char(v)); }
    void u16(uint16_t v) { raw(&v, 2); }
    void u32(uint32_t v) { raw(&v, 4); }
    void raw(const void *data, size_t size)
    {
        m_data.append(static_cast<const char *>(data), size);
    }
    void text(const std::string &s) { m_data += s; }
    const std::string &data() const { return m_data; }

private:
    std::string m_data;
};

// The few pickle opcodes a state dict needs (Lib/pickletools.py names).
class Pickle
{
public:
    Pickle()
    {
        m_out.u8(0x80); // PROTO
        m_out.u8(2);
    }
    void mark() { m_out.u8('('); }
    void tuple() { m_out.u8('t'); }
    void emptyTuple() { m_out.u8(')'); }
    void reduce() { m_out.u8('R'); }
    void setItems() { m_out.u8('u'); }
    void persistentId() { m_out.u8('Q'); } // BINPERSID
    void newFalse() { m_out.u8(0x89); }
    void stop() { m_out.u8('.'); }
    void global(const char *module, const char *name)
    {
        m_out.u8('c');
        m_out.text(std::string(module) + "\n" + name + "\n");
    }
    void string(const std::string &s) // BINUNICODE
    {
        m_out.u8('X');
        m_out.u32(uint32_t(s.size()));
        m_out.text(s);
    }
    void integer(int64_t v)
    {
        if (v >= std::numeric_limits<int32_t>::min() && v <= std::numeric_limits<int32_t>::max()) {
            m_out.u8('J'); // BININT
            const int32_t small = int32_t(v);
            m_out.raw(&small, 4);
        } else {
            m_out.u8(0x8a); // LONG1, 8 bytes two's complement
            m_out.u8(8);
            m_out.raw(&v, 8);
        }
    }
    void emptyOrderedDict()
    {
        global("collections", "OrderedDict");
        emptyTuple();
        reduce();
    }
    const std::string &data() const { return m_out.data(); }

private:
    Bytes m_out;
};

struct Member
{
    std::string name;
    const void *data;
    size_t size;
};

} // namespace

Result<void> writeTorchStateDict(const std::string &path,
                                 const std::vector<TorchWriteEntry> &entries)
{
    Pickle pickle;
    pickle.emptyOrderedDict();
    pickle.mark();
    for (size_t i = 0; i < entries.size(); ++i) {
        const TorchWriteEntry &entry = entries[i];
        const char *storage = storageClass(entry.dtype);
        if (!storage)
            return makeError(ErrorCode::Unsupported, path + ": cannot write a "
                                                         + dtypeName(entry.dtype) + " tensor ('"
                                                         + entry.name + "') to a torch file");
        uint64_t count = 1;
        for (int64_t d : entry.shape)
            count *= uint64_t(d);
        if (count * dtypeSize(entry.dtype) != entry.bytes)
            return makeError(ErrorCode::InvalidArgument,
                             path + ": tensor '" + entry.name + "' has " + std::to_string(entry.bytes)
                                 + " bytes, its shape needs "
                                 + std::to_string(count * dtypeSize(entry.dtype)));
        pickle.string(entry.name);
        pickle.global("torch._utils", "_rebuild_tensor_v2");
        pickle.mark();
        pickle.mark(); // persistent id: ('storage', class, key, location, numel)
        pickle.string("storage");
        pickle.global("torch", storage);
        pickle.string(std::to_string(i));
        pickle.string("cpu");
        pickle.integer(int64_t(count));
        pickle.tuple();
        pickle.persistentId();
        pickle.integer(0);
        pickle.mark();
        for (int64_t d : entry.shape)
            pickle.integer(d);
        pickle.tuple();
        pickle.mark();
        int64_t stride = 1;
        std::vector<int64_t> strides(entry.shape.size());
        for (size_t k = entry.shape.size(); k-- > 0;) {
            strides[k] = stride;
            stride *= entry.shape[k];
        }
        for (int64_t s : strides)
            pickle.integer(s);
        pickle.tuple();
        pickle.newFalse();
        pickle.emptyOrderedDict();
        pickle.tuple();
        pickle.reduce();
    }
    pickle.setItems();
    pickle.stop();

    static const char kVersion[] = "3\n";
    static const char kByteOrder[] = "little";
    std::vector<Member> members{{"archive/data.pkl", pickle.data().data(), pickle.data().size()},
                                {"archive/byteorder", kByteOrder, sizeof(kByteOrder) - 1}};
    for (size_t i = 0; i < entries.size(); ++i)
        members.push_back({"archive/data/" + std::to_string(i), entries[i].data, entries[i].bytes});
    members.push_back({"archive/version", kVersion, sizeof(kVersion) - 1});

    if (members.size() > 0xFFFF)
        return makeError(ErrorCode::Unsupported,
                         path + ": too many tensors for a plain zip; write safetensors instead");
    AtomicFile file(path);
    if (auto opened = file.open(); !opened)
        return opened;
    uint64_t offset = 0;
    Bytes central;
    for (const Member &member : members) {
        const uint32_t crc = crc32(member.data, member.size);
        // Extra field padding puts the data on a 64-byte boundary, as torch's writer does.
        const uint64_t headerEnd = offset + 30 + member.name.size() + 4;
        const uint16_t padding = uint16_t((kAlignment - headerEnd % kAlignment) % kAlignment);
        if (offset + 30 + member.name.size() + 4 + padding + member.size
            > std::numeric_limits<uint32_t>::max())
            return makeError(ErrorCode::Unsupported,
                             path + ": too large for a plain zip; write safetensors instead");
        Bytes local;
        local.u32(0x04034b50);
        local.u16(20);
        local.u16(0);
        local.u16(0); // stored
        local.u16(0);
        local.u16(0x21); // 1980-01-01, fixed so equal inputs give equal files
        local.u32(crc);
        local.u32(uint32_t(member.size));
        local.u32(uint32_t(member.size));
        local.u16(uint16_t(member.name.size()));
        local.u16(uint16_t(4 + padding));
        local.text(member.name);
        local.u16(0x4246); // "FB", torch's padding field
        local.u16(padding);
        local.text(std::string(padding, 'Z'));
        if (auto w = file.write(local.data().data(), local.data().size()); !w)
            return w;
        if (member.size > 0) {
            if (auto w = file.write(member.data, member.size); !w)
                return w;
        }
        central.u32(0x02014b50);
        central.u16(20);
        central.u16(20);
        central.u16(0);
        central.u16(0);
        central.u16(0);
        central.u16(0x21);
        central.u32(crc);
        central.u32(uint32_t(member.size));
        central.u32(uint32_t(member.size));
        central.u16(uint16_t(member.name.size()));
        central.u16(0);
        central.u16(0);
        central.u16(0);
        central.u16(0);
        central.u32(0);
        central.u32(uint32_t(offset));
        central.text(member.name);
        offset += local.data().size() + member.size;
    }
    Bytes end;
    end.u32(0x06054b50);
    end.u16(0);
    end.u16(0);
    end.u16(uint16_t(members.size()));
    end.u16(uint16_t(members.size()));
    end.u32(uint32_t(central.data().size()));
    end.u32(uint32_t(offset));
    end.u16(0);
    if (auto w = file.write(central.data().data(), central.data().size()); !w)
        return w;
    if (auto w = file.write(end.data().data(), end.data().size()); !w)
        return w;
    return file.commit();
}

} // namespace mbq::io
