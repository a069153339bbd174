#pragma once
// Minimal zip reader for torch.save archives: parses the central directory (ZIP64 included,
// since real checkpoints exceed 4 GB) and locates each entry's bytes in the mapped file. torch
// stores entries uncompressed; only such entries can be read.

#include "inference/io/mapped_file.h"
#include "inference/result.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>

namespace mbq::io {

struct ZipEntry
{
    std::string name;
    uint64_t dataOffset = 0; // file offset of the entry's bytes
    uint64_t size = 0; // uncompressed size
    uint16_t method = 0; // 0 = stored
};

class ZipArchive
{
public:
    static Result<ZipArchive> open(std::shared_ptr<const MappedFile> file);

    const std::map<std::string, ZipEntry> &entries() const { return m_entries; }
    const ZipEntry *find(const std::string &name) const;
    // The entry's bytes; Unsupported for compressed entries.
    Result<ZipEntry> stored(const std::string &name) const;

private:
    std::shared_ptr<const MappedFile> m_file;
    std::map<std::string, ZipEntry> m_entries;
};

} // namespace mbq::io
