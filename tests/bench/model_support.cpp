// Shared by the model benches: peak memory and random weights at real widths.
#include "tests/bench/bench.h"

#include <algorithm>
#include <cmath>
#include <fstream>

#if defined(MBQ_TORCH_HAS_CUDA)
#include <c10/cuda/CUDACachingAllocator.h>
#endif

namespace mbq::bench {

namespace {

double hostPeakMiB()
{
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == "VmHWM:") {
            double kib = 0;
            status >> kib;
            return kib / 1024.0;
        }
        status.ignore(1 << 12, '\n');
    }
    return 0.0;
}

} // namespace

double peakMemoryMiB([[maybe_unused]] const at::Device &device)
{
#if defined(MBQ_TORCH_HAS_CUDA)
    if (device.is_cuda()) {
        const auto stats = c10::cuda::CUDACachingAllocator::getDeviceStats(device.index());
        const auto &peak = stats.allocated_bytes[size_t(c10::CachingAllocator::StatType::AGGREGATE)];
        return double(peak.peak) / (1024.0 * 1024.0);
    }
#endif
    return hostPeakMiB();
}

std::map<std::string, at::Tensor> randomTensors(const TensorShapeList &shapes,
                                                const Placement &placement)
{
    std::map<std::string, at::Tensor> tensors;
    at::Generator generator = at::detail::createCPUGenerator(0);
    for (const auto &[name, shape] : shapes) {
        int64_t fanIn = 1;
        for (size_t i = 1; i < shape.size(); ++i)
            fanIn *= shape[i];
        const int64_t last = shape.empty() ? 1 : shape.back();
        const auto [device, dtype] = placement(name);
        const at::Tensor values = at::randn(shape, generator, at::kFloat)
                                  / std::sqrt(double(std::max<int64_t>(fanIn, last)));
        tensors.emplace(name, values.to(device, dtype));
    }
    return tensors;
}

} // namespace mbq::bench
