#include "inference/pipelines/host_tensors.h"

namespace mbq {

HostTensor toHost(const at::Tensor &tensor)
{
    const at::Tensor values = tensor.to(at::kCPU, at::kFloat).contiguous();
    HostTensor host;
    host.shape = values.sizes().vec();
    host.data.assign(values.data_ptr<float>(), values.data_ptr<float>() + values.numel());
    return host;
}

at::Tensor framesToVideo(const VideoFrames &frames)
{
    const at::Tensor bytes = at::from_blob(const_cast<uint8_t *>(frames.rgb.data()),
                                           {frames.count, frames.height, frames.width, 3},
                                           at::kByte);
    return bytes.permute({3, 0, 1, 2}).to(at::kFloat) / 127.5 - 1.0;
}

} // namespace mbq
