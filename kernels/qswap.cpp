// q_swap's torch-facing wrapper: every check an artist's settings or a model bug could trip,
// with messages that say what was expected, then dispatch by device.
#include "kernels/qswap.h"
#include "kernels/torch_cuda.h"

#if defined(MBQ_HAVE_CUDA)
#include "kernels/cuda_launch_args.h"
#include "kernels/qswap_cuda.h"
#endif

namespace mbq::kernels {
namespace {

#if defined(MBQ_HAVE_CUDA)
void qSwapCuda_(at::Tensor &target, const at::Tensor &source, const QSwapParams &p)
{
    cuda::QSwapLaunch launch;
    launch.target = target.data_ptr();
    launch.source = source.data_ptr();
    launch.batch = target.size(0);
    launch.tokens = target.size(1);
    launch.channels = target.size(2);
    launch.heads = p.heads;
    launch.sourceBroadcast = source.size(0) == 1 && target.size(0) != 1;
    const SwapWeightArgs weights = swapWeightArgs(p);
    launch.weights = weights.weights;
    launch.type = elementType(target.scalar_type());
    launch.stream = torch_cuda::currentCudaStream(target);
    const int status = cuda::launchQSwap(launch);
    TORCH_CHECK(status == 0, "q_swap: CUDA launch failed: ", cuda::errorString(status));
}
#endif

} // namespace

void checkQSwapInputs(const at::Tensor &target, const at::Tensor &source, const QSwapParams &p,
                      std::optional<at::ScalarType> sourceType)
{
    TORCH_CHECK(target.defined() && source.defined(), "q_swap: target and source must be set");
    TORCH_CHECK(target.dim() == 3, "q_swap: target must be [batch, tokens, channels], got ",
                target.sizes());
    TORCH_CHECK(source.dim() == 3, "q_swap: source must be [batch, tokens, channels], got ",
                source.sizes());
    const auto type = target.scalar_type();
    TORCH_CHECK(type == at::kFloat || type == at::kHalf || type == at::kBFloat16,
                "q_swap: dtype must be float32, float16 or bfloat16, got ", type);
    const at::ScalarType decoded = sourceType.value_or(source.scalar_type());
    TORCH_CHECK(decoded == type, "q_swap: source dtype ", decoded, " differs from target dtype ",
                type);
    TORCH_CHECK(source.device() == target.device(), "q_swap: source on ", source.device(),
                " but target on ", target.device());
    TORCH_CHECK(source.size(1) == target.size(1) && source.size(2) == target.size(2),
                "q_swap: source ", source.sizes(), " does not match target ", target.sizes(),
                " in tokens and channels");
    TORCH_CHECK(source.size(0) == target.size(0) || source.size(0) == 1, "q_swap: source batch ",
                source.size(0), " must be 1 or the target's ", target.size(0));
    TORCH_CHECK(target.is_contiguous() && source.is_contiguous(),
                "q_swap: target and source must be contiguous");
    TORCH_CHECK(p.heads > 0 && target.size(2) % p.heads == 0, "q_swap: ", target.size(2),
                " channels do not split into ", p.heads, " heads");
    TORCH_CHECK(p.weight >= 0.0f && p.weight <= 1.0f, "q_swap: weight ", p.weight,
                " outside [0, 1]");
    if (p.headWeights.defined()) {
        TORCH_CHECK(p.headWeights.dim() == 1 && p.headWeights.size(0) == p.heads,
                    "q_swap: head weights must be [", p.heads, "], got ", p.headWeights.sizes());
        TORCH_CHECK(p.headWeights.scalar_type() == at::kFloat,
                    "q_swap: head weights must be float32");
        TORCH_CHECK(p.headWeights.device() == target.device(),
                    "q_swap: head weights must be on the target's device");
    }
    if (p.tokenMask.defined()) {
        TORCH_CHECK(p.tokenMask.dim() == 1 && p.tokenMask.size(0) == target.size(1),
                    "q_swap: token mask must be [", target.size(1), "], got ",
                    p.tokenMask.sizes());
        TORCH_CHECK(p.tokenMask.scalar_type() == at::kBool
                        || p.tokenMask.scalar_type() == at::kByte,
                    "q_swap: token mask must be bool or uint8");
        TORCH_CHECK(p.tokenMask.device() == target.device(),
                    "q_swap: token mask must be on the target's device");
    }
}

void qSwap_(at::Tensor &target, const at::Tensor &source, const QSwapParams &params)
{
    checkQSwapInputs(target, source, params);
    if (target.numel() == 0 || params.weight == 0.0f)
        return;
    if (target.is_cuda()) {
#if defined(MBQ_HAVE_CUDA)
        qSwapCuda_(target, source, params);
        return;
#else
        TORCH_CHECK(false, "q_swap: this build has no CUDA kernels (configure with nvcc)");
#endif
    }
    TORCH_CHECK(target.is_cpu(), "q_swap: unsupported device ", target.device());
    qSwapReference_(target, source, params);
}

bool cudaKernelsAvailable()
{
#if defined(MBQ_HAVE_CUDA)
    return cuda::deviceCount() > 0;
#else
    return false;
#endif
}

} // namespace mbq::kernels
