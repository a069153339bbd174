// Shared by the model benches: peak memory and random weights at real widths.
#include "inference/memory_readout.h"
#include "inference/wan/dit_weights.h"
#include "tests/bench/bench.h"

#include <algorithm>
#include <cmath>

namespace mbq::bench {

namespace {

int cudaIndex(const at::Device &device)
{
    return device.is_cuda() ? std::max<int>(0, device.index()) : -1;
}

} // namespace

double peakMemoryMiB(const at::Device &device)
{
    return double(readMemory(cudaIndex(device)).peak) / (1024.0 * 1024.0);
}

void resetPeakMemory(const at::Device &device)
{
    resetMemoryPeak(cudaIndex(device));
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

wan::WanDitWeights randomWanDitWeights(const wan::WanDitConfig &config,
                                       const wan::WanDitPrecision &precision)
{
    wan::WanDitWeights weights;
    weights.tensors = randomTensors(wan::wanDitTensorShapes(config), [&](const std::string &name) {
        return std::make_pair(precision.device,
                              wan::isLinearWeight(name) ? precision.linear : precision.stream);
    });
    for (const auto &[name, tensor] : weights.tensors)
        weights.parameterCount += tensor.numel();
    return weights;
}

} // namespace mbq::bench
