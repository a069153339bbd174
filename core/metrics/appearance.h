#pragma once
// Appearance features that ignore motion and layout: histograms over all pixels of a frame,
// so moving, mirroring or rearranging the same things leaves them unchanged, while different
// colours or textures change them.
//   colour:   hue × saturation (18 × 4, hue softly binned around the circle) for coloured
//             pixels, plus 8 brightness bins for grey ones (saturation or value too low for a
//             hue to mean anything): 80 bins
//   pattern:  uniform local binary patterns (8 neighbours, radius 1) of the grey image: 59 bins,
//             what the texture looks like regardless of its contrast
//   contrast: gradient magnitude on a log2 scale (Sobel, 8 bins): how strong the texture is
// Each histogram sums to 1. A clip's features are the mean of its frames' histograms.

#include "inference/engine.h"

#include <vector>

namespace mbq {

struct AppearanceFeatures
{
    std::vector<double> colour;
    std::vector<double> pattern;
    std::vector<double> contrast;
};

struct AppearanceOptions
{
    int maxSide = 256; // frames are measured with their long side at most this
};

// Per-frame features of every frame of `clip`.
std::vector<AppearanceFeatures> frameAppearance(const VideoFrames &clip,
                                                const AppearanceOptions &options = {});
// The mean of per-frame features.
AppearanceFeatures pooledAppearance(const std::vector<AppearanceFeatures> &frames);

// Appearance similarity in [0, 1]: the Bhattacharyya coefficient Σ√(p·q) of each histogram,
// weighted colour 1/2, pattern 1/4, contrast 1/4. 1 for identical histograms.
double appearanceSimilarity(const AppearanceFeatures &a, const AppearanceFeatures &b);

} // namespace mbq
