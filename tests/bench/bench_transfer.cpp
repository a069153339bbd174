// mbq-bench transfer: what motion transfer costs over a plain render, through the engine as the
// studio uses it, on a reduced random-weight Wan2.1 model written to a temporary folder. Side by
// side in one run: the baseline render, a render with a ready Q bank, the first render of a new
// source (single extraction included), the first render with lockstep extraction, and a
// re-render after moving the end of the step range, which resumes from the trajectory cache.
// Checks (not timings) fail the bench: the ready bank must need no source pass, lockstep one per
// step and injected step, and the resume must compute only the changed steps.
#include "inference/engine.h"
#include "inference/wan_tools.h"
#include "tests/bench/bench.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <unistd.h>

namespace mbq::bench {

namespace {

double seconds(const std::function<void()> &fn)
{
    const auto start = std::chrono::steady_clock::now();
    fn();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

VideoFrames movingSquare(const GenerationSettings &s, int variant)
{
    VideoFrames clip;
    clip.width = s.width;
    clip.height = s.height;
    clip.count = s.frames;
    clip.fps = s.fps;
    clip.rgb.assign(size_t(clip.count) * clip.frameBytes(), 30);
    for (int f = 0; f < clip.count; ++f)
        for (int y = s.height / 4; y < s.height / 2; ++y)
            for (int x = 2 * f; x < 2 * f + s.width / 4 && x < s.width; ++x)
                clip.frame(f)[(y * s.width + x) * 3] = 230;
    clip.rgb[0] = uint8_t(variant); // another source for the bank
    return clip;
}

} // namespace

bool runTransfer(const Options &options)
{
    if (options.device.is_cuda())
        std::printf("transfer: reduced model on the CPU only (real-size GPU runs: mbq transfer)\n");
    namespace fs = std::filesystem;
    const fs::path folder = fs::temp_directory_path()
                            / ("mbq-bench-transfer-" + std::to_string(::getpid()));
    TinyModelOptions tiny;
    tiny.folder = folder.string();
    if (!options.quick) {
        tiny.dim = 256;
        tiny.layers = 8;
        tiny.heads = 4;
        tiny.ffnDim = 1024;
        tiny.textDim = 64;
    }
    if (auto made = makeTinyModel(tiny); !made) {
        std::printf("transfer: FAILED to write the model: %s\n", made.error().message.c_str());
        return false;
    }
    struct Cleanup
    {
        fs::path path;
        ~Cleanup() { std::error_code ec; fs::remove_all(path, ec); }
    } cleanup{folder};

    GenerationSettings s;
    s.width = options.quick ? 64 : 128;
    s.height = options.quick ? 48 : 96;
    s.frames = options.quick ? 5 : 9;
    s.steps = options.quick ? 8 : 20;
    const int layers = options.quick ? 3 : 8;
    RenderRequest plain;
    plain.prompt = "a red fox runs through snow";
    plain.settings = s;
    RenderRequest transfer = plain;
    for (int l = 0; l < layers; ++l)
        transfer.injection.layers.push_back({"block." + std::to_string(l), 1.0f, {}});
    transfer.injection.stepBegin = 0;
    transfer.injection.stepEnd = s.steps * 58 / 100; // the paper's Wan setting
    transfer.injection.extraction = ExtractionMode::Single;
    transfer.injection.extractionTimestep = 200.0f;
    transfer.source = movingSquare(s, 0);

    // No trajectory cache for the cost measurements: every render computes all its steps.
    const auto engineWith = [&](int64_t trajectoryBytes) {
        auto engine = createTorchEngine();
        EngineSettings settings;
        settings.device = "cpu";
        settings.dtype = "f32";
        settings.trajectoryMemoryBytes = trajectoryBytes;
        if (!engine->configure(settings) || !engine->loadModel(folder.string()))
            engine.reset();
        return engine;
    };
    auto engine = engineWith(0);
    if (!engine || !engine->render(plain, {}) || !engine->render(transfer, {})) {
        std::printf("transfer: FAILED to render on the reduced model\n");
        return false;
    }

    bool ok = true;
    const int repeats = std::clamp(options.repeats, 1, options.quick ? 2 : 5);
    std::vector<double> baseline, ready, first;
    for (int r = 0; r < repeats; ++r) {
        // A new source: its first render extracts; the next render of it has a ready bank.
        RenderRequest fresh = transfer;
        fresh.source = movingSquare(s, 1 + r);
        fresh.settings.seed = 100 + uint64_t(r);
        Result<RenderOutput> out = makeError(ErrorCode::Internal, "not run");
        first.push_back(seconds([&] { out = engine->render(fresh, {}); }));
        if (!out || out->extractionPasses != 1) {
            std::printf("transfer: FAILED: a new source did not run exactly one source pass\n");
            ok = false;
        }
        fresh.settings.seed = plain.settings.seed = 300 + uint64_t(r);
        ready.push_back(seconds([&] { out = engine->render(fresh, {}); }));
        if (!out || out->extractionPasses != 0) {
            std::printf("transfer: FAILED: a ready bank still ran a source pass\n");
            ok = false;
        }
        baseline.push_back(seconds([&] { out = engine->render(plain, {}); }));
        ok = ok && out;
    }
    const double base = median(baseline);
    std::printf("transfer: %dx%dx%d, %d steps, %d of %d layers over steps [0,%d), CPU f32\n",
                s.width, s.height, s.frames, s.steps, layers, layers, transfer.injection.stepEnd);
    std::printf("transfer: baseline %.1f ms; ready bank %.1f ms = %.3fx (target <= 1.03x); "
                "first render with single extraction %.1f ms = %.3fx (target <= 1.05x)\n",
                base * 1e3, median(ready) * 1e3, median(ready) / base, median(first) * 1e3,
                median(first) / base);

    // Lockstep: the source inverted (one pass per step), then walked beside the target over
    // the range (one pass per injected step); no target, it shows what the mode costs.
    RenderRequest lockstep = transfer;
    lockstep.injection.extraction = ExtractionMode::Lockstep;
    const int lockstepPasses = s.steps + transfer.injection.stepEnd;
    std::vector<double> locked;
    for (int r = 0; r < repeats; ++r) {
        lockstep.source = movingSquare(s, 10 + r);
        lockstep.settings.seed = 400 + uint64_t(r);
        Result<RenderOutput> out = makeError(ErrorCode::Internal, "not run");
        locked.push_back(seconds([&] { out = engine->render(lockstep, {}); }));
        if (!out || out->extractionPasses != lockstepPasses) {
            std::printf("transfer: FAILED: lockstep did not run %d source passes\n",
                        lockstepPasses);
            ok = false;
        }
    }
    std::printf("transfer: first render with lockstep extraction %.1f ms = %.3fx "
                "(%d source passes beside %d guided steps)\n",
                median(locked) * 1e3, median(locked) / base, lockstepPasses, s.steps);

    // Resume: move the end of the range down by a quarter of the steps after a full render.
    auto cached = engineWith(int64_t(1) << 30);
    if (!cached || !cached->render(plain, {})) {
        std::printf("transfer: FAILED to render with the trajectory cache\n");
        return false;
    }
    RenderRequest moved = transfer;
    moved.injection.stepEnd = transfer.injection.stepEnd - s.steps / 4;
    std::vector<double> full, resumed;
    for (int r = 0; r < repeats; ++r) {
        transfer.settings.seed = moved.settings.seed = 200 + uint64_t(r);
        Result<RenderOutput> out = makeError(ErrorCode::Internal, "not run");
        full.push_back(seconds([&] { out = cached->render(transfer, {}); }));
        ok = ok && out;
        resumed.push_back(seconds([&] { out = cached->render(moved, {}); }));
        if (!out || out->resumedSteps != moved.injection.stepEnd
            || out->computedSteps != s.steps - moved.injection.stepEnd) {
            std::printf("transfer: FAILED: moving the range end to %d did not resume there\n",
                        moved.injection.stepEnd);
            ok = false;
        }
    }
    std::printf("transfer: range end %d -> %d re-render %.1f ms = %.3fx of a full render "
                "(computes %d of %d steps)\n",
                transfer.injection.stepEnd, moved.injection.stepEnd, median(resumed) * 1e3,
                median(resumed) / median(full), s.steps - moved.injection.stepEnd, s.steps);
    return ok;
}

} // namespace mbq::bench
