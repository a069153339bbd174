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
target_compile_options(mbq_torch INTERFACE $<$<COMPILE_LANGUAGE:CXX>:${MBQ_TORCH_CXX_FLAGS}>)
message(STATUS "mbq: LibTorch ${Torch_VERSION} at ${TORCH_INSTALL_PREFIX}")

# One precompiled header for all torch translation units of a target.
function(mbq_torch_pch target)
    target_precompile_headers(${target} PRIVATE
        "$<$<COMPILE_LANGUAGE:CXX>:${PROJECT_SOURCE_DIR}/kernels/torch_pch.h>")
endfunction()
