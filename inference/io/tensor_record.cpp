#include "inference/io/tensor_record.h"

#include "inference/io/checked_math.h"

namespace mbq::io {

uint64_t elementCount(const TensorRecord &record)
{
    uint64_t count = 0;
    return checkedElementCount(record.shape, &count) ? count : 0;
}

uint64_t tensorBytes(const TensorRecord &record)
{
    return elementCount(record) * dtypeSize(record.dtype);
}

Result<StorageSpan> checkedSpan(const TensorRecord &record)
{
    auto bad = [&](const std::string &problem) {
        return makeError(ErrorCode::BadFormat,
                         "tensor '" + record.name + "' in "
                             + (record.file ? record.file->path() : "?") + ": " + problem);
    };
    if (!record.file || !record.file->contains(record.storageBegin, record.storageBytes))
        return bad("its storage lies outside the file");
    if (!record.strides.empty() && record.strides.size() != record.shape.size())
        return bad("sizes and strides have different lengths");
    if (record.storageOffset < 0)
        return bad("negative storage offset");

    uint64_t count = 0;
    if (!checkedElementCount(record.shape, &count))
        return bad("shape has a negative dimension or too many elements");

    StorageSpan span;
    span.first = uint64_t(record.storageOffset);
    if (count > 0) {
        // The view touches offset + sum((size_i - 1) * stride_i) as its last element.
        uint64_t last = 0;
        for (size_t i = 0; i < record.shape.size(); ++i) {
            uint64_t stride = 0;
            if (record.strides.empty()) {
                uint64_t inner = 1;
                for (size_t j = i + 1; j < record.shape.size(); ++j)
                    inner *= uint64_t(record.shape[j]); // cannot overflow: bounded by count
                stride = inner;
            } else if (record.strides[i] < 0) {
                return bad("negative stride");
            } else {
                stride = uint64_t(record.strides[i]);
            }
            uint64_t reach = 0;
            if (!checkedMul(uint64_t(record.shape[i] - 1), stride, &reach)
                || !checkedAdd(last, reach, &last))
                return bad("strides overflow");
        }
        span.count = last + 1;
    }
    const uint64_t elementSize = dtypeSize(record.dtype);
    uint64_t endElement = 0;
    uint64_t endByte = 0;
    if (!checkedAdd(span.first, span.count, &endElement)
        || !checkedMul(endElement, elementSize, &endByte) || endByte > record.storageBytes)
        return bad("its view reaches past the end of its storage ("
                   + std::to_string(record.storageBytes) + " bytes)");
    return span;
}

} // namespace mbq::io
