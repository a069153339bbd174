#pragma once
// A whole file mapped read-only. Checkpoints are gigabytes: mapping costs nothing until a page
// is touched, so headers can be parsed and single tensors copied out without reading the rest.
// Shared by every lazy tensor source of the file, which keeps the mapping alive.

#include "inference/result.h"

#include <cstdint>
#include <memory>
#include <string>

namespace mbq::io {

class MappedFile
{
public:
    static Result<std::shared_ptr<const MappedFile>> open(const std::string &path);
    ~MappedFile();

    MappedFile(const MappedFile &) = delete;
    MappedFile &operator=(const MappedFile &) = delete;

    const std::string &path() const { return m_path; }
    uint64_t size() const { return m_size; }
    const uint8_t *data() const { return m_data; }

    // True when [offset, offset + length) lies inside the file (overflow-safe).
    bool contains(uint64_t offset, uint64_t length) const
    {
        return offset <= m_size && length <= m_size - offset;
    }

private:
    MappedFile() = default;

    std::string m_path;
    const uint8_t *m_data = nullptr;
    uint64_t m_size = 0;
};

} // namespace mbq::io
