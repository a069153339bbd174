#include "inference/pipelines/pipeline_errors.h"

namespace mbq::pipelines {

Error failureFrom(const std::exception &e, const char *what)
{
    std::string text = e.what();
    text = text.substr(0, text.find('\n')); // LibTorch appends a C++ backtrace
    if (text.find("out of memory") != std::string::npos)
        return makeError(ErrorCode::OutOfMemory,
                         std::string("out of memory ") + what
                                 + "; try fewer layers or steps, or a smaller size",
                         text);
    return makeError(ErrorCode::Internal, std::string("failed ") + what, text);
}

std::string sizeText(int64_t width, int64_t height, int64_t frames)
{
    return std::to_string(width) + "x" + std::to_string(height) + ", " + std::to_string(frames)
            + " frames";
}

} // namespace mbq::pipelines
