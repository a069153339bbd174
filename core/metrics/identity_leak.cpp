#include "core/metrics/identity_leak.h"

#include <algorithm>

namespace mbq {

IdentityLeak identityLeak(const VideoFrames &source, const VideoFrames &output,
                          const VideoFrames *baseline, const AppearanceOptions &options)
{
    IdentityLeak result;
    const AppearanceFeatures sourceLook = pooledAppearance(frameAppearance(source, options));
    const auto outputFrames = frameAppearance(output, options);
    result.outputSimilarity = appearanceSimilarity(pooledAppearance(outputFrames), sourceLook);
    result.perFrame.resize(outputFrames.size());
    for (size_t i = 0; i < outputFrames.size(); ++i)
        result.perFrame[i] = appearanceSimilarity(outputFrames[i], sourceLook);
    if (!baseline || baseline->empty())
        return result;

    const auto baselineFrames = frameAppearance(*baseline, options);
    result.hasBaseline = true;
    result.baselineSimilarity = appearanceSimilarity(pooledAppearance(baselineFrames),
                                                     sourceLook);
    result.leak = result.outputSimilarity - result.baselineSimilarity;
    for (size_t i = 0; i < outputFrames.size(); ++i) {
        const size_t j = std::min(i, baselineFrames.size() - 1);
        result.perFrame[i] -= appearanceSimilarity(baselineFrames[j], sourceLook);
    }
    return result;
}

} // namespace mbq
