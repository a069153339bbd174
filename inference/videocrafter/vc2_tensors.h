#pragma once
// Every tensor of a VideoCrafter2 model.ckpt under its checkpoint name, with the shape the
// config implies: the UNet ("model.diffusion_model."), the AutoencoderKL
// ("first_stage_model."), the OpenCLIP text tower ("cond_stage_model.model.") and the 13
// schedule buffers with no prefix. Torch-free.

#include "inference/videocrafter/vc2_config.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace mbq::vc2 {

using TensorShapes = std::vector<std::pair<std::string, std::vector<int64_t>>>;

constexpr const char *kUNetPrefix = "model.diffusion_model.";
constexpr const char *kVaePrefix = "first_stage_model.";
constexpr const char *kTextPrefix = "cond_stage_model.model.";

// Names relative to each part's prefix. The UNet's include T2V-Turbo-v2's time_cond_proj,
// motion_cond_proj and combine_proj when the config has them.
TensorShapes unetTensorShapes(const Vc2UNetConfig &config);
// The config without T2V-Turbo-v2's projections: the UNet VideoCrafter2's model.ckpt holds.
Vc2UNetConfig baseUNetConfig(const Vc2UNetConfig &config);
TensorShapes vaeTensorShapes(const Vc2VaeConfig &config);
TensorShapes clipTextTensorShapes(const text::ClipTextConfig &config);
// betas, alphas_cumprod, ... (each [timesteps]) and scale_arr [mid_step + timesteps].
TensorShapes scheduleTensorShapes(const sched::DdpmScheduleConfig &config);

// All of the above with their prefixes: the strict key set of the official checkpoint (with
// the base UNet: a T2V-Turbo-v2 folder keeps its UNet in a file of its own).
TensorShapes vc2CheckpointShapes(const Vc2Config &config);

} // namespace mbq::vc2
