#include "inference/trajectory_key.h"

#include "inference/attention/fnv.h"

#include <algorithm>

namespace mbq {

namespace {

// What step `step` receives from the injection, folded into `f`; nothing but a marker when the
// step is outside the range or no layer injects.
void hashStepInjection(attention::Fnv &f, const RenderRequest &request, uint64_t source, int step)
{
    const InjectionSchedule &s = request.injection;
    const bool active = !s.isOff() && step >= s.stepBegin && step < s.stepEnd;
    f.value(uint8_t(active));
    if (!active)
        return;
    f.value(int(s.mode));
    f.value(int(s.branches));
    f.value(int(s.extraction));
    if (s.extraction == ExtractionMode::Single)
        f.value(s.extractionTimestep);
    if (s.extraction == ExtractionMode::Lockstep) {
        f.value(request.sourceSeed.has_value());
        f.value(request.sourceSeed.value_or(0));
    }
    f.value(uint64_t(s.tokenMask.size()));
    f.bytes(s.tokenMask.data(), s.tokenMask.size());
    f.string(request.sourcePrompt);
    f.value(source);
    for (const LayerInjection &layer : s.layers) {
        if (!layer.isActive())
            continue;
        f.string(layer.layer);
        f.value(layer.weight);
        f.value(uint64_t(layer.headWeights.size()));
        for (float w : layer.headWeights)
            f.value(w);
    }
}

} // namespace

uint64_t sourceDigest(const VideoFrames &source)
{
    if (source.empty())
        return 0;
    attention::Fnv f;
    f.value(source.width);
    f.value(source.height);
    f.value(source.count);
    f.bytes(source.rgb.data(), source.rgb.size());
    return f.hash();
}

std::vector<uint64_t> trajectoryKeys(const RenderRequest &request, const std::string &model,
                                     uint64_t source)
{
    const GenerationSettings &s = request.settings;
    attention::Fnv base;
    base.string("mbq-trajectory-1");
    base.string(model);
    base.string(request.prompt);
    base.string(request.negativePrompt);
    base.value(s.seed);
    base.value(s.width);
    base.value(s.height);
    base.value(s.frames);
    base.value(s.fps);
    base.value(s.steps);
    base.value(s.guidance);
    base.value(s.shift);
    base.value(int(s.sampler));

    std::vector<uint64_t> keys;
    keys.reserve(size_t(std::max(0, s.steps)));
    uint64_t previous = base.hash();
    for (int step = 0; step < s.steps; ++step) {
        attention::Fnv f;
        f.value(previous);
        f.value(step);
        hashStepInjection(f, request, source, step);
        previous = f.hash();
        keys.push_back(previous);
    }
    return keys;
}

int sharedSteps(const RenderRequest &previous, const RenderRequest &next)
{
    const std::vector<uint64_t> a = trajectoryKeys(previous, {}, 0);
    const std::vector<uint64_t> b = trajectoryKeys(next, {}, 0);
    const auto mismatch = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
    return int(mismatch.second - b.begin());
}

} // namespace mbq
