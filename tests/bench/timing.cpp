#include "tests/bench/bench.h"

#include <algorithm>
#include <chrono>
#include <vector>

#if defined(MBQ_TORCH_HAS_CUDA)
#include <ATen/cuda/CUDAContext.h>
#endif

namespace mbq::bench {
namespace {

void synchronise([[maybe_unused]] const Options &options)
{
#if defined(MBQ_TORCH_HAS_CUDA)
    if (options.device.is_cuda())
        at::cuda::getCurrentCUDAStream().synchronize();
#endif
}

} // namespace

double medianSeconds(const Options &options, const std::function<void()> &fn)
{
    fn();
    synchronise(options);
    std::vector<double> times;
    for (int i = 0; i < options.repeats; ++i) {
        const auto start = std::chrono::steady_clock::now();
        fn();
        synchronise(options);
        times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
                            .count());
    }
    std::nth_element(times.begin(), times.begin() + times.size() / 2, times.end());
    return times[times.size() / 2];
}

double onceSeconds(const Options &options, const std::function<void()> &fn)
{
    synchronise(options);
    const auto start = std::chrono::steady_clock::now();
    fn();
    synchronise(options);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace mbq::bench
