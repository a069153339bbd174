#pragma once
// What the VideoCrafter2 and T2V-Turbo-v2 pipeline tests share: the tiny render size on top of a
// family's defaults, the source clip they transfer from, and an engine transfer request big
// enough for the tiny VAE.

#include "inference/engine.h"
#include "tests/inference/tiny_wan.h"

#include <ATen/ATen.h>

#include <cstdint>
#include <string>
#include <vector>

namespace mbq::test {

// 16×8, 2 frames, 4 steps, with the family's other defaults.
inline GenerationSettings tinyVc2Settings(GenerationSettings defaults, uint64_t seed)
{
    defaults.seed = seed;
    defaults.width = 16;
    defaults.height = 8;
    defaults.frames = 2;
    defaults.steps = 4;
    return defaults;
}

// A bright block sliding right over a dark gradient: [3, 2, 8, 16] in [-1, 1].
inline at::Tensor blockSourceVideo()
{
    at::Tensor video = at::linspace(-0.8, -0.2, 16).view({1, 1, 1, 16}).repeat({3, 2, 8, 1});
    for (int64_t f = 0; f < 2; ++f)
        video.select(1, f).narrow(1, 2, 4).narrow(2, 2 + 6 * f, 6).fill_(0.9);
    return video.contiguous();
}

// "a cat" at 64×64, 2 frames, 5 steps, seed 3, with every spatial layer among `layers` at
// weight 1 over steps [0, stepEnd), transferred from the sliding square.
inline RenderRequest vc2EngineTransfer(const GenerationSettings &defaults,
                                       const std::vector<std::string> &layers,
                                       ExtractionMode extraction, int stepEnd)
{
    RenderRequest request;
    request.prompt = "a cat";
    request.settings = defaults;
    request.settings.width = 64;
    request.settings.height = 64;
    request.settings.frames = 2;
    request.settings.steps = 5;
    request.settings.seed = 3;
    for (const std::string &layer : layers) {
        if (layer.find(".spatial") != std::string::npos)
            request.injection.layers.push_back({layer, 1.0f, {}});
    }
    request.injection.stepEnd = stepEnd;
    request.injection.extraction = extraction;
    VideoFrames clip = slidingSquareClip();
    clip.width = clip.height = 64;
    clip.count = 2;
    clip.rgb.resize(size_t(clip.count) * clip.frameBytes());
    request.source = clip;
    return request;
}

} // namespace mbq::test
