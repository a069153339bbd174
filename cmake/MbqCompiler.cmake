# Warnings, ccache and the shared compile settings of every mbq target.

find_program(MBQ_CCACHE ccache)
if(MBQ_CCACHE)
    set(CMAKE_C_COMPILER_LAUNCHER "${MBQ_CCACHE}")
    set(CMAKE_CXX_COMPILER_LAUNCHER "${MBQ_CCACHE}")
    set(CMAKE_CUDA_COMPILER_LAUNCHER "${MBQ_CCACHE}")
endif()

add_library(mbq_warnings INTERFACE)
target_compile_options(mbq_warnings INTERFACE
    $<$<COMPILE_LANGUAGE:CXX>:-Wall -Wextra -Wpedantic -Wno-unused-parameter>)

# Apply our warnings and the project include root to a target.
function(mbq_target_defaults target)
    target_link_libraries(${target} PRIVATE mbq_warnings)
    target_include_directories(${target} PUBLIC "${PROJECT_SOURCE_DIR}")
    target_compile_definitions(${target} PUBLIC MBQ_VERSION="${PROJECT_VERSION}")
endfunction()
