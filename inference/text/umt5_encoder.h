#pragma once
// UmT5Encoder: the umT5 text encoder of Wan2.1 (T5Encoder of wan/modules/t5.py with
// shared_pos=False): token embedding; per layer a pre-norm self-attention without 1/sqrt(d)
// scaling whose logits get that layer's own bidirectional relative-position bias, and a
// pre-norm gated-GELU (tanh) feed-forward; a final norm. T5 norms are RMS without mean
// subtraction, computed in at least float32. Weights may be bf16 (as shipped) on CPU or CUDA;
// release() frees them once the prompts are encoded so the DiT gets the memory.

#include "inference/result.h"
#include "inference/text/umt5_config.h"
#include "inference/text/umt5_weights.h"

#include <ATen/ATen.h>

#include <string>

namespace mbq::text {

struct UmT5Options
{
    at::ScalarType dtype = at::kBFloat16; // the official t5_dtype; float32 and float64 work too
    at::Device device = at::kCPU;
};

// T5's bucket of each relative position key - query for lq queries and lk keys: [lq, lk] int64.
// Bidirectional: half the buckets per sign (the upper half for keys after the query); within a
// half, distances below a quarter of the buckets get their own bucket, longer ones share
// logarithmically spaced buckets up to maxDistance, and everything beyond the last bucket.
at::Tensor relativePositionBuckets(int64_t lq, int64_t lk, int64_t numBuckets,
                                   int64_t maxDistance);

class UmT5Encoder
{
public:
    // models_t5_umt5-xxl-enc-bf16.pth (or a safetensors file with Wan's names); the
    // architecture is read off its shapes.
    static Result<UmT5Encoder> loadOfficial(const std::string &checkpoint,
                                            const UmT5Options &options = {});
    // A Diffusers text_encoder/ folder: config.json plus model.safetensors or its sharded
    // model.safetensors.index.json (HF UMT5EncoderModel names).
    static Result<UmT5Encoder> loadHuggingFace(const std::string &folder,
                                               const UmT5Options &options = {});
    // A Wan2.1 model folder in either layout.
    static Result<UmT5Encoder> loadModelFolder(const std::string &folder,
                                               const UmT5Options &options = {});
    static Result<UmT5Encoder> fromWeights(const UmT5Config &config, UmT5Weights weights);

    const UmT5Config &config() const { return m_config; }
    bool loaded() const { return !m_weights.empty(); }
    at::ScalarType dtype() const { return m_dtype; }
    at::Device device() const { return m_device; }

    // ids, mask: [L] int64 (as the tokenizer gives them). Returns float32 [L, dim] (float64
    // for a float64 encoder) on the encoder's device, rows at and past the prompt length (mask sum) zeroed as the official
    // pipeline pads its trimmed output.
    Result<at::Tensor> encode(const at::Tensor &ids, const at::Tensor &mask) const;

    // Frees the weights; encode() then fails until the encoder is loaded again.
    void release();

private:
    UmT5Config m_config;
    UmT5Weights m_weights;
    at::ScalarType m_dtype = at::kFloat;
    at::Device m_device = at::kCPU;
};

} // namespace mbq::text
