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
