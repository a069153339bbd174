#include "inference/request_rules.h"

#include "inference/vc2_tools.h"

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

Result<void> checkSize(const RequestRules &rules, const char *name, int value)
{
    if (rules.sizeValid(value))
        return {};
    return invalid(std::string(name) + " " + std::to_string(value)
                   + " is not a positive multiple of " + std::to_string(rules.sizeMultiple)
                   + " up to " + std::to_string(kMaxSize)
                   + "; nearest valid: " + nearest(rules.sizeBelow(value), rules.sizeAbove(value)));
}

} // namespace

bool RequestRules::sizeValid(int value) const
{
    return value > 0 && value <= kMaxSize && value % sizeMultiple == 0;
}

bool RequestRules::framesValid(int frames) const
{
    return frames >= 1 && frames <= kMaxFrames && (frames - frameOffset) % frameStep == 0;
}

int RequestRules::sizeBelow(int value) const
{
    const int top = kMaxSize / sizeMultiple * sizeMultiple;
    return std::clamp(value / sizeMultiple * sizeMultiple, sizeMultiple, top);
}

int RequestRules::sizeAbove(int value) const
{
    const int top = kMaxSize / sizeMultiple * sizeMultiple;
    const int up = (std::max(value, 1) + sizeMultiple - 1) / sizeMultiple * sizeMultiple;
    return std::clamp(up, sizeMultiple, top);
}

// The largest valid count is the last frameStep·n + frameOffset not above kMaxFrames.
int RequestRules::framesBelow(int value) const
{
    const int top = (kMaxFrames - frameOffset) / frameStep * frameStep + frameOffset;
    const int first = frameOffset >= 1 ? frameOffset : frameStep;
    const int down = (std::max(value, first) - frameOffset) / frameStep * frameStep + frameOffset;
    return std::min(down, top);
}

int RequestRules::framesAbove(int value) const
{
    const int top = (kMaxFrames - frameOffset) / frameStep * frameStep + frameOffset;
    const int first = frameOffset >= 1 ? frameOffset : frameStep;
    const int from = std::max(value, first) - frameOffset;
    return std::min((from + frameStep - 1) / frameStep * frameStep + frameOffset, top);
}

std::string RequestRules::framesText() const
{
    if (frameStep == 1)
        return "a frame count from 1";
    return "of the form " + std::to_string(frameStep) + "n+" + std::to_string(frameOffset);
}

RequestRules rulesFor(const std::string &family)
{
    RequestRules rules;
    if (isVc2Family(family)) {
        rules.sizeMultiple = 64;
        rules.frameStep = 1;
        rules.frameOffset = 0;
        rules.defaultFrames = 16;
    }
    return rules;
}

int sizeBelow(int value)
{
    return rulesFor("wan2.1").sizeBelow(value);
}

int sizeAbove(int value)
{
    return rulesFor("wan2.1").sizeAbove(value);
}

int framesBelow(int value)
{
    return rulesFor("wan2.1").framesBelow(value);
}

int framesAbove(int value)
{
    return rulesFor("wan2.1").framesAbove(value);
}

Result<void> validateRequest(const RenderRequest &request, const RequestRules &rules)
{
    const GenerationSettings &s = request.settings;
    if (request.prompt.find_first_not_of(" \t\r\n") == std::string::npos)
        return invalid("the prompt is empty; describe the video to generate");
    if (auto r = checkSize(rules, "width", s.width); !r)
        return r;
    if (auto r = checkSize(rules, "height", s.height); !r)
        return r;
    if (!rules.framesValid(s.frames))
        return invalid("frames " + std::to_string(s.frames) + " is not " + rules.framesText()
                       + " up to " + std::to_string(kMaxFrames) + "; nearest valid: "
                       + nearest(rules.framesBelow(s.frames), rules.framesAbove(s.frames)));
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

Result<void> validateRequest(const RenderRequest &request)
{
    return validateRequest(request, rulesFor("wan2.1"));
}

} // namespace mbq
