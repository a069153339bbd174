#pragma once
// "[16, 21, 60, 104]": how a shape appears in every error message about tensors.

#include <ATen/ATen.h>

#include <string>

namespace mbq::io {

std::string shapeText(at::IntArrayRef shape);
inline std::string shapeText(const at::Tensor &tensor)
{
    return shapeText(tensor.sizes());
}

} // namespace mbq::io
