#include "inference/memory_readout.h"

#include "kernels/torch_cuda.h"

#include <fstream>
#include <string>
#include <unistd.h>

namespace mbq {
namespace {

// A "Vm...:" line of /proc/self/status, in bytes.
int64_t statusBytes(const std::string &field)
{
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == field) {
            int64_t kib = 0;
            status >> kib;
            return kib * 1024;
        }
        status.ignore(1 << 12, '\n');
    }
    return 0;
}

} // namespace

MemoryReadout readMemory(int cudaDevice)
{
    MemoryReadout m;
    if (cudaDevice >= 0) {
#if defined(MBQ_TORCH_HAS_CUDA)
        const torch_cuda::CudaAllocatorBytes bytes = torch_cuda::cudaAllocatorBytes(cudaDevice);
        m.gpu = true;
        m.inUse = bytes.current;
        m.peak = bytes.peak;
        m.capacity = int64_t(at::cuda::getDeviceProperties(cudaDevice)->totalGlobalMem);
        return m;
#endif
    }
    m.inUse = statusBytes("VmRSS:");
    m.peak = statusBytes("VmHWM:");
    const long pages = sysconf(_SC_PHYS_PAGES), pageSize = sysconf(_SC_PAGESIZE);
    m.capacity = pages > 0 && pageSize > 0 ? int64_t(pages) * pageSize : 0;
    return m;
}

void resetMemoryPeak(int cudaDevice)
{
    if (cudaDevice >= 0) {
        torch_cuda::resetCudaPeak(cudaDevice);
        return;
    }
    // Writing 5 resets the process's peak resident set (VmHWM) to the current one (Linux ≥ 4.0).
    std::ofstream("/proc/self/clear_refs") << "5";
}

} // namespace mbq
