#include "app/cli/family_render.h"

#include "inference/checkpoint_tools.h"
#include "inference/request_rules.h"
#include "inference/vc2_tools.h"
#include "inference/wan_tools.h"

namespace mbq::cli {

std::string modelFamily(const std::string &folder)
{
    auto summary = summariseModelFolder(folder);
    return summary ? summary->family : std::string();
}

GenerationSettings familyDefaults(const std::string &family)
{
    return isVc2Family(family) ? vc2FamilyDefaults(family) : GenerationSettings();
}

Result<FamilyRenderOutput> renderFamily(const std::string &family, const std::string &folder,
                                        const RenderRequest &request,
                                        const FamilyRenderOptions &options,
                                        const JobHooks &hooks)
{
    // The same rules the studio's engine applies, with the nearest valid values on offer.
    if (auto valid = validateRequest(request, rulesFor(family)); !valid)
        return valid.error();
    FamilyRenderOutput out;
    if (isVc2Family(family)) {
        Vc2GenerateOptions vc2;
        vc2.compute = {options.device, options.dtype};
        vc2.latentPath = options.latentPath;
        auto generated = generateVc2(folder, request, vc2, hooks);
        if (!generated)
            return generated.error();
        out.render = std::move(generated->render);
        out.randomWeights = generated->randomWeights;
        out.device = generated->device;
        return out;
    }
    WanGenerateOptions wan;
    wan.compute = {options.device, options.dtype};
    wan.latentPath = options.latentPath;
    auto generated = generateWan(folder, request, wan, hooks);
    if (!generated)
        return generated.error();
    out.render = std::move(generated->render);
    out.warnings = std::move(generated->warnings);
    out.randomWeights = generated->randomWeights;
    out.device = generated->device;
    return out;
}

} // namespace mbq::cli
