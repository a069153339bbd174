#pragma once
// Wan2.1 tools for the CLI and the UI, with no torch types: text-to-video generation, the
// sampling schedule, the conformance probe of the DiT and the random-weight tiny model writer.

#include "inference/engine.h"
#include "inference/result.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace mbq {

struct WanScheduleInfo
{
    std::vector<int64_t> timesteps; // fed to the model, one per step
    std::vector<double> sigmas;     // steps + 1 noise levels (float32 values), last one 0
};

// The official grid for `steps` and `shift`; `sampler` must be a flow sampler (unipc, euler).
Result<WanScheduleInfo> wanSchedule(int steps, double shift, Sampler sampler);

// Compute placement: device "cpu", "cuda" or "auto" (CUDA when available); dtype "f32",
// "bf16" (CUDA's mixed precision: bf16 linear layers, float32 stream), "f64" (checks) or
// "auto" (bf16 on CUDA, f32 on CPU).
struct ComputeOptions
{
    std::string device = "auto";
    std::string dtype = "auto";
};

// `mbq probe wan-dit`: reads x [16, F, H, W], t [1] and context [L, text_dim] (float32) from
// `in` (safetensors), runs one DiT forward and writes y [16, F, H, W] float32 to `out`.
Result<void> probeWanDit(const std::string &modelFolder, const std::string &in,
                         const std::string &out, const ComputeOptions &compute);

// The other `mbq probe` components, with the same tensor conventions (float32 files in and
// out, safetensors):
//   wan-vae-encode: video [3, F, H, W] in [-1, 1] -> latent (normalised, as the official encode)
//   wan-vae-decode: latent [16, T, h, w] -> video [3, 4(T-1)+1, 8h, 8w] clamped to [-1, 1]
//   wan-text-encoder: ids [L] and mask [L] (int64) -> hidden [L, d]
Result<void> probeWanVaeEncode(const std::string &modelFolder, const std::string &in,
                               const std::string &out, const ComputeOptions &compute);
Result<void> probeWanVaeDecode(const std::string &modelFolder, const std::string &in,
                               const std::string &out, const ComputeOptions &compute);
Result<void> probeWanTextEncoder(const std::string &modelFolder, const std::string &in,
                                 const std::string &out, const ComputeOptions &compute);

struct WanTokens
{
    std::vector<int64_t> ids;  // padded to the model's text length
    std::vector<int64_t> mask; // 1 for the prompt's tokens including EOS
    int64_t length = 0;
    bool truncated = false;
};
// wan-tokenizer: the ids the umT5 encoder gets for `text` (cleaned, EOS appended, padded).
Result<WanTokens> wanTokenize(const std::string &modelFolder, const std::string &text);

struct TinyModelOptions
{
    std::string family = "wan2.1";
    std::string layout = "official"; // or "diffusers"
    std::string folder;
    uint64_t seed = 0;
    // DiT sizes; 0 keeps the tiny defaults (dim 32, 3 layers, 2 heads, ffn 64, text_dim 24).
    int64_t dim = 0;
    int64_t layers = 0;
    int64_t heads = 0;
    int64_t ffnDim = 0;
    int64_t textDim = 0;
};

struct TinyModelReport
{
    std::vector<std::string> written; // one line per component
    std::string note;                 // the random-weights label
};

// Writes a complete random-weight model folder: DiT with its config, VAE, umT5 encoder and its
// tokenizer, in the chosen layout.
Result<TinyModelReport> makeTinyModel(const TinyModelOptions &options);

struct WanGenerateOptions
{
    ComputeOptions compute;
    ComputeOptions textEncoder{"cpu", "auto"}; // umT5: bf16 on CUDA, float32 on the CPU
    // Where the latent [16, F, H, W] is saved (safetensors) before decoding and on cancel;
    // empty: not saved.
    std::string latentPath;
    bool decode = true;
};

struct WanGenerateOutput
{
    RenderOutput render; // its extractionPasses, resumedSteps and computedSteps filled in
    std::vector<std::string> warnings;
    bool randomWeights = false; // a tiny test model: the video is noise
    std::string device;         // where the DiT ran, e.g. "cuda bf16"
};

// A Wan2.1 folder kept ready between renders: the DiT and VAE stay loaded, every prompt's
// encoding is remembered (the umT5 encoder is loaded only for new prompts and released after),
// the Q bank of the last source is kept, and the trajectory cache lets a re-render resume at
// its first changed step. The engine holds one per loaded folder; a one-off render uses one
// without caches.
class WanSession
{
public:
    explicit WanSession(std::string modelFolder);
    ~WanSession();
    WanSession(const WanSession &) = delete;
    WanSession &operator=(const WanSession &) = delete;

    // Device and dtype of the DiT and VAE (reloaded at the next render when they change) and
    // of the text encoder; InvalidArgument or Unsupported for words or devices not available.
    Result<void> setCompute(const ComputeOptions &compute, const ComputeOptions &textEncoder);
    // Cache budgets; they take effect at once (the trajectory cache spills or drops entries).
    void setCaches(const EngineSettings &settings);

    Result<WanGenerateOutput> render(const RenderRequest &request, const std::string &latentPath,
                                     bool decode, const JobHooks &hooks);

private:
    struct State;
    std::unique_ptr<State> m;
};

// Text-to-video with a Wan2.1 model folder (either layout); with a source clip and an active
// injection schedule, motion transfer (the source must already have the render's size and
// frame count). Cancel, progress and previews go through `hooks`; a cancelled render returns
// its latent (and saves it) without decoding.
Result<WanGenerateOutput> generateWan(const std::string &modelFolder,
                                      const RenderRequest &request,
                                      const WanGenerateOptions &options, const JobHooks &hooks);

} // namespace mbq
