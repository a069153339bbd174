#pragma once
// The OpenCLIP text tower's sizes; defaults are ViT-H-14's (open_clip model_configs), the text
// encoder of VideoCrafter2. Torch-free.

#include <cstdint>

namespace mbq::text {

struct ClipTextConfig
{
    int64_t vocabSize = 49408;
    int64_t contextLength = 77;
    int64_t width = 1024;
    int64_t heads = 16;
    int64_t layers = 24;
    int64_t mlpWidth = 4096;
    int64_t embedDim = 1024; // text_projection's output (stored, unused by VC2)
    int64_t skipLayers = 1; // VC2's "penultimate": the last block is not run
};

} // namespace mbq::text
