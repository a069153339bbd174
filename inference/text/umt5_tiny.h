#pragma once
// Random-weight umT5 encoders and a tiny SentencePiece tokenizer in the real file formats, for
// tests and `mbq make-tiny-model`: the official layout (models_t5_umt5-xxl-enc-bf16.pth, a torch
// zip file in bfloat16, and google/umt5-xxl/spiece.model) and the Diffusers one (text_encoder/
// with HF names, tokenizer/spiece.model). Their output is noise.

#include "inference/result.h"
#include "inference/text/umt5_config.h"
#include "inference/text/umt5_weights.h"

#include <cstdint>
#include <string>

namespace mbq::text {

// Two layers, four heads, the real bucket count and distance; `dim` must match the DiT's
// text_dim; `vocabSize` must cover the tokenizer's pieces.
UmT5Config tinyUmT5Config(int64_t dim, int64_t vocabSize);

// Drawn in tensor order from one generator seeded by `seed`, scaled as the official init does.
UmT5Weights randomUmT5Weights(const UmT5Config &config, uint64_t seed,
                              at::ScalarType dtype = at::kFloat);

// Official names, bfloat16 as shipped; .safetensors by extension, else a torch zip file.
Result<void> writeUmT5Official(const std::string &path, const UmT5Config &config,
                               const UmT5Weights &weights);
// Creates `folder` with config.json and model.safetensors (HF names, float32).
Result<void> writeUmT5HuggingFace(const std::string &folder, const UmT5Config &config,
                                  const UmT5Weights &weights);

// Trains a small unigram SentencePiece model (libsentencepiece's trainer, umT5's special ids:
// pad 0, eos 1, bos 2, unk 3, NMT-NFKC normalisation) on a built-in corpus of English prompts
// and Wan's Chinese default negative prompt, and writes it to `modelPath` (e.g. .../spiece.model).
// Returns the number of pieces.
Result<int64_t> writeTinyTokenizer(const std::string &modelPath);

} // namespace mbq::text
