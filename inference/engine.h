#pragma once
// The engine facade: everything above inference/ talks to models through this header. It holds
// no torch type, so Qt code can include it (Qt's `slots`/`signals` macros break torch headers).

#include "inference/injection_schedule.h"
#include "inference/result.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mbq {

// RGB8 video, frames stored one after another, rows top to bottom, pixels R,G,B.
struct VideoFrames
{
    int width = 0;
    int height = 0;
    int count = 0;
    double fps = 0.0;
    std::vector<uint8_t> rgb;

    bool empty() const { return count == 0; }
    size_t frameBytes() const { return size_t(width) * size_t(height) * 3; }
    const uint8_t *frame(int i) const { return rgb.data() + size_t(i) * frameBytes(); }
    uint8_t *frame(int i) { return rgb.data() + size_t(i) * frameBytes(); }
};

// A float32 tensor in host memory, row-major; how latents leave the engine.
struct HostTensor
{
    std::vector<int64_t> shape;
    std::vector<float> data;
    bool empty() const { return data.empty(); }
};

enum class Sampler { UniPC, Euler, DDIM };
const char *samplerName(Sampler sampler);
bool parseSampler(const std::string &name, Sampler *out);

struct GenerationSettings
{
    uint64_t seed = 42;
    int width = 832;
    int height = 480;
    int frames = 81;
    double fps = 16.0;
    int steps = 50;
    double guidance = 5.0;
    double shift = 5.0;
    Sampler sampler = Sampler::UniPC;

    bool operator==(const GenerationSettings &o) const;
    bool operator!=(const GenerationSettings &o) const { return !(*this == o); }
};

struct RenderRequest
{
    std::string prompt;
    std::string negativePrompt;
    std::string sourcePrompt; // prompt for the source extraction pass; empty by default
    // Lockstep extraction only: the source clip is this model's render from this seed with this
    // request's settings, so the source's trajectory starts from that noise instead of from an
    // inversion of the clip.
    std::optional<uint64_t> sourceSeed;
    GenerationSettings settings;
    InjectionSchedule injection;
    VideoFrames source; // conformed source clip; empty = plain text-to-video

    bool wantFrames = true;
    bool wantLatents = false;
    bool wantBaseline = false; // also render the same prompt and seed with injection off
    // Where the engine saves the target latent (safetensors) before decoding, and on cancel, so
    // a failed decode or a cancelled render keeps the finished work; empty: not saved.
    std::string latentPath;
};

enum class Stage { LoadModel, EncodeSource, InvertSource, ExtractQ, Denoise, Decode, Metrics };
const char *stageName(Stage stage);

struct Progress
{
    Stage stage = Stage::Denoise;
    int step = 0;  // finished units of this stage
    int total = 0; // units in this stage
};

// Per-job hooks. Called on the engine's (worker) thread; keep them cheap.
struct JobHooks
{
    std::function<void(const Progress &)> progress;
    // A cheap latent-to-RGB projection after a denoising step; may be dropped by the receiver.
    std::function<void(const VideoFrames &preview, int step)> preview;
    // Set from another thread; the engine checks it at every denoising step.
    const std::atomic<bool> *cancel = nullptr;

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
};

struct RenderOutput
{
    VideoFrames frames;
    VideoFrames baseline;
    HostTensor latents;      // the target latent after the last finished step
    int completedSteps = 0;  // denoising steps finished
    bool cancelled = false;  // stopped early; what is here is the finished part
    // What the engine reused from earlier renders, so callers can show and test the savings:
    int extractionPasses = 0; // model passes that captured source Q (0: a kept Q bank served)
    int resumedSteps = 0;     // target steps taken from the trajectory cache, not computed
    int computedSteps = 0;    // denoising steps computed, target and baseline together
};

// Where the engine computes and how much it keeps between renders to make the next one
// faster. Applied to the next render.
struct EngineSettings
{
    std::string device = "auto"; // "auto" (CUDA when present), "cpu", "cuda"
    std::string dtype = "auto";  // "auto" (bf16 on CUDA, f32 on CPU), "f32", "bf16"
    // Captured source Q kept for the next render: this much on the compute device (0 = no
    // limit), then this much more in host memory (0 = none), then on disk in the cache folder
    // (0 = none); fp8 stores a quarter of float32.
    int64_t qBankBytes = 0;
    int64_t qBankHostBytes = 0;
    int64_t qBankDiskBytes = 0;
    bool qBankFp8 = false;
    // Target latents after each step, kept so a re-render resumes at the first changed step:
    // this much in memory, then spilled to `cacheFolder` up to `trajectoryDiskBytes` (no disk
    // tier when the folder is empty).
    int64_t trajectoryMemoryBytes = int64_t(1) << 30;
    int64_t trajectoryDiskBytes = int64_t(8) << 30;
    std::string cacheFolder;

    bool operator==(const EngineSettings &o) const;
    bool operator!=(const EngineSettings &o) const { return !(*this == o); }
};

// The checks every engine makes: known device and dtype names, no negative budget. The message
// names the setting.
Result<void> validateEngineSettings(const EngineSettings &settings);

struct ModelInfo
{
    std::string folder;
    std::string family;      // "wan2.1", "videocrafter2", "fake"
    std::string layout;      // "official", "diffusers", ...
    std::vector<std::string> layers; // injectable layer ids, in network order
    int64_t parameterCount = 0;
};

// Memory of the compute device in bytes (0: unknown): what the process holds there now, the
// most it held since the last render began, and the device's capacity. On a CUDA device: torch's
// caching allocator and the GPU's memory; on the CPU: this process's resident memory and the
// machine's physical memory.
struct MemoryReadout
{
    bool gpu = false;
    int64_t inUse = 0;
    int64_t peak = 0;
    int64_t capacity = 0;
};

class Engine
{
public:
    virtual ~Engine() = default;

    // Loads (or validates) the model folder; later renders use it.
    virtual Result<ModelInfo> loadModel(const std::string &folder) = 0;
    // Fails with InvalidArgument (and keeps the previous settings) for an unknown device or
    // dtype name, or a device this machine lacks.
    virtual Result<void> configure(const EngineSettings &settings) = 0;
    virtual Result<RenderOutput> render(const RenderRequest &request, const JobHooks &hooks) = 0;
    // Human-readable compute device, e.g. "CPU (8 threads)" or "NVIDIA H100 80GB".
    virtual std::string deviceName() const = 0;
    // The compute device's memory; engines that compute nothing report it unknown.
    virtual MemoryReadout memory() const { return {}; }
};

// The LibTorch engine (real models).
std::unique_ptr<Engine> createTorchEngine();

// A few lines on the inference build (build_info.cpp): the LibTorch and the CUDA it was built
// with, the CUDA kernels' toolkit and GPU generations, the runtime and driver found, and the
// devices this process sees.
std::string inferenceBuildInfo();

// A deterministic stand-in used only to test threading, queueing and cancel: it produces
// frames that are a pure function of the request, sleeping `stepDelayMs` per step.
struct FakeEngineOptions
{
    int stepDelayMs = 10;
    // When set, render() fails with this message (code Internal) after `failAtStep` steps.
    std::string failWith;
    int failAtStep = 0;
};
std::unique_ptr<Engine> createFakeEngine(const FakeEngineOptions &options = {});

} // namespace mbq
