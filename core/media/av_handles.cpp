#include "core/media/av_handles.h"

#include <cstdlib>
#include <mutex>

namespace mbq::av {

std::string errorString(int code)
{
    char buffer[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, buffer, sizeof buffer);
    return buffer;
}

void initLogging()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (av_log_get_level() > AV_LOG_FATAL && !std::getenv("MBQ_AV_LOG"))
            av_log_set_level(AV_LOG_FATAL);
    });
}

} // namespace mbq::av
