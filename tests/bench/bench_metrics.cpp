// metrics: motion fidelity, identity leak and temporal consistency for one source/output pair
// of 81 frames at 832×480 (and with a baseline). Budget on the 2-core CPU box: ≤ 3 s per pair.
#include "core/metrics/clip_metrics.h"
#include "tests/bench/bench.h"

#include <QJsonDocument>

#include <algorithm>
#include <cstdio>

namespace mbq::bench {

VideoFrames makeBenchClip(int width, int height, int frames, int look, double wobble); // bench_media.cpp

bool runMetrics(const Options &options)
{
    const int width = options.quick ? 416 : 832;
    const int height = options.quick ? 240 : 480;
    const int frames = options.quick ? 33 : 81;
    const VideoFrames source = makeBenchClip(width, height, frames, 0, 0.0);
    const VideoFrames output = makeBenchClip(width, height, frames, 1, 2.0);
    const VideoFrames baseline = makeBenchClip(width, height, frames, 1, 25.0);
    Options once = options;
    once.repeats = std::min(options.repeats, 3);

    Result<MetricsReport> pair = makeError(ErrorCode::Internal, "not run");
    const double pairSeconds = medianSeconds(once, [&] { pair = computeMetrics(source, output); });
    Result<MetricsReport> full = makeError(ErrorCode::Internal, "not run");
    const double fullSeconds = medianSeconds(
        once, [&] { full = computeMetrics(source, output, &baseline); });
    if (!pair || !full) {
        std::printf("metrics FAIL: %s\n", (!pair ? pair : full).error().toString().c_str());
        return false;
    }
    // Determinism is a check, not a timing: a second run must match bit for bit.
    const bool same = QJsonDocument(full->toJson()) == QJsonDocument(
                          computeMetrics(source, output, &baseline)->toJson());
    std::printf("metrics %dx%dx%d: fidelity %.3f, leak %.3f (baseline fidelity %.3f), warp "
                "error %.4f\n",
                width, height, frames, full->fidelity.score, full->leak.leak,
                full->baselineFidelity->score, full->consistency.warpError);
    std::printf("metrics pair %.3f s (budget 3 s: %s), with baseline %.3f s, deterministic %s\n",
                pairSeconds, pairSeconds <= 3.0 ? "within" : "OVER", fullSeconds,
                same ? "ok" : "FAIL");
    return same;
}

} // namespace mbq::bench
