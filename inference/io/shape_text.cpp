#include "inference/io/shape_text.h"

namespace mbq::io {

std::string shapeText(at::IntArrayRef shape)
{
    std::string text = "[";
    for (size_t i = 0; i < shape.size(); ++i)
        text += (i ? ", " : "") + std::to_string(shape[i]);
    return text + "]";
}

} // namespace mbq::io
