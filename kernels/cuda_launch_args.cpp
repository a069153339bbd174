#include "kernels/cuda_launch_args.h"

namespace mbq::kernels {

SwapWeightArgs swapWeightArgs(const QSwapParams &p)
{
    SwapWeightArgs args;
    if (p.headWeights.defined())
        args.headWeights = p.headWeights.contiguous();
    if (p.tokenMask.defined())
        args.tokenMask = p.tokenMask.to(at::kByte).contiguous();
    args.weights.weight = p.weight;
    args.weights.headWeights =
        args.headWeights.defined() ? args.headWeights.data_ptr<float>() : nullptr;
    args.weights.tokenMask = args.tokenMask.defined() ? args.tokenMask.data_ptr<uint8_t>() : nullptr;
    args.weights.blend = p.mode == QSwapMode::Blend;
    return args;
}

cuda::ElementType elementType(at::ScalarType type)
{
    return type == at::kFloat ? cuda::ElementType::Float32
        : type == at::kHalf   ? cuda::ElementType::Float16
                              : cuda::ElementType::BFloat16;
}

} // namespace mbq::kernels
