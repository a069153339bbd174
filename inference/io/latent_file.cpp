#include "inference/io/latent_file.h"

#include "inference/io/safetensors_writer.h"
#include "inference/io/tensor_store.h"

#include <map>

namespace mbq::io {

Result<void> saveRenderLatent(const std::string &path, const std::string &family,
                              const at::Tensor &latent, int completedSteps,
                              const RenderRequest &request, bool randomWeights)
{
    std::map<std::string, std::string> metadata = {
        {"mbq_family", family},
        {"mbq_completed_steps", std::to_string(completedSteps)},
        {"mbq_steps", std::to_string(request.settings.steps)},
        {"mbq_seed", std::to_string(request.settings.seed)},
        {"mbq_prompt", request.prompt},
    };
    if (randomWeights)
        metadata["mbq_random_weights"] = "true";
    return writeSafetensors(path, {tensorEntry("latent", latent.to(at::kFloat))}, metadata);
}

} // namespace mbq::io
