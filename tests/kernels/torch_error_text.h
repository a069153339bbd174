#pragma once
// The message of the c10::Error a call throws (the TORCH_CHECK text, no backtrace), for tests
// that check what an input error says.

#include <c10/util/Exception.h>

#include <string>

namespace mbq::test {

// "" when `run` throws nothing.
template<class F> std::string thrownMessage(F run)
{
    try {
        run();
    } catch (const c10::Error &e) {
        return e.what_without_backtrace();
    }
    return {};
}

} // namespace mbq::test
