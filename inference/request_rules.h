#pragma once
// What a render request must satisfy, shared by every engine (real and fake) and by the
// project document, so the rules and the snapping offers exist once. The rules depend on the
// model family (RequestRules, rulesFor); the free functions are Wan2.1's, the default family.
// No torch, no Qt.

#include "inference/engine.h"
#include "inference/result.h"

#include <string>

namespace mbq {

// Wan2.1: latent sizes — the VAE downsamples by 8 and the DiT patchifies by 2.
constexpr int kSizeMultiple = 16;
constexpr int kMaxSize = 4096;
// The Wan VAE compresses time by 4 after the first frame, hence 4n+1 frames.
constexpr int kMaxFrames = 1001;
constexpr int kMaxSteps = 1000;

// One family's size and frame rules: sizes are positive multiples of `sizeMultiple` up to
// kMaxSize; frame counts are frameStep·n + frameOffset, at least 1, up to kMaxFrames.
struct RequestRules
{
    int sizeMultiple = kSizeMultiple;
    int frameStep = 4;
    int frameOffset = 1;
    int defaultFrames = 81; // the family's trained length

    bool sizeValid(int value) const;
    bool framesValid(int frames) const;
    // The valid values on either side of `value` (equal when `value` is valid).
    int sizeBelow(int value) const;
    int sizeAbove(int value) const;
    int framesBelow(int value) const;
    int framesAbove(int value) const;
    // "of the form 4n+1" / "a frame count from 1", for messages.
    std::string framesText() const;
};

// "wan2.1" and anything unknown (the fake engine): 16, 4n+1, default 81.
// "videocrafter2": multiples of 64 (the VAE's 8 times the UNet's three 2x downsamplings), any
// frame count (the image VAE works per frame), default 16 (what it was trained on).
RequestRules rulesFor(const std::string &family);

// Wan2.1's rules (rulesFor("wan2.1")).
int sizeBelow(int value);
int sizeAbove(int value);
int framesBelow(int value);
int framesAbove(int value);

// Checks prompt, sizes, frames, steps, guidance and the source clip's byte count. Errors are
// InvalidArgument and offer the nearest valid values, e.g.
// "width 830 is not a positive multiple of 16; nearest valid: 816 or 832".
Result<void> validateRequest(const RenderRequest &request, const RequestRules &rules);
// With Wan2.1's rules.
Result<void> validateRequest(const RenderRequest &request);

} // namespace mbq
