// mbq-bench: Qt-free checks and timings of kernels and models. Exit code 1 when a check fails;
// timings never fail, they print ratios measured side by side in the same run.
#include "inference/engine.h"
#include "tests/bench/bench.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

struct Bench
{
    const char *name;
    bool (*run)(const mbq::bench::Options &);
    // Cheap enough to run when no bench is named (CI runs them with --quick).
    bool byDefault;
};

const std::vector<Bench> &benches()
{
    static const std::vector<Bench> all = {
        {"qswap", mbq::bench::runQSwap, true},
        // The device's reduced precision against the CPU's float32, on small random models.
        {"agree", mbq::bench::runAgree, true},
        // Real 1.3B widths: run only when named.
        {"wan-dit", mbq::bench::runWanDit, false},
        {"wan-vae", mbq::bench::runWanVae, false},
        // Our half of diffusers_side_by_side.py, which writes its --io folder.
        {"wan-reference", mbq::bench::runWanReference, false},
        {"vc2-unet", mbq::bench::runVc2UNet, false},
        {"wan-generation", mbq::bench::runWanGeneration, false},
        // Reduced Wan model through the engine; --quick makes it a few seconds.
        {"transfer", mbq::bench::runTransfer, true},
#if defined(MBQ_BENCH_WITH_CORE)
        {"media", mbq::bench::runMedia, true},
        {"metrics", mbq::bench::runMetrics, true},
#endif
    };
    return all;
}

void usage()
{
    std::string names;
    for (const Bench &bench : benches())
        names += std::string(names.empty() ? "" : "|") + bench.name;
    std::printf("usage: mbq-bench [--device cpu|cuda] [--repeats N] [--quick] [--io DIR] [%s]...\n"
                "       mbq-bench --info\n"
                "Runs the named benches (when none is named: those cheap enough by default) and\n"
                "prints their checks and timing ratios. Exits 1 if a correctness check failed.\n"
                "--info prints the build (LibTorch, CUDA, kernels, devices) and exits.\n"
                "--io DIR is the folder wan-reference shares with diffusers_side_by_side.py.\n",
                names.c_str());
}

} // namespace

int main(int argc, char **argv)
{
    mbq::bench::Options options;
    std::vector<const Bench *> chosen;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const auto named = std::find_if(benches().begin(), benches().end(),
                                        [&](const Bench &b) { return arg == b.name; });
        if (arg == "--device" && i + 1 < argc) {
            const std::string name = argv[++i];
            if (name != "cpu" && name != "cuda") {
                std::fprintf(stderr, "mbq-bench: unknown device '%s'\n", name.c_str());
                return 2;
            }
            options.device = name == "cuda" ? at::Device(at::kCUDA) : at::Device(at::kCPU);
        } else if (arg == "--repeats" && i + 1 < argc) {
            options.repeats = std::max(1, std::atoi(argv[++i]));
        } else if (arg == "--info") {
            std::printf("mbq-bench %s\n%s\n", MBQ_VERSION, mbq::inferenceBuildInfo().c_str());
            return 0;
        } else if (arg == "--io" && i + 1 < argc) {
            options.ioDir = argv[++i];
        } else if (arg == "--quick") {
            options.quick = true;
        } else if (named != benches().end()) {
            chosen.push_back(&*named);
        } else {
            usage();
            return arg == "--help" || arg == "-h" ? 0 : 2;
        }
    }
    if (chosen.empty())
        for (const Bench &bench : benches())
            if (bench.byDefault)
                chosen.push_back(&bench);
    if (options.device.is_cuda() && !at::hasCUDA()) {
        std::fprintf(stderr, "mbq-bench: this LibTorch has no CUDA device available\n");
        return 2;
    }
    std::printf("mbq-bench %s on %s\n%s\n", MBQ_VERSION, options.device.str().c_str(),
                mbq::inferenceBuildInfo().c_str());
    bool ok = true;
    try {
        for (const Bench *bench : chosen)
            ok = bench->run(options) && ok;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "mbq-bench: %s\n", e.what());
        return 1;
    }
    return ok ? 0 : 1;
}
