#include "inference/io/dtype.h"

namespace mbq::io {

namespace {

struct DTypeInfo
{
    DType dtype;
    const char *name;
    size_t size;
};

constexpr DTypeInfo kDTypes[] = {
    {DType::F64, "F64", 8},   {DType::F32, "F32", 4},         {DType::F16, "F16", 2},
    {DType::BF16, "BF16", 2}, {DType::F8_E4M3, "F8_E4M3", 1}, {DType::F8_E5M2, "F8_E5M2", 1},
    {DType::I64, "I64", 8},   {DType::I32, "I32", 4},         {DType::I16, "I16", 2},
    {DType::I8, "I8", 1},     {DType::U8, "U8", 1},           {DType::BOOL, "BOOL", 1},
};

const DTypeInfo &info(DType dtype)
{
    for (const DTypeInfo &entry : kDTypes) {
        if (entry.dtype == dtype)
            return entry;
    }
    return kDTypes[0]; // unreachable: every enumerator is in the table
}

} // namespace

const char *dtypeName(DType dtype)
{
    return info(dtype).name;
}

bool parseDType(const std::string &name, DType *out)
{
    for (const DTypeInfo &entry : kDTypes) {
        if (name == entry.name) {
            *out = entry.dtype;
            return true;
        }
    }
    return false;
}

size_t dtypeSize(DType dtype)
{
    return info(dtype).size;
}

bool isFloat8(DType dtype)
{
    return dtype == DType::F8_E4M3 || dtype == DType::F8_E5M2;
}

} // namespace mbq::io
