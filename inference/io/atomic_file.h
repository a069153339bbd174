#pragma once
// Writes a file atomically: bytes go to a temporary file in the destination's folder, which is
// renamed over the destination only after everything was written and flushed. A failure (disk
// full, permission denied) removes the temporary file and leaves the destination untouched.

#include "inference/result.h"

#include <cstddef>
#include <string>
#include <vector>

namespace mbq::io {

class AtomicFile
{
public:
    explicit AtomicFile(std::string path);
    ~AtomicFile(); // removes the temporary file unless commit() succeeded

    AtomicFile(const AtomicFile &) = delete;
    AtomicFile &operator=(const AtomicFile &) = delete;

    Result<void> open();
    Result<void> write(const void *data, size_t size);
    Result<void> commit(); // flush, fsync, rename over the destination

private:
    Result<void> flushBuffer();
    Error ioError(const std::string &action, int err) const;
    void discard();

    std::string m_path;
    std::string m_tempPath;
    int m_fd = -1;
    std::vector<char> m_buffer; // batches small writes (headers, small tensors)
};

} // namespace mbq::io
