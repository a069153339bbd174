// `mbq --version` and the studio's About: which LibTorch, which CUDA, which kernels, which
// devices, so a bug report says what ran.
#include "inference/engine.h"

#include <ATen/Context.h>
#include <torch/version.h>

#include <cstdio>
#include <string>
#include <thread>

#if defined(MBQ_HAVE_CUDA)
#include "kernels/cuda_info.h"
#endif
#if defined(MBQ_TORCH_HAS_CUDA)
#include <ATen/cuda/CUDAContext.h>
#endif

namespace mbq {
namespace {

// 13000 -> "13.0"
std::string cudaVersionText(long version)
{
    return std::to_string(version / 1000) + "." + std::to_string(version % 1000 / 10);
}

std::string torchLine()
{
    std::string line = "LibTorch " TORCH_VERSION;
    // The CUDA hooks are registered only when libtorch_cuda is linked and loaded.
    if (at::globalContext().hasCUDART())
        line += ", built with CUDA " + cudaVersionText(at::globalContext().versionCUDART());
    else
        line += ", without CUDA";
    return line;
}

std::string kernelsLine()
{
#if defined(MBQ_HAVE_CUDA)
    return "CUDA kernels: CUDA " + cudaVersionText(kernels::cuda::compiledVersion())
        + ", GPU generations " MBQ_CUDA_ARCHS;
#else
    return "CUDA kernels: not compiled (CPU reference only)";
#endif
}

std::string cudaDevices()
{
#if defined(MBQ_HAVE_CUDA)
    const int driver = kernels::cuda::driverVersion();
    if (driver == 0)
        return "CUDA: no driver";
#endif
#if defined(MBQ_TORCH_HAS_CUDA)
    if (!at::hasCUDA())
        return "CUDA: no device";
    std::string text = "CUDA";
#if defined(MBQ_HAVE_CUDA)
    text += " (driver " + cudaVersionText(driver) + ")";
#endif
    for (int i = 0; i < int(at::cuda::device_count()); ++i) {
        const cudaDeviceProp *props = at::cuda::getDeviceProperties(i);
        char line[256];
        std::snprintf(line, sizeof line, "; %d: %s, compute %d.%d, %.1f GiB", i, props->name,
                      props->major, props->minor, double(props->totalGlobalMem) / (1 << 30));
        text += line;
    }
    return text;
#else
    return "CUDA: this LibTorch has none";
#endif
}

} // namespace

std::string inferenceBuildInfo()
{
    return torchLine() + "\n" + kernelsLine() + "\nDevices: CPU ("
        + std::to_string(std::thread::hardware_concurrency()) + " cores); " + cudaDevices();
}

} // namespace mbq
