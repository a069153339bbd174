# The CUDA toolchain, set up before LibTorch: a CUDA-built LibTorch's CMake enables CUDA itself
# and turns TORCH_CUDA_ARCH_LIST into the -gencode flags of every .cu file in the tree, ours
# included. Device code never includes torch; the launchers share torch's CUDA runtime.

set(MBQ_HAVE_CUDA OFF)
if(NOT MBQ_WITH_CUDA STREQUAL "OFF")
    include(CheckLanguage)
    if(NOT CMAKE_CUDA_COMPILER AND EXISTS /usr/local/cuda/bin/nvcc)
        set(CMAKE_CUDA_COMPILER /usr/local/cuda/bin/nvcc)
    endif()
    check_language(CUDA)
    if(CMAKE_CUDA_COMPILER)
        # Every generation CUDA 13 compiles for, Turing to Blackwell, and PTX of the newest for
        # what comes after. Set explicitly: on a machine without a GPU torch's CMake would guess.
        set(TORCH_CUDA_ARCH_LIST "7.5;8.0;8.6;8.9;9.0;10.0;12.0+PTX" CACHE STRING
            "GPU generations the CUDA kernels are compiled for (torch's format)")
        set(ENV{TORCH_CUDA_ARCH_LIST} "${TORCH_CUDA_ARCH_LIST}")
        # torch ignores CMAKE_CUDA_ARCHITECTURES (and warns); its own list above decides.
        set(CMAKE_CUDA_ARCHITECTURES OFF)
        # One CUDA runtime in the process: the shared one LibTorch's CUDA libraries use.
        set(CMAKE_CUDA_RUNTIME_LIBRARY Shared)
        get_filename_component(MBQ_CUDA_BIN "${CMAKE_CUDA_COMPILER}" DIRECTORY)
        get_filename_component(MBQ_CUDA_ROOT "${MBQ_CUDA_BIN}" DIRECTORY)
        set(CUDAToolkit_ROOT "${MBQ_CUDA_ROOT}" CACHE PATH "CUDA toolkit")
        set(CUDA_TOOLKIT_ROOT_DIR "${MBQ_CUDA_ROOT}" CACHE PATH "CUDA toolkit (torch's FindCUDA)")
        enable_language(CUDA)
        find_package(CUDAToolkit REQUIRED)
        set(MBQ_HAVE_CUDA ON)
    elseif(MBQ_WITH_CUDA STREQUAL "ON")
        message(FATAL_ERROR "MBQ_WITH_CUDA=ON but no CUDA compiler was found (install the CUDA "
                            "13 toolkit or pass -DCMAKE_CUDA_COMPILER=/path/to/nvcc)")
    endif()
endif()
message(STATUS "mbq: CUDA kernels ${MBQ_HAVE_CUDA} (${TORCH_CUDA_ARCH_LIST})")
