#include "inference/io/atomic_file.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mbq::io {

namespace {

constexpr size_t kBufferSize = 4 << 20;

} // namespace

AtomicFile::AtomicFile(std::string path)
    : m_path(std::move(path))
{ }

AtomicFile::~AtomicFile()
{
    discard();
}

Error AtomicFile::ioError(const std::string &action, int err) const
{
    std::string reason = std::strerror(err);
    if (err == ENOSPC || err == EDQUOT)
        reason = "the disk is full";
    else if (err == EACCES || err == EPERM || err == EROFS)
        reason = "permission denied (" + std::string(std::strerror(err)) + ")";
    return makeError(ErrorCode::Io, "cannot " + action + " " + m_path + ": " + reason);
}

void AtomicFile::discard()
{
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    if (!m_tempPath.empty()) {
        ::unlink(m_tempPath.c_str());
        m_tempPath.clear();
    }
}

Result<void> AtomicFile::open()
{
    // Same folder as the destination, so the final rename never crosses file systems.
    std::string pattern = m_path + ".tmp-XXXXXX";
    m_fd = ::mkostemp(pattern.data(), O_CLOEXEC);
    if (m_fd < 0)
        return ioError("create", errno);
    m_tempPath = pattern;
    // mkostemp creates 0600; a checkpoint is an ordinary document.
    ::fchmod(m_fd, 0644);
    m_buffer.reserve(kBufferSize);
    return {};
}

Result<void> AtomicFile::flushBuffer()
{
    const char *data = m_buffer.data();
    size_t left = m_buffer.size();
    while (left > 0) {
        const ssize_t written = ::write(m_fd, data, left);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            const Error error = ioError("write", errno);
            discard();
            return error;
        }
        data += written;
        left -= size_t(written);
    }
    m_buffer.clear();
    return {};
}

Result<void> AtomicFile::write(const void *data, size_t size)
{
    if (m_fd < 0)
        return makeError(ErrorCode::Internal, "write to " + m_path + " after it was closed");
    const char *bytes = static_cast<const char *>(data);
    while (size > 0) {
        const size_t chunk = std::min(size, kBufferSize - m_buffer.size());
        m_buffer.insert(m_buffer.end(), bytes, bytes + chunk);
        bytes += chunk;
        size -= chunk;
        if (m_buffer.size() == kBufferSize) {
            if (auto flushed = flushBuffer(); !flushed)
                return flushed;
        }
    }
    return {};
}

Result<void> AtomicFile::commit()
{
    if (m_fd < 0)
        return makeError(ErrorCode::Internal, "commit of " + m_path + " after it was closed");
    if (auto flushed = flushBuffer(); !flushed)
        return flushed;
    // Delayed allocation can report a full disk only at fsync or close.
    const bool synced = ::fsync(m_fd) == 0;
    const int syncError = errno;
    const bool closed = ::close(m_fd) == 0;
    const int closeError = errno;
    m_fd = -1;
    if (!synced || !closed) {
        const Error error = ioError("write", synced ? closeError : syncError);
        discard();
        return error;
    }
    if (::rename(m_tempPath.c_str(), m_path.c_str()) != 0) {
        const Error error = ioError("replace", errno);
        discard();
        return error;
    }
    m_tempPath.clear();
    return {};
}

} // namespace mbq::io
