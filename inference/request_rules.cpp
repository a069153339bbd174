#include "inference/request_rules.h"

#include <algorithm>
#include <cmath>

namespace mbq {
namespace {

std::string nearest(int below, int above)
{
    return below == above ? std::to_string(below)
                          : std::to_string(below) + " or " + std::to_string(above);
}

Result<void> invalid(std::string message)
{
    return makeError(ErrorCode::InvalidArgument, std::move(message));
}

Result<void> checkSize(const char *name, int value)
{
    if (value > 0 && value <= kMaxSize && value % kSizeMultiple == 0)
        return {};
    return invalid(std::string(name) + " " + std::to_string(value)
                   + " is not a positive multiple of 16 up to " + std::to_string(kMaxSize)
                   + "; nearest valid: " + nearest(sizeBelow(value), sizeAbove(value)));
}

} // namespace

int sizeBelow(int value)
{
    return std::clamp(value / kSizeMultiple * kSizeMultiple, kSizeMultiple, kMaxSize);
}

int sizeAbove(int value)
{
    const int up = (std::max(value, 1) + kSizeMultiple - 1) / kSizeMultiple * kSizeMultiple;
    return std::clamp(up, kSizeMultiple, kMaxSize);
}

int framesBelow(int value)
{
    return std::min((std::max(value, 1) - 1) / 4 * 4 + 1, kMaxFrames);
}

int framesAbove(int value)
{
    return std::min((std::max(value, 1) + 2) / 4 * 4 + 1, kMaxFrames);
}

Result<void> validateRequest(const RenderRequest &request)
{
    const GenerationSettings &s = request.settings;
    if (request.prompt.find_first_not_of(" \t\r\n") == std::string::npos)
        return invalid("the prompt is empty; describe the video to generate");
    if (auto r = checkSize("width", s.width); !r)
        return r;
    if (auto r = checkSize("height", s.height); !r)
        return r;
    if (s.frames < 1 || s.frames > kMaxFrames || (s.frames - 1) % 4 != 0)
        return invalid("frames " + std::to_string(s.frames) + " is not of the form 4n+1 up to "
                       + std::to_string(kMaxFrames) + "; nearest valid: "
                       + nearest(framesBelow(s.frames), framesAbove(s.frames)));
    if (s.steps < 1 || s.steps > kMaxSteps)
        return invalid("steps " + std::to_string(s.steps) + " must be in [1, "
                       + std::to_string(kMaxSteps) + "]");
    if (!(std::isfinite(s.guidance) && s.guidance >= 0.0))
        return invalid("guidance must be a number >= 0");
    const VideoFrames &src = request.source;
    if (!src.empty() && src.rgb.size() != src.frameBytes() * size_t(src.count))
        return invalid("the source clip holds " + std::to_string(src.rgb.size())
                       + " bytes, expected " + std::to_string(src.frameBytes() * size_t(src.count))
                       + " for " + std::to_string(src.count) + " frames of "
                       + std::to_string(src.width) + "x" + std::to_string(src.height));
    return {};
}

} // namespace mbq
