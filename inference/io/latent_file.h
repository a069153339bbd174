#pragma once
// The latent a render saves before decoding (and on cancel): one float32 tensor "latent" in a
// safetensors file, with what made it in the metadata, so a failed decode can be retried and a
// cancelled render's finished steps are kept.

#include "inference/engine.h"
#include "inference/result.h"

#include <ATen/ATen.h>

#include <string>

namespace mbq::io {

Result<void> saveRenderLatent(const std::string &path, const std::string &family,
                              const at::Tensor &latent, int completedSteps,
                              const RenderRequest &request, bool randomWeights);

} // namespace mbq::io
