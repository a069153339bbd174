#pragma once
// Result<T>: a value or an Error. Nothing throws across the engine's boundary or the worker
// thread; every fallible engine call returns one of these. Header-only, no torch, no Qt.

#include <string>
#include <utility>
#include <variant>

namespace mbq {

enum class ErrorCode {
    InvalidArgument, // a request or setting the caller can fix
    NotFound,        // a file, folder, tensor or key that does not exist
    BadFormat,       // a file that exists but is malformed, truncated or hostile
    Unsupported,     // valid input we do not handle (yet)
    OutOfMemory,     // device or host memory; the message offers a smaller setting
    Io,              // read/write failures: permissions, disk full
    Cancelled,       // the user asked to stop
    Internal,        // a bug: an invariant did not hold
};

const char *errorCodeName(ErrorCode code);

struct Error
{
    ErrorCode code = ErrorCode::Internal;
    std::string message; // one line for the user: names the file/setting and the problem
    std::string detail;  // optional extra context for logs and "details" buttons

    // "message (detail)" or just the message.
    std::string toString() const { return detail.empty() ? message : message + " (" + detail + ")"; }
};

inline Error makeError(ErrorCode code, std::string message, std::string detail = {})
{
    return Error{code, std::move(message), std::move(detail)};
}

template<class T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_data); }
    const T &value() const & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_ok(false) {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

} // namespace mbq
