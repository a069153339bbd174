#include "inference/io/zip_reader.h"

#include <cstring>

namespace mbq::io {

namespace {

constexpr uint32_t kLocalHeaderSig = 0x04034b50;
constexpr uint32_t kCentralHeaderSig = 0x02014b50;
constexpr uint32_t kEndSig = 0x06054b50;
constexpr uint32_t kZip64EndSig = 0x06064b50;
constexpr uint32_t kZip64LocatorSig = 0x07064b50;
constexpr uint16_t kZip64ExtraId = 0x0001;
constexpr uint64_t kEndRecordSize = 22;
constexpr uint64_t kMaxComment = 0xffff;
constexpr uint64_t kCentralHeaderSize = 46;
constexpr uint64_t kLocalHeaderSize = 30;
constexpr uint64_t kMaxEntries = 1u << 22; // a checkpoint has one entry per storage

// Little-endian reads at a byte offset the caller has bounds-checked.
uint16_t u16(const uint8_t *p)
{
    return uint16_t(p[0] | (p[1] << 8));
}

uint32_t u32(const uint8_t *p)
{
    return uint32_t(p[0]) | (uint32_t(p[1]) << 8) | (uint32_t(p[2]) << 16) | (uint32_t(p[3]) << 24);
}

uint64_t u64(const uint8_t *p)
{
    return uint64_t(u32(p)) | (uint64_t(u32(p + 4)) << 32);
}

class Parser
{
public:
    explicit Parser(const MappedFile &file)
        : m_file(file)
    { }

    Error bad(const std::string &problem, uint64_t offset) const
    {
        return makeError(ErrorCode::BadFormat,
                         m_file.path() + ": bad zip archive: " + problem + " (at byte "
                             + std::to_string(offset) + ")");
    }

    bool has(uint64_t offset, uint64_t length) const { return m_file.contains(offset, length); }
    const uint8_t *at(uint64_t offset) const { return m_file.data() + offset; }

    // Finds the end-of-central-directory record: it is followed only by a comment (<= 64 KiB).
    Result<uint64_t> findEnd() const
    {
        const uint64_t size = m_file.size();
        if (size < kEndRecordSize)
            return bad("file too short for a zip end record", 0);
        const uint64_t last = size - kEndRecordSize;
        const uint64_t first = last > kMaxComment ? last - kMaxComment : 0;
        for (uint64_t pos = last + 1; pos-- > first;) {
            if (u32(at(pos)) == kEndSig && pos + kEndRecordSize + u16(at(pos + 20)) == size)
                return pos;
        }
        return bad("no end-of-central-directory record", last);
    }

    // Applies the ZIP64 extra field to the 32-bit values that hold the 0xffffffff marker.
    Result<void> applyZip64(const uint8_t *extra, uint64_t extraLength, uint64_t headerOffset,
                            uint64_t *size, uint64_t *compressed, uint64_t *localOffset) const
    {
        uint64_t pos = 0;
        while (pos + 4 <= extraLength) {
            const uint16_t id = u16(extra + pos);
            const uint16_t length = u16(extra + pos + 2);
            if (pos + 4 + length > extraLength)
                return bad("extra field runs past its header", headerOffset);
            if (id == kZip64ExtraId) {
                const uint8_t *field = extra + pos + 4;
                uint64_t used = 0;
                for (uint64_t *value : {size, compressed, localOffset}) {
                    if (*value != 0xffffffffu)
                        continue;
                    if (used + 8 > length)
                        return bad("ZIP64 extra field too short", headerOffset);
                    *value = u64(field + used);
                    used += 8;
                }
                return {};
            }
            pos += 4 + length;
        }
        if (*size == 0xffffffffu || *compressed == 0xffffffffu || *localOffset == 0xffffffffu)
            return bad("ZIP64 sizes announced but no ZIP64 extra field", headerOffset);
        return {};
    }

    Result<std::map<std::string, ZipEntry>> parse() const
    {
        auto end = findEnd();
        if (!end)
            return end.error();
        const uint8_t *record = at(*end);
        uint64_t count = u16(record + 10);
        uint64_t directorySize = u32(record + 12);
        uint64_t directoryOffset = u32(record + 16);

        // ZIP64: a locator just before the end record points at the ZIP64 end record.
        if (*end >= 20 && u32(at(*end - 20)) == kZip64LocatorSig) {
            const uint64_t zip64End = u64(at(*end - 20 + 8));
            if (!has(zip64End, 56) || u32(at(zip64End)) != kZip64EndSig)
                return bad("ZIP64 locator points at no ZIP64 end record", *end - 20);
            count = u64(at(zip64End + 32));
            directorySize = u64(at(zip64End + 40));
            directoryOffset = u64(at(zip64End + 48));
        }
        if (count > kMaxEntries)
            return bad(std::to_string(count) + " entries is more than a checkpoint has", *end);
        if (!has(directoryOffset, directorySize))
            return bad("central directory lies outside the file", *end);

        std::map<std::string, ZipEntry> entries;
        uint64_t pos = directoryOffset;
        const uint64_t directoryEnd = directoryOffset + directorySize;
        for (uint64_t i = 0; i < count; ++i) {
            if (pos + kCentralHeaderSize > directoryEnd || u32(at(pos)) != kCentralHeaderSig)
                return bad("central directory entry " + std::to_string(i) + " is missing", pos);
            const uint8_t *h = at(pos);
            ZipEntry entry;
            entry.method = u16(h + 10);
            uint64_t compressed = u32(h + 20);
            entry.size = u32(h + 24);
            const uint64_t nameLength = u16(h + 28);
            const uint64_t extraLength = u16(h + 30);
            const uint64_t commentLength = u16(h + 32);
            uint64_t localOffset = u32(h + 42);
            const uint64_t next
                = pos + kCentralHeaderSize + nameLength + extraLength + commentLength;
            if (next > directoryEnd)
                return bad("central directory entry runs past the directory", pos);
            entry.name.assign(reinterpret_cast<const char *>(h + kCentralHeaderSize), nameLength);
            auto zip64 = applyZip64(h + kCentralHeaderSize + nameLength, extraLength, pos,
                                    &entry.size, &compressed, &localOffset);
            if (!zip64)
                return zip64.error();
            if (entry.method == 0 && compressed != entry.size)
                return bad("stored entry '" + entry.name + "' has different sizes", pos);

            // The local header repeats name and extra field with its own lengths; data follows.
            if (!has(localOffset, kLocalHeaderSize) || u32(at(localOffset)) != kLocalHeaderSig)
                return bad("entry '" + entry.name + "' has no local header", localOffset);
            entry.dataOffset = localOffset + kLocalHeaderSize + u16(at(localOffset + 26))
                + u16(at(localOffset + 28));
            if (!has(entry.dataOffset, compressed))
                return bad("entry '" + entry.name + "' runs past the end of the file",
                           entry.dataOffset);
            entries[entry.name] = entry;
            pos = next;
        }
        return entries;
    }

private:
    const MappedFile &m_file;
};

} // namespace

Result<ZipArchive> ZipArchive::open(std::shared_ptr<const MappedFile> file)
{
    auto entries = Parser(*file).parse();
    if (!entries)
        return entries.error();
    ZipArchive archive;
    archive.m_file = std::move(file);
    archive.m_entries = std::move(*entries);
    return archive;
}

const ZipEntry *ZipArchive::find(const std::string &name) const
{
    const auto it = m_entries.find(name);
    return it == m_entries.end() ? nullptr : &it->second;
}

Result<ZipEntry> ZipArchive::stored(const std::string &name) const
{
    const ZipEntry *entry = find(name);
    if (!entry)
        return makeError(ErrorCode::BadFormat,
                         m_file->path() + ": zip archive has no entry '" + name + "'");
    if (entry->method != 0)
        return makeError(ErrorCode::Unsupported,
                         m_file->path() + ": zip entry '" + name + "' is compressed (method "
                             + std::to_string(entry->method)
                             + "); torch.save writes uncompressed entries, re-save the file");
    return *entry;
}

} // namespace mbq::io
