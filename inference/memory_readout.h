#pragma once
// Reads the compute device's memory for Engine::memory(): torch's CUDA caching allocator on a
// GPU, this process's resident set on the CPU (from /proc, as `top` shows it).

#include "inference/engine.h"

namespace mbq {

// `cudaDevice` < 0: the CPU.
MemoryReadout readMemory(int cudaDevice);
// Starts a new peak, so MemoryReadout::peak covers what comes next (a render).
void resetMemoryPeak(int cudaDevice);

} // namespace mbq
