#pragma once
// `mbq generate` and `mbq transfer` for whichever model family the folder holds: the family's
// default settings for the options the user left out, its conform rule for a source clip, and
// its pipeline (Wan2.1 or VideoCrafter2).

#include "inference/engine.h"
#include "inference/result.h"

#include <string>
#include <vector>

namespace mbq::cli {

// "wan2.1", "videocrafter2", or "" when the folder is not a model mbq knows.
std::string modelFamily(const std::string &folder);

// VideoCrafter2's defaults (512×320, 16 frames, 50 DDIM steps, guidance 12) in place of Wan's.
GenerationSettings familyDefaults(const std::string &family);

struct FamilyRenderOptions
{
    std::string device = "auto";
    std::string dtype = "auto";
    std::string latentPath;
};

struct FamilyRenderOutput
{
    RenderOutput render;
    std::vector<std::string> warnings;
    bool randomWeights = false;
    std::string device;
};

Result<FamilyRenderOutput> renderFamily(const std::string &family, const std::string &folder,
                                        const RenderRequest &request,
                                        const FamilyRenderOptions &options,
                                        const JobHooks &hooks);

} // namespace mbq::cli
