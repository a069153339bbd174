#pragma once
// Precompiled header for torch translation units (kernels, inference, their tests, mbq-bench).
// Only the ATen/torch core that nearly every such file needs; model code adds its own.
#include <ATen/ATen.h>
#include <torch/types.h>
#include <torch/nn/modules/linear.h>
