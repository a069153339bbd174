# CUDA kernels compile wherever nvcc exists, even against a CPU-only LibTorch: device code
# never includes torch, so the launchers link against the CUDA runtime alone.

set(MBQ_HAVE_CUDA OFF)
if(NOT MBQ_WITH_CUDA STREQUAL "OFF")
    include(CheckLanguage)
    if(NOT CMAKE_CUDA_COMPILER AND EXISTS /usr/local/cuda/bin/nvcc)
        set(CMAKE_CUDA_COMPILER /usr/local/cuda/bin/nvcc)
    endif()
    check_language(CUDA)
    if(CMAKE_CUDA_COMPILER)
        if(NOT DEFINED CMAKE_CUDA_ARCHITECTURES)
            # Ampere workstations, Ada, Hopper; PTX of the newest for anything later.
            set(CMAKE_CUDA_ARCHITECTURES 80-real 86-real 89-real 90)
        endif()
        enable_language(CUDA)
        find_package(CUDAToolkit REQUIRED)
        set(MBQ_HAVE_CUDA ON)
    elseif(MBQ_WITH_CUDA STREQUAL "ON")
        message(FATAL_ERROR "MBQ_WITH_CUDA=ON but no CUDA compiler was found")
    endif()
endif()
message(STATUS "mbq: CUDA kernels ${MBQ_HAVE_CUDA}")
