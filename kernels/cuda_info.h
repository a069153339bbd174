#pragma once
// What the CUDA side of this build is: the toolkit the kernels were compiled with and the
// runtime and driver found at run time. Plain C types: implemented in cuda_info.cu.

namespace mbq::kernels::cuda {

// CUDART_VERSION of the toolkit the kernels were compiled with (13000 for CUDA 13.0).
int compiledVersion();
// The CUDA runtime library loaded in this process, and the driver's CUDA version; 0 for none.
int runtimeVersion();
int driverVersion();

} // namespace mbq::kernels::cuda
