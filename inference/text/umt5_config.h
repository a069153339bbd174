#pragma once
// Hyper-parameters of the umT5 encoder Wan2.1 uses as its text encoder. Defaults are umT5-XXL
// (wan/modules/t5.py `umt5_xxl`); the Diffusers text_encoder/config.json (HF UMT5Config) and
// the official checkpoint's tensor shapes both override them.

#include "inference/result.h"

#include <string>

namespace mbq::text {

struct UmT5Config
{
    int64_t vocabSize = 256384;
    int64_t dim = 4096;
    int64_t dimAttn = 4096; // heads × head width
    int64_t dimFfn = 10240;
    int64_t numHeads = 64;
    int64_t numLayers = 24;
    int64_t numBuckets = 32;   // relative-position buckets, half per direction
    int64_t maxDistance = 128; // distances past this share the last bucket
    double eps = 1e-6;

    Result<void> validate() const;
};

// HF UMT5Config JSON (d_model, d_kv, d_ff, num_heads, num_layers, vocab_size,
// relative_attention_num_buckets, relative_attention_max_distance, layer_norm_epsilon); only
// the gated-GELU (tanh) feed-forward is supported.
Result<UmT5Config> parseUmT5ConfigJson(const std::string &text, const std::string &origin);
Result<UmT5Config> readUmT5ConfigFile(const std::string &path);
std::string umT5ConfigToJson(const UmT5Config &config);

} // namespace mbq::text
