#pragma once
// Conversions between the facade's host values (HostTensor, VideoFrames) and tensors, shared by
// the model sessions.

#include "inference/engine.h"

#include <ATen/ATen.h>

namespace mbq {

// Any tensor as float32 values on the host, with its shape.
HostTensor toHost(const at::Tensor &tensor);

// RGB8 frames -> [3, F, H, W] float32 in [-1, 1] (x/127.5 − 1, both official input mappings).
at::Tensor framesToVideo(const VideoFrames &frames);

} // namespace mbq
