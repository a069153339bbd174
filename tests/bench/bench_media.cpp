// media: decode + conform of an 81-frame 832×480 H.264 clip into Wan's 832×480×81 at 16 fps,
// the step that runs before every transfer. Budget on the 2-core CPU box: ≤ 1 s.
#include "core/media/conform.h"
#include "core/media/decode.h"
#include "core/media/video_writer.h"
#include "tests/bench/bench.h"

#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace mbq::bench {

// A textured background with a textured disc crossing it; `look` shifts colours and texture,
// `wobble` bends the disc's path. Also used by bench_metrics.cpp.
VideoFrames makeBenchClip(int width, int height, int frames, int look, double wobble)
{
    VideoFrames clip;
    clip.width = width;
    clip.height = height;
    clip.count = frames;
    clip.fps = 16.0;
    clip.rgb.resize(clip.frameBytes() * size_t(frames));
    const double period = 9.0 + 4.0 * look;
    for (int f = 0; f < frames; ++f) {
        const double cx = width * (0.2 + 0.6 * f / std::max(1, frames - 1));
        const double cy = height * 0.5 + wobble * std::sin(f * 0.7) + height * 0.2
            * std::sin(f * 0.08);
        const double radius = height * 0.2;
        uint8_t *out = clip.frame(f);
        for (int y = 0; y < height; ++y) {
            for (int x = 0; x < width; ++x, out += 3) {
                const double dx = x - cx;
                const double dy = y - cy;
                const bool inside = dx * dx + dy * dy < radius * radius;
                const double u = inside ? dx : x;
                const double v = inside ? dy : y;
                const double t = 0.5 + 0.25 * std::sin(u / period) * std::cos(v / (period * 0.7))
                    + 0.25 * std::sin((u + 2 * v) / (period * 0.37));
                const int base = inside ? 200 : 60 + 40 * look;
                out[0] = uint8_t(std::clamp(base * t + 30 * look, 0.0, 255.0));
                out[1] = uint8_t(std::clamp((255 - base) * t, 0.0, 255.0));
                out[2] = uint8_t(std::clamp(120 * t + 60 * (1 - look), 0.0, 255.0));
            }
        }
    }
    return clip;
}

bool runMedia(const Options &options)
{
    const int width = options.quick ? 416 : 832;
    const int height = options.quick ? 240 : 480;
    const int frames = options.quick ? 33 : 81;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("source.mp4"));
    const VideoFrames clip = makeBenchClip(width, height, frames, 0, 0.0);
    EncodeOptions encode;
    encode.preset = QStringLiteral("veryfast");
    Result<void> written;
    Options once = options;
    once.repeats = std::min(options.repeats, 3);
    const double encodeSeconds = medianSeconds(once, [&] { written = encodeVideo(clip, path, encode); });
    if (!written) {
        std::printf("media encode FAIL: %s\n", written.error().toString().c_str());
        return false;
    }

    ConformSpec spec = ConformSpec::wan();
    spec.width = width;
    spec.height = height;
    spec.frames = frames;
    int conformed = 0;
    bool ok = true;
    const double conformSeconds = medianSeconds(once, [&] {
        auto info = probeVideo(path);
        auto plan = info ? planConform(*info, spec) : Result<ConformPlan>(info.error());
        auto result = plan ? decodeConformed(*plan) : Result<ConformedClip>(plan.error());
        ok = result.ok();
        conformed = ok ? result->frames.count : 0;
    });
    const double decodeSeconds = medianSeconds(once, [&] { ok = decodeVideo(path).ok() && ok; });
    ok = ok && conformed == frames;
    std::printf("media %dx%dx%d h264: encode (veryfast) %.3f s, decode %.3f s\n", width, height,
                frames, encodeSeconds, decodeSeconds);
    std::printf("media decode+conform %.3f s (budget 1 s: %s) %s\n", conformSeconds,
                conformSeconds <= 1.0 ? "within" : "OVER", ok ? "ok" : "FAIL");
    return ok;
}

} // namespace mbq::bench
