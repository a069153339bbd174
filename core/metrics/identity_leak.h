#pragma once
// Identity leak: how much of the source's appearance the output carries beyond what the
// target prompt alone gives. With S the appearance similarity of appearance.h (in [0, 1],
// insensitive to motion and layout):
//     leak = S(output, source) - S(baseline, source)
// where the baseline is the same prompt and seed rendered without injection. The range is
// [-1, 1]: 0 means the output looks no more like the source than the prompt alone makes it;
// positive values are leaked identity; negative ones mean injection pulled the output further
// from the source than the baseline. The difference (not a ratio) keeps the range fixed even
// when the baseline already resembles the source.
//
// perFrame[i] = S(output frame i, source) - S(baseline frame i, source), against the source's
// pooled features (a shorter baseline repeats its last frame). Without a baseline, leak is
// undefined and only the similarities are reported.

#include "core/metrics/appearance.h"

#include <vector>

namespace mbq {

struct IdentityLeak
{
    bool hasBaseline = false;
    double leak = 0.0;               // defined only with a baseline
    double outputSimilarity = 0.0;   // S(output, source)
    double baselineSimilarity = 0.0; // S(baseline, source)
    std::vector<double> perFrame;    // leak per output frame; S(output frame, source) without
                                     // a baseline
};

IdentityLeak identityLeak(const VideoFrames &source, const VideoFrames &output,
                          const VideoFrames *baseline, const AppearanceOptions &options = {});

} // namespace mbq
