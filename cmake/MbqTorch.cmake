# LibTorch: Debian's 1.13 (CPU) or a 2.x with CUDA (pass -DCMAKE_PREFIX_PATH from
# torch.utils.cmake_prefix_path). Exposes the interface target mbq::torch, whose include
# directories are marked SYSTEM so torch's own warnings do not drown ours.

find_package(Torch REQUIRED)

add_library(mbq_torch INTERFACE)
add_library(mbq::torch ALIAS mbq_torch)
target_include_directories(mbq_torch SYSTEM INTERFACE ${TORCH_INCLUDE_DIRS})
target_link_libraries(mbq_torch INTERFACE ${TORCH_LIBRARIES})
# Torch publishes its ABI flags as a string (e.g. -D_GLIBCXX_USE_CXX11_ABI=1).
separate_arguments(MBQ_TORCH_CXX_FLAGS UNIX_COMMAND "${TORCH_CXX_FLAGS}")
# -fPIC on every torch unit, executables included (it comes after their -fPIE and wins): the
# shared precompiled header below is only valid where the code model matches.
target_compile_options(mbq_torch INTERFACE $<$<COMPILE_LANGUAGE:CXX>:${MBQ_TORCH_CXX_FLAGS} -fPIC>)
message(STATUS "mbq: LibTorch ${Torch_VERSION} at ${TORCH_INSTALL_PREFIX}")

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
