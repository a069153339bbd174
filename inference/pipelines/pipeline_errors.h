#pragma once
// What the transfer pipelines say when something goes wrong: an exception from LibTorch turned
// into an Error (out of memory offers smaller settings), and sizes worded for messages.

#include "inference/result.h"

#include <cstdint>
#include <exception>
#include <string>

namespace mbq::pipelines {

// `what` completes "failed ..." / "out of memory ...", e.g. "extracting source Q".
Error failureFrom(const std::exception &e, const char *what);

// "832x480, 81 frames".
std::string sizeText(int64_t width, int64_t height, int64_t frames);

} // namespace mbq::pipelines
