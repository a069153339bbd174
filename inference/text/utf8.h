#pragma once
// Minimal UTF-8 <-> code point conversion for prompt cleaning. Invalid bytes decode to U+FFFD,
// as Python's "replace" error handler does.

#include <string>

namespace mbq::text {

std::u32string decodeUtf8(const std::string &bytes);
std::string encodeUtf8(const std::u32string &text);

} // namespace mbq::text
