// The fake engine: a deterministic stand-in that exists ONLY to test threading, queueing,
// progress, preview throttling and cancel without real weights. It computes nothing
// meaningful: its latents blend seeded noise towards a prompt-derived pattern, and its frames
// are a gradient pattern that is a pure function of (seed, prompts, size, frame index). It
// validates requests with the real engine's rules (request_rules.h), so callers see the same
// errors either way.

#include "inference/engine.h"
#include "inference/request_rules.h"

#include <algorithm>
#include <chrono>
#include <thread>

namespace mbq {
namespace {

constexpr int kLatentStride = 8;   // spatial downsampling of the (pretend) VAE
constexpr int kTemporalStride = 4; // frames = 4n + 1
constexpr int kLatentChannels = 16;

uint64_t fnv1a(const std::string &text, uint64_t hash = 14695981039346656037ull)
{
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return hash;
}

// splitmix64: a cheap, well-mixed hash of one 64-bit value.
uint64_t mix(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

// Uniform in [-1, 1).
float unitNoise(uint64_t key)
{
    return float(mix(key) >> 40) / float(1 << 23) - 1.0f;
}

class FakeEngine final : public Engine
{
public:
    explicit FakeEngine(FakeEngineOptions options) : m_options(std::move(options)) {}

    Result<ModelInfo> loadModel(const std::string &folder) override
    {
        if (folder.empty())
            return makeError(ErrorCode::NotFound, "no model folder given");
        ModelInfo info;
        info.folder = folder;
        info.family = "fake";
        info.layout = "fake";
        for (int i = 0; i < 4; ++i)
            info.layers.push_back("block." + std::to_string(i));
        return info;
    }

    Result<void> configure(const EngineSettings &settings) override
    {
        if (auto valid = validateEngineSettings(settings); !valid)
            return valid;
        if (settings.device == "cuda")
            return makeError(ErrorCode::InvalidArgument,
                             "the fake engine has no CUDA device; choose auto or cpu");
        return {};
    }

    Result<RenderOutput> render(const RenderRequest &request, const JobHooks &hooks) override;

    std::string deviceName() const override { return "Fake engine (no compute)"; }

private:
    void report(const JobHooks &hooks, Stage stage, int step, int total) const
    {
        if (hooks.progress)
            hooks.progress(Progress{stage, step, total});
    }
    void sleepOneStep() const
    {
        if (m_options.stepDelayMs > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(m_options.stepDelayMs));
    }
    Error failure() const { return makeError(ErrorCode::Internal, m_options.failWith); }

    FakeEngineOptions m_options;
};

struct LatentGrid
{
    int frames = 0;
    int height = 0;
    int width = 0;
    size_t size() const { return size_t(kLatentChannels) * frames * height * width; }
};

// The first three latent channels of each latent frame as RGB: the "cheap projection".
VideoFrames previewOf(const std::vector<float> &latent, const LatentGrid &grid)
{
    VideoFrames preview;
    preview.width = grid.width;
    preview.height = grid.height;
    preview.count = grid.frames;
    preview.rgb.resize(preview.frameBytes() * size_t(preview.count));
    const size_t plane = size_t(grid.height) * grid.width;
    const size_t channelStride = plane * grid.frames;
    for (int f = 0; f < grid.frames; ++f) {
        uint8_t *out = preview.frame(f);
        for (size_t p = 0; p < plane; ++p) {
            for (int c = 0; c < 3; ++c) {
                const float v = latent[c * channelStride + f * plane + p];
                out[p * 3 + c] = uint8_t(std::clamp((v + 1.0f) * 127.5f, 0.0f, 255.0f));
            }
        }
    }
    return preview;
}

// The "decoded" video: a moving gradient whose colours and phase come from `key`.
VideoFrames patternFrames(const GenerationSettings &s, uint64_t key)
{
    VideoFrames frames;
    frames.width = s.width;
    frames.height = s.height;
    frames.count = s.frames;
    frames.fps = s.fps;
    frames.rgb.resize(frames.frameBytes() * size_t(frames.count));
    const uint64_t k = mix(key);
    for (int f = 0; f < s.frames; ++f) {
        uint8_t *out = frames.frame(f);
        for (int y = 0; y < s.height; ++y) {
            for (int x = 0; x < s.width; ++x) {
                uint8_t *px = out + (size_t(y) * s.width + x) * 3;
                px[0] = uint8_t(x * 255 / s.width + f * 3 + (k & 0xff));
                px[1] = uint8_t(y * 255 / s.height + ((k >> 8) & 0xff));
                px[2] = uint8_t(((x + y) / 4 + f * 5) ^ ((k >> 16) & 0xff));
            }
        }
    }
    return frames;
}

Result<RenderOutput> FakeEngine::render(const RenderRequest &request, const JobHooks &hooks)
{
    if (auto valid = validateRequest(request); !valid)
        return valid.error();
    const GenerationSettings &s = request.settings;
    const bool failing = !m_options.failWith.empty();

    report(hooks, Stage::LoadModel, 0, 1);
    report(hooks, Stage::LoadModel, 1, 1);
    if (!request.source.empty()) {
        report(hooks, Stage::EncodeSource, 0, 1);
        sleepOneStep();
        report(hooks, Stage::EncodeSource, 1, 1);
    }

    const LatentGrid grid{(s.frames - 1) / kTemporalStride + 1, s.height / kLatentStride,
                          s.width / kLatentStride};
    const uint64_t key = fnv1a(request.negativePrompt, fnv1a(request.prompt, mix(s.seed)));
    std::vector<float> noise(grid.size());
    std::vector<float> clean(grid.size());
    for (size_t i = 0; i < noise.size(); ++i) {
        noise[i] = unitNoise(mix(s.seed) ^ i);
        clean[i] = unitNoise(key + i);
    }
    std::vector<float> latent = noise;

    RenderOutput output;
    auto keepLatent = [&] {
        output.latents.shape = {kLatentChannels, grid.frames, grid.height, grid.width};
        output.latents.data = latent;
    };

    report(hooks, Stage::Denoise, 0, s.steps);
    for (int step = 0; step < s.steps; ++step) {
        if (hooks.cancelled()) {
            output.cancelled = true;
            if (step > 0)
                keepLatent();
            return output;
        }
        if (failing && step == m_options.failAtStep)
            return failure();
        sleepOneStep();
        // Latent after step k: noise blended towards the pattern by (k + 1) / steps.
        const float t = float(step + 1) / float(s.steps);
        for (size_t i = 0; i < latent.size(); ++i)
            latent[i] = noise[i] * (1.0f - t) + clean[i] * t;
        output.completedSteps = step + 1;
        output.computedSteps = step + 1;
        report(hooks, Stage::Denoise, step + 1, s.steps);
        if (hooks.preview)
            hooks.preview(previewOf(latent, grid), step);
    }
    if (failing)
        return failure();
    if (request.wantLatents || hooks.cancelled())
        keepLatent();
    // Decoding is the expensive tail of a real render: a cancel before it keeps the latents.
    if (hooks.cancelled()) {
        output.cancelled = true;
        return output;
    }

    report(hooks, Stage::Decode, 0, 1);
    if (request.wantFrames)
        output.frames = patternFrames(s, key);
    if (request.wantBaseline)
        output.baseline = patternFrames(s, ~key);
    report(hooks, Stage::Decode, 1, 1);
    return output;
}

} // namespace

std::unique_ptr<Engine> createFakeEngine(const FakeEngineOptions &options)
{
    return std::make_unique<FakeEngine>(options);
}

} // namespace mbq
