#pragma once
// Element types as checkpoint files name them (safetensors spelling). Torch-free so headers and
// the facade can share it; the ATen mapping lives in tensor_store.cpp.

#include <cstddef>
#include <string>

namespace mbq::io {

enum class DType { F64, F32, F16, BF16, F8_E4M3, F8_E5M2, I64, I32, I16, I8, U8, BOOL };

const char *dtypeName(DType dtype); // "F32", "BF16", ...
bool parseDType(const std::string &name, DType *out);
size_t dtypeSize(DType dtype);
bool isFloat8(DType dtype);

} // namespace mbq::io
