// mbq-bench: Qt-free checks and timings of kernels and models. Exit code 1 when a check fails;
// timings never fail, they print ratios measured side by side in the same run.
#include "kernels/qswap.h"
#include "tests/bench/bench.h"

#include <torch/version.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#if defined(MBQ_BENCH_WITH_CORE)
// Built only with the Qt layers (bench_media.cpp, bench_metrics.cpp link mbq_core).
namespace mbq::bench {
bool runMedia(const Options &options);
bool runMetrics(const Options &options);
} // namespace mbq::bench
#endif

namespace {

void usage()
{
#if defined(MBQ_BENCH_WITH_CORE)
    std::printf("usage: mbq-bench [--device cpu|cuda] [--repeats N] [--quick] "
                "[qswap|media|metrics|wan-dit]...\n"
#else
    std::printf("usage: mbq-bench [--device cpu|cuda] [--repeats N] [--quick] [qswap|wan-dit]...\n"
#endif
                "Runs the named benches (all when none is named) and prints their checks and\n"
                "timing ratios. Exits 1 if a correctness check failed.\n");
}

} // namespace

int main(int argc, char **argv)
{
    mbq::bench::Options options;
    bool wantQSwap = false;
    bool wantWanDit = false;
    bool wantMedia = false;
    bool wantMetrics = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--device" && i + 1 < argc) {
            const std::string name = argv[++i];
            if (name != "cpu" && name != "cuda") {
                std::fprintf(stderr, "mbq-bench: unknown device '%s'\n", name.c_str());
                return 2;
            }
            options.device = name == "cuda" ? at::Device(at::kCUDA) : at::Device(at::kCPU);
        } else if (arg == "--repeats" && i + 1 < argc) {
            options.repeats = std::max(1, std::atoi(argv[++i]));
        } else if (arg == "--quick") {
            options.quick = true;
        } else if (arg == "qswap") {
            wantQSwap = true;
        } else if (arg == "wan-dit") {
            wantWanDit = true;
#if defined(MBQ_BENCH_WITH_CORE)
        } else if (arg == "media") {
            wantMedia = true;
        } else if (arg == "metrics") {
            wantMetrics = true;
#endif
        } else {
            usage();
            return arg == "--help" || arg == "-h" ? 0 : 2;
        }
    }
    const bool all = !wantQSwap && !wantMedia && !wantMetrics && !wantWanDit;
    if (options.device.is_cuda() && !at::hasCUDA()) {
        std::fprintf(stderr, "mbq-bench: this LibTorch has no CUDA device available\n");
        return 2;
    }
    std::printf("mbq-bench %s, LibTorch %s, device %s, CUDA kernels %s\n", MBQ_VERSION,
                TORCH_VERSION, options.device.str().c_str(),
                mbq::kernels::cudaKernelsAvailable() ? "available" : "not available");
    bool ok = true;
    try {
        if (all || wantQSwap)
            ok = mbq::bench::runQSwap(options) && ok;
        // Heavy (a 1.4 B-parameter model): only when asked for by name.
        if (wantWanDit)
            ok = mbq::bench::runWanDit(options) && ok;
#if defined(MBQ_BENCH_WITH_CORE)
        if (all || wantMedia)
            ok = mbq::bench::runMedia(options) && ok;
        if (all || wantMetrics)
            ok = mbq::bench::runMetrics(options) && ok;
#endif
    } catch (const std::exception &e) {
        std::fprintf(stderr, "mbq-bench: %s\n", e.what());
        return 1;
    }
    return ok ? 0 : 1;
}
