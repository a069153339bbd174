// qSwapFp8_'s wrapper and reference: the encoding's own checks on top of q_swap's, then the
// CUDA kernel on a device, the decode-then-swap reference on the CPU.
#include "kernels/qswap_fp8.h"
#include "kernels/torch_cuda.h"

#if defined(MBQ_HAVE_CUDA)
#include "kernels/cuda_launch_args.h"
#include "kernels/qswap_fp8_cuda.h"
#endif

namespace mbq::kernels {
namespace {

void checkEncoding(const at::Tensor &target, const Fp8Queries &s, const QSwapParams &p)
{
    TORCH_CHECK(s.codes.defined() && s.scales.defined(),
                "q_swap fp8: the source has no codes or scales");
    TORCH_CHECK(s.codes.scalar_type() == at::kByte, "q_swap fp8: codes must be uint8, got ",
                s.codes.scalar_type());
    TORCH_CHECK(s.heads == p.heads, "q_swap fp8: the source was encoded with ", s.heads,
                " heads, the swap splits ", p.heads);
    TORCH_CHECK(s.dtype == target.scalar_type(), "q_swap fp8: the source decodes to ", s.dtype,
                " but the target is ", target.scalar_type());
    TORCH_CHECK(s.scales.scalar_type() == at::kFloat && s.scales.dim() == 3
                    && s.scales.size(0) == s.codes.size(0) && s.scales.size(1) == s.codes.size(1)
                    && s.scales.size(2) == s.heads,
                "q_swap fp8: scales must be float32 [", s.codes.size(0), ", ", s.codes.size(1),
                ", ", s.heads, "], got ", s.scales.sizes());
    TORCH_CHECK(s.scales.device() == target.device(), "q_swap fp8: scales on ", s.scales.device(),
                " but target on ", target.device());
    TORCH_CHECK(s.scales.is_contiguous(), "q_swap fp8: scales must be contiguous");
}

#if defined(MBQ_HAVE_CUDA)
void qSwapFp8Cuda_(at::Tensor &target, const Fp8Queries &source, const QSwapParams &p)
{
    cuda::QSwapFp8Launch launch;
    launch.target = target.data_ptr();
    launch.codes = source.codes.data_ptr<uint8_t>();
    launch.scales = source.scales.data_ptr<float>();
    launch.batch = target.size(0);
    launch.tokens = target.size(1);
    launch.channels = target.size(2);
    launch.heads = p.heads;
    launch.sourceBroadcast = source.codes.size(0) == 1 && target.size(0) != 1;
    const SwapWeightArgs weights = swapWeightArgs(p);
    launch.weights = weights.weights;
    launch.type = elementType(target.scalar_type());
    launch.stream = torch_cuda::currentCudaStream(target);
    const int status = cuda::launchQSwapFp8(launch);
    TORCH_CHECK(status == 0, "q_swap fp8: CUDA launch failed: ", cuda::errorString(status));
}
#endif

} // namespace

void qSwapFp8_(at::Tensor &target, const Fp8Queries &source, const QSwapParams &params)
{
    // q_swap's own checks see the codes as the source: same shape rules, device, contiguity.
    checkQSwapInputs(target, source.codes, params, source.dtype);
    checkEncoding(target, source, params);
    if (target.numel() == 0 || params.weight == 0.0f)
        return;
    if (target.is_cuda()) {
#if defined(MBQ_HAVE_CUDA)
        qSwapFp8Cuda_(target, source, params);
        return;
#else
        TORCH_CHECK(false, "q_swap fp8: this build has no CUDA kernels (configure with nvcc)");
#endif
    }
    TORCH_CHECK(target.is_cpu(), "q_swap fp8: unsupported device ", target.device());
    qSwapFp8Reference_(target, source, params);
}

void qSwapFp8Reference_(at::Tensor &target, const Fp8Queries &source, const QSwapParams &params)
{
    qSwapReference_(target, decodeFp8Queries(source), params);
}

Fp8Queries narrowRows(const Fp8Queries &queries, int64_t start, int64_t length)
{
    Fp8Queries rows = queries;
    rows.codes = queries.codes.narrow(0, start, length);
    rows.scales = queries.scales.narrow(0, start, length);
    return rows;
}

} // namespace mbq::kernels
