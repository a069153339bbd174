# LibTorch 2.11 (C++17), by default the one inside the PyPI `torch==2.11.0` wheel that
# packaging/setup.sh installs into <checkout>/.venv. Another LibTorch 2.11 is taken with
# -DMBQ_PYTHON=/path/to/python (its torch package) or -DCMAKE_PREFIX_PATH=/path/to/libtorch.
# Exposes the interface target mbq::torch, whose include directories are marked SYSTEM so
# torch's own warnings do not drown ours.

set(MBQ_TORCH_VERSION_REQUIRED 2.11)
if(NOT DEFINED MBQ_PYTHON AND EXISTS "${PROJECT_SOURCE_DIR}/.venv/bin/python")
    set(MBQ_PYTHON "${PROJECT_SOURCE_DIR}/.venv/bin/python")
endif()
set(MBQ_PYTHON "${MBQ_PYTHON}" CACHE FILEPATH
    "Python whose torch package provides LibTorch (and runs the test fixtures)")
if(MBQ_PYTHON AND NOT Torch_DIR)
    execute_process(
        COMMAND "${MBQ_PYTHON}" -c "import torch.utils; print(torch.utils.cmake_prefix_path)"
        OUTPUT_VARIABLE MBQ_TORCH_PREFIX OUTPUT_STRIP_TRAILING_WHITESPACE
        RESULT_VARIABLE MBQ_TORCH_FOUND_IN_PYTHON ERROR_QUIET)
    if(MBQ_TORCH_FOUND_IN_PYTHON EQUAL 0)
        list(PREPEND CMAKE_PREFIX_PATH "${MBQ_TORCH_PREFIX}")
        set(MBQ_TORCH_ROOT "${MBQ_TORCH_PREFIX}/../..")
    else()
        message(FATAL_ERROR "${MBQ_PYTHON} has no torch package: run packaging/setup.sh, or "
                            "pass -DMBQ_PYTHON / -DCMAKE_PREFIX_PATH of a LibTorch 2.11")
    endif()
endif()

# torch's CMake finds its libraries with PATHS, which come after the system's folders: where
# Debian's libtorch-dev is installed, its libc10.so would be linked beside the wheel's torch (and
# abort at start-up). The found LibTorch's lib folder goes first.
if(Torch_DIR)
    set(MBQ_TORCH_ROOT "${Torch_DIR}/../../..")
endif()
if(MBQ_TORCH_ROOT)
    get_filename_component(MBQ_TORCH_ROOT "${MBQ_TORCH_ROOT}" ABSOLUTE)
    list(PREPEND CMAKE_LIBRARY_PATH "${MBQ_TORCH_ROOT}/lib")
endif()
# torch warns when CMAKE_CUDA_ARCHITECTURES is defined: its TORCH_CUDA_ARCH_LIST (MbqCuda.cmake)
# becomes the -gencode flags instead. OFF again afterwards, so targets take no arch of CMake's.
unset(CMAKE_CUDA_ARCHITECTURES)
find_package(Torch REQUIRED)
if(MBQ_HAVE_CUDA)
    set(CMAKE_CUDA_ARCHITECTURES OFF)
endif()
if(NOT Torch_VERSION VERSION_GREATER_EQUAL ${MBQ_TORCH_VERSION_REQUIRED}
   OR Torch_VERSION VERSION_GREATER_EQUAL 2.12)
    message(FATAL_ERROR "mbq builds against LibTorch ${MBQ_TORCH_VERSION_REQUIRED} (C++17); "
                        "found ${Torch_VERSION} at ${TORCH_INSTALL_PREFIX}")
endif()

# Every torch library must come from the LibTorch found, whatever else the system holds.
foreach(item IN LISTS TORCH_LIBRARIES)
    if(item MATCHES "(/[^\",]*/lib(torch|c10)[^/\",]*\\.so)")
        set(MBQ_TORCH_LIBRARY_FILE "${CMAKE_MATCH_1}")
        string(FIND "${MBQ_TORCH_LIBRARY_FILE}" "${TORCH_INSTALL_PREFIX}/" MBQ_TORCH_LIBRARY_AT)
        if(NOT MBQ_TORCH_LIBRARY_AT EQUAL 0)
            message(FATAL_ERROR "LibTorch at ${TORCH_INSTALL_PREFIX} would link "
                                "${MBQ_TORCH_LIBRARY_FILE} from another LibTorch; remove that "
                                "cache entry (cmake -U '*_LIBRARY') or the other LibTorch")
        endif()
    endif()
endforeach()

add_library(mbq_torch INTERFACE)
add_library(mbq::torch ALIAS mbq_torch)
target_include_directories(mbq_torch SYSTEM INTERFACE ${TORCH_INCLUDE_DIRS})
# libstdc++ before LibTorch: the wheel's libtorch.so and libtorch_cpu.so export a statically
# linked copy of std::filesystem, and a binary that names libtorch first binds its own
# std::filesystem calls to that copy, whose remove_all jumps to address 0. The dynamic linker
# searches libraries in the order the binary names them, so name the system's libstdc++ first.
target_link_libraries(mbq_torch INTERFACE stdc++ ${TORCH_LIBRARIES})
# Torch publishes its ABI flags as a string (e.g. -D_GLIBCXX_USE_CXX11_ABI=1).
separate_arguments(MBQ_TORCH_CXX_FLAGS UNIX_COMMAND "${TORCH_CXX_FLAGS}")
# -fPIC on every torch unit, executables included (it comes after their -fPIE and wins): the
# shared precompiled header below is only valid where the code model matches.
target_compile_options(mbq_torch INTERFACE $<$<COMPILE_LANGUAGE:CXX>:${MBQ_TORCH_CXX_FLAGS} -fPIC>)
set(MBQ_TORCH_HAS_CUDA OFF)
if(TARGET torch_cuda OR TORCH_CUDA_LIBRARIES)
    set(MBQ_TORCH_HAS_CUDA ON)
    target_compile_definitions(mbq_torch INTERFACE MBQ_TORCH_HAS_CUDA=1)
endif()
message(STATUS "mbq: LibTorch ${Torch_VERSION} at ${TORCH_INSTALL_PREFIX} (CUDA ${MBQ_TORCH_HAS_CUDA})")

# One torch precompiled header for the whole build: the first target that asks (mbq_kernels)
# compiles it and every later torch target reuses it. A torch PCH is about 0.5 GB; one per
# target filled CI's disk. Reuse needs identical code-generation flags, hence global PIC.
function(mbq_torch_pch target)
    get_property(owner GLOBAL PROPERTY MBQ_TORCH_PCH_OWNER)
    if(owner)
        target_precompile_headers(${target} REUSE_FROM ${owner})
    else()
        target_precompile_headers(${target} PRIVATE
            "$<$<COMPILE_LANGUAGE:CXX>:${PROJECT_SOURCE_DIR}/kernels/torch_pch.h>")
        set_property(GLOBAL PROPERTY MBQ_TORCH_PCH_OWNER ${target})
    endif()
endfunction()
