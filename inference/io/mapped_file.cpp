#include "inference/io/mapped_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mbq::io {

Result<std::shared_ptr<const MappedFile>> MappedFile::open(const std::string &path)
{
    // O_NONBLOCK: opening a FIFO by mistake must not wait for a writer forever; it then fails
    // the regular-file check below. Regular files ignore the flag.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        const int err = errno;
        const ErrorCode code = err == ENOENT ? ErrorCode::NotFound : ErrorCode::Io;
        return makeError(code, "cannot open " + path + ": " + std::strerror(err));
    }
    struct stat st = {};
    if (::fstat(fd, &st) != 0) {
        const int err = errno;
        ::close(fd);
        return makeError(ErrorCode::Io, "cannot read " + path + ": " + std::strerror(err));
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        return makeError(
            ErrorCode::InvalidArgument,
            path + (S_ISDIR(st.st_mode) ? " is a folder, not a file" : " is not a regular file"));
    }

    std::shared_ptr<MappedFile> file(new MappedFile);
    file->m_path = path;
    file->m_size = uint64_t(st.st_size);
    // mmap rejects a zero length; an empty file simply has no bytes to point at.
    if (file->m_size > 0) {
        void *addr = ::mmap(nullptr, file->m_size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (addr == MAP_FAILED) {
            const int err = errno;
            ::close(fd);
            return makeError(ErrorCode::Io, "cannot map " + path + ": " + std::strerror(err));
        }
        file->m_data = static_cast<const uint8_t *>(addr);
    }
    ::close(fd); // the mapping stays valid without the descriptor
    return std::shared_ptr<const MappedFile>(std::move(file));
}

MappedFile::~MappedFile()
{
    if (m_data)
        ::munmap(const_cast<uint8_t *>(m_data), m_size);
}

} // namespace mbq::io
