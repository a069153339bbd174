#pragma once
// mbq-bench's small shared vocabulary: each bench is a function that prints its lines and
// returns false when a check (not a timing) failed.

#include "inference/wan/dit_weights.h"

#include <ATen/ATen.h>

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace mbq::bench {

struct Options
{
    at::Device device = at::kCPU;
    int repeats = 20;
    bool quick = false; // smaller shapes, for smoke runs in CI
    // --io: the folder through which a bench driven by a script (wan-reference) exchanges
    // weights, inputs and outputs with it.
    std::string ioDir;
};

// Median seconds of `repeats` runs of fn after one warm-up; synchronises CUDA around each run.
double medianSeconds(const Options &options, const std::function<void()> &fn);
// Seconds of one run, no warm-up (what a whole generation costs the first time), synchronised.
double onceSeconds(const Options &options, const std::function<void()> &fn);

// Peak memory since the last resetPeakMemory: the CUDA caching allocator's peak on a CUDA
// device, else this process's peak resident set (VmHWM). MiB.
double peakMemoryMiB(const at::Device &device);
void resetPeakMemory(const at::Device &device);

// Random weights for benchmarking a model at its real widths: N(0, 1) / sqrt(fan-in) for each
// (name, shape), placed where `placement(name)` says.
using TensorShapeList = std::vector<std::pair<std::string, std::vector<int64_t>>>;
using Placement = std::function<std::pair<at::Device, at::ScalarType>(const std::string &name)>;
std::map<std::string, at::Tensor> randomTensors(const TensorShapeList &shapes,
                                                const Placement &placement);
// A Wan DiT's random weights (randomTensors) in `precision`: linear layers in its linear dtype,
// the rest in its stream dtype, on its device.
wan::WanDitWeights randomWanDitWeights(const wan::WanDitConfig &config,
                                       const wan::WanDitPrecision &precision);

bool runQSwap(const Options &options);   // bench_qswap.cpp
bool runAgree(const Options &options);   // bench_agree.cpp
bool runWanQPath(const Options &options); // bench_wan_q_path.cpp, run by runQSwap
bool runWanDit(const Options &options);  // bench_wan.cpp
bool runWanVae(const Options &options);  // bench_wan_vae.cpp
bool runWanReference(const Options &options); // bench_wan_reference.cpp
bool runTransfer(const Options &options); // bench_transfer.cpp
bool runVc2UNet(const Options &options);  // bench_vc2.cpp
bool runWanGeneration(const Options &options); // bench_wan_generation.cpp
#if defined(MBQ_BENCH_WITH_CORE)
// Built only with the Qt layers (they link mbq_core).
bool runMedia(const Options &options);   // bench_media.cpp
bool runMetrics(const Options &options); // bench_metrics.cpp
#endif

} // namespace mbq::bench
