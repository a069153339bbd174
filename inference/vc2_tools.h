#pragma once
// VideoCrafter2 tools for the CLI, the engine and tests, with no torch types: text-to-video,
// the DDIM schedule as JSON-ready numbers, the tokenizer, and the random-weight tiny model
// writer. T2V-Turbo-v2 (family "t2v-turbo-v2": VC2's networks with a distilled UNet, sampled
// in 4-8 steps without an unconditional pass) goes through the same functions; the folder
// decides which model it is (inference/videocrafter/vc2_files.h describes both layouts).

#include "inference/engine.h"
#include "inference/result.h"
#include "inference/vc2_turbo_sampling.h"
#include "inference/wan_tools.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace mbq {

// VC2's recipe (scripts/run_text2video.sh): 512×320, 16 frames, 50 DDIM steps, guidance 12,
// saved at 10 fps, seed 123.
GenerationSettings vc2DefaultSettings();
// T2V-Turbo-v2's (the official app.py): 512×320, 16 frames, 8 steps, guidance 7.5, 8 fps (the
// fps condition and the saved video's rate alike), seed 123 as VC2's. The sampler field says
// DDIM, the one VideoCrafter value of Sampler; T2V-Turbo-v2 always runs its consistency
// sampler.
GenerationSettings turboDefaultSettings();
// "videocrafter2" and "t2v-turbo-v2": the families Vc2Session and generateVc2 render. Their
// request rules are the same (multiples of 64, any frame count, 16 by default).
bool isVc2Family(const std::string &family);
// vc2DefaultSettings() or turboDefaultSettings() by family.
GenerationSettings vc2FamilyDefaults(const std::string &family);

struct Vc2ScheduleInfo
{
    std::vector<int64_t> timesteps; // sampling order, 981 ... 1 for 50 steps
    std::vector<double> alphas; // ᾱ at each step's timestep (float32 values)
    std::vector<double> alphasPrev; // ᾱ of the level the step lands on
    std::vector<double> sigmas;
    std::vector<double> scales; // VC2's s_t and s_prev
    std::vector<double> scalesPrev;
};
Result<Vc2ScheduleInfo> vc2Schedule(int steps, double eta);

struct TurboScheduleInfo
{
    std::vector<int64_t> timesteps; // sampling order, 999 ... for 8 steps: 999, 874, ..., 124
    std::vector<double> alphas; // the scheduler's float32 ᾱ at each step's timestep
    std::vector<double> alphasNext; // ᾱ of the level the denoised estimate is re-noised to
    std::vector<double> cSkip; // the consistency boundary scalings
    std::vector<double> cOut;
};
// T2V-Turbo-v2's consistency sampler over `originSteps` (lcm_origin_steps).
Result<TurboScheduleInfo> turboSchedule(int steps, int originSteps = 200);

// The injectable Q-site ids of the UNet at `model` ("init.temporal", "down.0.0.spatial", ...),
// in network order; reads only the config.
Result<std::vector<std::string>> vc2LayerIds(const std::string &model);

// `mbq probe` components, with the Wan probes' conventions (safetensors in and out, float32;
// ids int64):
//   vc2-unet: x [4, T, H, W], t [1], context [77, 1024], fps [1] -> eps [4, T, H, W]; on a
//     T2V-Turbo-v2 folder its UNet, with the guidance scales w [1] and m [1] when given
//   vc2-vae-encode: video [3, T, H, W] in [-1, 1] -> latent [4, T, H/8, W/8] (scaled mean)
//   vc2-vae-decode: latent [4, T, h, w] -> video [3, T, 8h, 8w] (not clamped)
//   vc2-text-encoder: ids [77] -> hidden [77, 1024]
Result<void> probeVc2Unet(const std::string &model, const std::string &in, const std::string &out,
                          const ComputeOptions &compute);
Result<void> probeVc2VaeEncode(const std::string &model, const std::string &in,
                               const std::string &out, const ComputeOptions &compute);
Result<void> probeVc2VaeDecode(const std::string &model, const std::string &in,
                               const std::string &out, const ComputeOptions &compute);
Result<void> probeVc2TextEncoder(const std::string &model, const std::string &in,
                                 const std::string &out, const ComputeOptions &compute);

// The 77 ids the text tower gets for `text`, with the vocabulary of the model at `model`.
Result<std::vector<int64_t>> vc2Tokenize(const std::string &model, const std::string &text);

// A random-weight VC2 in `folder`: "ckpt" writes model.ckpt, "safetensors" model.safetensors.
Result<void> writeTinyVc2Model(const std::string &folder, const std::string &format, uint64_t seed);
// A random-weight T2V-Turbo-v2 in `folder`: the tiny VC2 plus unet_mg.pt (unet_no_mg.pt when
// not `motionGuided`), or with "safetensors" model.safetensors and unet_mg.safetensors.
Result<void> writeTinyTurboModel(const std::string &folder, const std::string &format,
                                 uint64_t seed, bool motionGuided = true);
// makeTinyModel for families videocrafter2 and t2v-turbo-v2: layout "official" writes the
// torch files, "safetensors" their conversions; the DiT size options are Wan's and refused.
Result<TinyModelReport> makeTinyVc2Model(const TinyModelOptions &options);

struct Vc2GenerateOptions
{
    ComputeOptions compute;
    double eta = 1.0; // the official sampler's η (VideoCrafter2's DDIM)
    // The fps the UNet is conditioned on; 0: the model's recipe, 28 for VideoCrafter2 (the
    // official script) and 8 for T2V-Turbo-v2 (its app, Replicate entry and distillation).
    double fpsCondition = 0;
    vc2::TurboSampling turbo; // T2V-Turbo-v2 only
    int vaeFramesPerBatch = 1; // frames decoded together (memory bound)
    bool decode = true;
    // Where the latent [4, T, H/8, W/8] is saved (safetensors) before decoding and on cancel;
    // empty: not saved.
    std::string latentPath;
};

struct Vc2GenerateOutput
{
    RenderOutput render; // its extractionPasses and computedSteps filled in
    bool randomWeights = false;
    std::string device; // e.g. "cpu f32"
};

// Text-to-video from `request.prompt` with `request.settings` (seed, size, frames, steps,
// guidance; sampler must be DDIM, which stands for T2V-Turbo-v2's consistency sampler on such a
// folder, whose guidance enters as an embedding); with a source clip and an active injection
// schedule, motion transfer (the source must already have the render's size and frame count; the
// baseline too when request.wantBaseline). The latent [4, T, H/8, W/8] goes to render.latents when
// asked for or cancelled; frames are clamped, mapped to 0..255 and truncated as the official saver
// does. Cancel and progress go through `hooks`.
Result<Vc2GenerateOutput> generateVc2(const std::string &model, const RenderRequest &request,
                                      const Vc2GenerateOptions &options, const JobHooks &hooks);

// A VideoCrafter2 or T2V-Turbo-v2 folder kept ready between renders: the model stays loaded, the Q
// bank of the last source is kept (a new target prompt or seed needs no source pass) and the
// trajectory cache lets a re-render resume at its first changed step. The engine holds one per
// loaded folder.
class Vc2Session
{
public:
    explicit Vc2Session(std::string modelFolder);
    ~Vc2Session();
    Vc2Session(const Vc2Session &) = delete;
    Vc2Session &operator=(const Vc2Session &) = delete;

    // Device and dtype (the model reloads at the next render when they change).
    Result<void> setCompute(const ComputeOptions &compute);
    // Cache budgets; they take effect at once.
    void setCaches(const EngineSettings &settings);
    // As generateVc2; options.compute is ignored (setCompute decides).
    Result<Vc2GenerateOutput> render(const RenderRequest &request,
                                     const Vc2GenerateOptions &options, const JobHooks &hooks);

private:
    struct State;
    std::unique_ptr<State> m;
};

} // namespace mbq
