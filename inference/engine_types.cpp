// Names and comparisons of the engine facade's value types.
#include "inference/engine.h"

namespace mbq {

const char *samplerName(Sampler sampler)
{
    switch (sampler) {
    case Sampler::UniPC:
        return "unipc";
    case Sampler::Euler:
        return "euler";
    case Sampler::DDIM:
        return "ddim";
    }
    return "unipc";
}

bool parseSampler(const std::string &name, Sampler *out)
{
    for (Sampler s : {Sampler::UniPC, Sampler::Euler, Sampler::DDIM}) {
        if (name == samplerName(s)) {
            *out = s;
            return true;
        }
    }
    return false;
}

const char *stageName(Stage stage)
{
    switch (stage) {
    case Stage::LoadModel:
        return "load model";
    case Stage::EncodeSource:
        return "encode source";
    case Stage::InvertSource:
        return "invert source";
    case Stage::ExtractQ:
        return "extract Q";
    case Stage::Denoise:
        return "denoise";
    case Stage::Decode:
        return "decode";
    case Stage::Metrics:
        return "metrics";
    }
    return "";
}

bool GenerationSettings::operator==(const GenerationSettings &o) const
{
    return seed == o.seed && width == o.width && height == o.height && frames == o.frames
        && fps == o.fps && steps == o.steps && guidance == o.guidance && shift == o.shift
        && sampler == o.sampler;
}

} // namespace mbq

namespace mbq {

bool EngineSettings::operator==(const EngineSettings &o) const
{
    return device == o.device && dtype == o.dtype && qBankBytes == o.qBankBytes
        && qBankHostBytes == o.qBankHostBytes && qBankDiskBytes == o.qBankDiskBytes
        && qBankFp8 == o.qBankFp8
        && trajectoryMemoryBytes == o.trajectoryMemoryBytes
        && trajectoryDiskBytes == o.trajectoryDiskBytes && cacheFolder == o.cacheFolder;
}

Result<void> validateEngineSettings(const EngineSettings &s)
{
    if (s.device != "auto" && s.device != "cpu" && s.device != "cuda")
        return makeError(ErrorCode::InvalidArgument,
                         "unknown compute device '" + s.device + "'; use auto, cpu or cuda");
    if (s.dtype != "auto" && s.dtype != "f32" && s.dtype != "bf16")
        return makeError(ErrorCode::InvalidArgument,
                         "unknown compute precision '" + s.dtype + "'; use auto, f32 or bf16");
    if (s.qBankBytes < 0 || s.qBankHostBytes < 0 || s.qBankDiskBytes < 0
        || s.trajectoryMemoryBytes < 0
        || s.trajectoryDiskBytes < 0)
        return makeError(ErrorCode::InvalidArgument, "cache budgets cannot be negative");
    return {};
}

} // namespace mbq
