#pragma once
// What a render request must satisfy, shared by every engine (real and fake) and by the
// project document, so the rules and the snapping offers exist once. No torch, no Qt.

#include "inference/engine.h"
#include "inference/result.h"

namespace mbq {

// Latent sizes: the VAE downsamples by 8 and the DiT patchifies by 2.
constexpr int kSizeMultiple = 16;
constexpr int kMaxSize = 4096;
// The Wan VAE compresses time by 4 after the first frame, hence 4n+1 frames.
constexpr int kMaxFrames = 1001;
constexpr int kMaxSteps = 1000;

// The valid sizes on either side of `value` (equal when `value` is valid).
int sizeBelow(int value);
int sizeAbove(int value);
// The valid frame counts (4n+1) on either side of `value`.
int framesBelow(int value);
int framesAbove(int value);

// Checks prompt, sizes, frames, steps, guidance and the source clip's byte count. Errors are
// InvalidArgument and offer the nearest valid values, e.g.
// "width 830 is not a positive multiple of 16; nearest valid: 816 or 832".
Result<void> validateRequest(const RenderRequest &request);

} // namespace mbq
