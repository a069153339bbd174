#pragma once
// mbq-bench's small shared vocabulary: each bench is a function that prints its lines and
// returns false when a check (not a timing) failed.

#include <ATen/ATen.h>

#include <functional>
#include <string>

namespace mbq::bench {

struct Options
{
    at::Device device = at::kCPU;
    int repeats = 20;
    bool quick = false; // smaller shapes, for smoke runs in CI
};

// Median seconds of `repeats` runs of fn after one warm-up; synchronises CUDA around each run.
double medianSeconds(const Options &options, const std::function<void()> &fn);

bool runQSwap(const Options &options);   // bench_qswap.cpp
bool runWanDit(const Options &options);  // bench_wan.cpp
bool runWanVae(const Options &options);  // bench_wan_vae.cpp
bool runTransfer(const Options &options); // bench_transfer.cpp
#if defined(MBQ_BENCH_WITH_CORE)
// Built only with the Qt layers (they link mbq_core).
bool runMedia(const Options &options);   // bench_media.cpp
bool runMetrics(const Options &options); // bench_metrics.cpp
#endif

} // namespace mbq::bench
