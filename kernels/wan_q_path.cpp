// wanNormRope's torch-facing wrapper: checks, then the fused CUDA kernel where it applies
// (float32/float16/bfloat16 projection, float32 result) and the reference everywhere else.
#include "kernels/wan_q_path.h"
#include "kernels/torch_cuda.h"

#if defined(MBQ_HAVE_CUDA)
#include "kernels/cuda_launch_args.h"
#include "kernels/wan_q_path_cuda.h"
#endif

namespace mbq::kernels {
namespace {

void checkInputs(const at::Tensor &proj, const WanNormRopeParams &p)
{
    TORCH_CHECK(proj.defined() && proj.dim() == 3,
                "wan_norm_rope: projection must be [batch, tokens, channels]");
    TORCH_CHECK(proj.is_floating_point(), "wan_norm_rope: projection must be floating, got ",
                proj.scalar_type());
    const int64_t tokens = proj.size(1), channels = proj.size(2);
    TORCH_CHECK(p.heads > 0 && channels % p.heads == 0 && (channels / p.heads) % 2 == 0,
                "wan_norm_rope: ", channels, " channels do not split into ", p.heads,
                " heads of an even size");
    const std::vector<int64_t> tableShape {tokens, channels / p.heads / 2};
    for (const at::Tensor *table : {&p.cos, &p.sin}) {
        TORCH_CHECK(table->defined() && table->sizes().vec() == tableShape,
                    "wan_norm_rope: rotation tables must be [", tokens, ", ", tableShape[1],
                    "], got ", table->defined() ? table->sizes() : at::IntArrayRef {});
        TORCH_CHECK(table->scalar_type() == at::kDouble,
                    "wan_norm_rope: rotation tables must be float64");
        TORCH_CHECK(table->device() == proj.device(), "wan_norm_rope: rotation tables on ",
                    table->device(), " but projection on ", proj.device());
    }
    if (p.normWeight.defined()) {
        TORCH_CHECK(p.normWeight.dim() == 1 && p.normWeight.size(0) == channels,
                    "wan_norm_rope: norm weight must be [", channels, "], got ",
                    p.normWeight.sizes());
        TORCH_CHECK(p.normWeight.device() == proj.device(),
                    "wan_norm_rope: norm weight must be on the projection's device");
    }
}

#if defined(MBQ_HAVE_CUDA)
bool fusedApplies(const at::Tensor &proj, const WanNormRopeParams &p, const at::Tensor &source,
                  const QSwapParams *swap)
{
    const auto type = proj.scalar_type();
    return proj.is_cuda() && p.dtype == at::kFloat
        && (type == at::kFloat || type == at::kHalf || type == at::kBFloat16)
        && (!p.normWeight.defined() || p.normWeight.scalar_type() == at::kFloat)
        // The kernel reads the source in float pairs.
        && (!swap
            || (source.scalar_type() == at::kFloat
                && reinterpret_cast<uintptr_t>(source.data_ptr()) % (2 * sizeof(float)) == 0));
}

at::Tensor wanNormRopeCuda(const at::Tensor &proj, const WanNormRopeParams &p, at::Tensor out,
                           const at::Tensor &source, const QSwapParams *swap)
{
    const at::Tensor in = proj.contiguous();
    const at::Tensor weight = p.normWeight.defined() ? p.normWeight.contiguous() : at::Tensor();
    const at::Tensor cos = p.cos.contiguous(), sin = p.sin.contiguous();
    cuda::WanNormRopeLaunch launch;
    launch.proj = in.data_ptr();
    launch.projType = elementType(in.scalar_type());
    launch.out = out.data_ptr<float>();
    launch.batch = in.size(0);
    launch.tokens = in.size(1);
    launch.channels = in.size(2);
    launch.heads = p.heads;
    launch.normWeight = weight.defined() ? weight.data_ptr<float>() : nullptr;
    launch.eps = float(p.eps);
    launch.cos = cos.data_ptr<double>();
    launch.sin = sin.data_ptr<double>();
    SwapWeightArgs weights;
    if (swap) {
        weights = swapWeightArgs(*swap);
        launch.source = source.data_ptr<float>();
        launch.sourceBroadcast = source.size(0) == 1 && in.size(0) != 1;
        launch.weights = weights.weights;
    }
    launch.stream = torch_cuda::currentCudaStream(in);
    const int status = cuda::launchWanNormRope(launch);
    TORCH_CHECK(status == 0, "wan_norm_rope: CUDA launch failed: ", cuda::errorString(status));
    return out;
}
#endif

} // namespace

at::Tensor wanNormRope(const at::Tensor &proj, const WanNormRopeParams &params,
                       const at::Tensor &source, const QSwapParams *swap)
{
    checkInputs(proj, params);
    const QSwapParams *active = swap && swap->weight > 0.0f ? swap : nullptr;
    // The swap's checks want the result's tensor; the fused kernel writes into it.
    at::Tensor out;
    if (active) {
        TORCH_CHECK(active->heads == params.heads, "wan_norm_rope: the swap splits ", active->heads,
                    " heads, the rotation ", params.heads);
        out = at::empty(proj.sizes(), proj.options().dtype(params.dtype));
        checkQSwapInputs(out, source, *active);
    }
#if defined(MBQ_HAVE_CUDA)
    if (fusedApplies(proj, params, source, active))
        return wanNormRopeCuda(
            proj, params,
            out.defined() ? out : at::empty(proj.sizes(), proj.options().dtype(params.dtype)),
            source, active);
#endif
    return wanNormRopeReference(proj, params, source, active);
}

} // namespace mbq::kernels
