#pragma once
// The Wan2.1 text encoder (umT5 + its SentencePiece tokenizer) and VAE behind the pipeline's
// TextEncoder and VideoVae interfaces, loaded from a model folder in either layout.

#include "inference/pipelines/t2v_components.h"
#include "inference/result.h"

#include <ATen/ATen.h>

#include <memory>
#include <string>

namespace mbq::pipelines {

// The tokenizer folder of either layout: tokenizer/ (Diffusers) or google/umt5-xxl/.
std::string wanTokenizerFolder(const std::string &modelFolder);

// The tokenizer comes from google/umt5-xxl/ (official) or tokenizer/ (Diffusers); the encoder
// runs in `dtype` on `device` and returns float32 rows for the prompt's tokens.
Result<std::unique_ptr<TextEncoder>> loadWanTextEncoder(const std::string &folder,
                                                        at::Device device,
                                                        at::ScalarType dtype);

// Float32 on `device`, decoding in spatial tiles so memory stays bounded at any size.
Result<std::unique_ptr<VideoVae>> loadWanVideoVae(const std::string &folder, at::Device device);

} // namespace mbq::pipelines
