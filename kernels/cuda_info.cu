#include "kernels/cuda_info.h"

#include <cuda_runtime_api.h>

namespace mbq::kernels::cuda {

int compiledVersion()
{
    return CUDART_VERSION;
}

int runtimeVersion()
{
    int version = 0;
    if (cudaRuntimeGetVersion(&version) != cudaSuccess)
        return 0;
    return version;
}

int driverVersion()
{
    int version = 0;
    // Answers 0 without error when no driver is installed (CI, laptops without NVIDIA).
    if (cudaDriverGetVersion(&version) != cudaSuccess) {
        cudaGetLastError();
        return 0;
    }
    return version;
}

} // namespace mbq::kernels::cuda
