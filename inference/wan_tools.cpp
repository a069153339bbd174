// The torch side of wan_tools.h: schedule and tiny-model writer (probes: wan_probes.cpp).
#include "inference/wan_tools.h"

#include "inference/io/random_weights.h"
#include "inference/io/safetensors_writer.h"
#include "inference/io/tensor_store.h"
#include "inference/sched/flow_solver.h"
#include "inference/text/umt5_tiny.h"
#include "inference/vc2_tools.h"
#include "inference/wan/dit.h"
#include "inference/wan/tiny_dit.h"
#include "inference/wan/vae_tiny.h"
#include "inference/wan/compute.h"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace mbq {

Result<WanScheduleInfo> wanSchedule(int steps, double shift, Sampler sampler)
{
    auto schedule = sched::officialFlowSchedule(steps, shift);
    if (!schedule)
        return schedule.error();
    if (auto solver = sched::makeFlowSolver(sampler, *schedule); !solver)
        return solver.error();
    WanScheduleInfo info;
    info.timesteps = schedule->timesteps;
    info.sigmas.assign(schedule->sigmas.begin(), schedule->sigmas.end());
    return info;
}

Result<TinyModelReport> makeTinyModel(const TinyModelOptions &options)
{
    if (isVc2Family(options.family) || options.family == "vc2")
        return makeTinyVc2Model(options);
    if (options.family != "wan2.1")
        return makeError(ErrorCode::Unsupported,
                         "tiny models exist for families wan2.1, videocrafter2 and t2v-turbo-v2, not '"
                             + options.family + "'");
    if (options.folder.empty())
        return makeError(ErrorCode::InvalidArgument, "no output folder given");
    const bool diffusers = options.layout == "diffusers";
    wan::TinyDitOptions dit;
    dit.layout = options.layout;
    dit.seed = options.seed;
    for (const auto &[value, field] : {std::pair{options.dim, &dit.config.dim},
                                       std::pair{options.layers, &dit.config.numLayers},
                                       std::pair{options.heads, &dit.config.numHeads},
                                       std::pair{options.ffnDim, &dit.config.ffnDim},
                                       std::pair{options.textDim, &dit.config.textDim}}) {
        if (value > 0)
            *field = value;
    }
    TinyModelReport report;
    report.note = "RANDOM WEIGHTS: for tests and demos only; this model generates noise";
    if (auto written = wan::writeTinyDit(options.folder, dit); !written)
        return written.error();
    report.written.push_back(std::string("DiT (") + (diffusers ? "transformer/" : "")
                             + "diffusion_pytorch_model.safetensors, dim "
                             + std::to_string(dit.config.dim) + ", "
                             + std::to_string(dit.config.numLayers) + " blocks)");

    // The other components come from their own writers, with seeds derived from ours so one
    // seed fixes the whole folder.
    const std::filesystem::path root(options.folder);
    const wan::WanVaeConfig vaeConfig = wan::tinyVaeConfig();
    const wan::VaeWeights vae = wan::randomVaeWeights(vaeConfig, options.seed + 1);
    auto vaeWritten = diffusers ? wan::writeVaeDiffusers((root / "vae").string(), vaeConfig, vae)
                                : wan::writeVaeOfficial((root / "Wan2.1_VAE.pth").string(),
                                                        vaeConfig, vae);
    if (!vaeWritten)
        return vaeWritten.error();
    report.written.push_back(diffusers ? "VAE (vae/)" : "VAE (Wan2.1_VAE.pth)");

    const std::filesystem::path tokenizerDir = diffusers ? root / "tokenizer"
                                                         : root / "google" / "umt5-xxl";
    std::error_code ec;
    std::filesystem::create_directories(tokenizerDir, ec);
    auto pieces = text::writeTinyTokenizer((tokenizerDir / "spiece.model").string());
    if (!pieces)
        return pieces.error();
    const text::UmT5Config t5Config = text::tinyUmT5Config(dit.config.textDim, *pieces);
    text::UmT5Weights t5 = text::randomUmT5Weights(t5Config, options.seed + 2);
    // The official file stores bfloat16; round once here so both layouts of one seed hold the
    // same numbers and generate the same video.
    for (auto &[name, tensor] : t5)
        tensor = tensor.to(at::kBFloat16).to(tensor.scalar_type());
    auto t5Written = diffusers
                         ? text::writeUmT5HuggingFace((root / "text_encoder").string(), t5Config,
                                                      t5)
                         : text::writeUmT5Official(
                             (root / "models_t5_umt5-xxl-enc-bf16.pth").string(), t5Config, t5);
    if (!t5Written)
        return t5Written.error();
    report.written.push_back(diffusers ? "umT5 encoder (text_encoder/) and tokenizer (tokenizer/)"
                                       : "umT5 encoder (models_t5_umt5-xxl-enc-bf16.pth) and "
                                         "tokenizer (google/umt5-xxl/)");
    if (diffusers) {
        // The pipeline index and scheduler config a Diffusers folder carries. mbq samples on
        // the official grid whatever the scheduler config says.
        const nlohmann::json index = {{"_class_name", "WanPipeline"},
                                      {"_mbq_note", report.note},
                                      {"scheduler", {"diffusers", "UniPCMultistepScheduler"}},
                                      {"text_encoder", {"transformers", "UMT5EncoderModel"}},
                                      {"tokenizer", {"transformers", "T5TokenizerFast"}},
                                      {"transformer", {"diffusers", "WanTransformer3DModel"}},
                                      {"vae", {"diffusers", "AutoencoderKLWan"}}};
        const nlohmann::json scheduler = {{"_class_name", "UniPCMultistepScheduler"},
                                          {"num_train_timesteps", 1000},
                                          {"prediction_type", "flow_prediction"},
                                          {"use_flow_sigmas", true},
                                          {"flow_shift", 5.0},
                                          {"solver_order", 2},
                                          {"solver_type", "bh2"}};
        std::filesystem::create_directories(root / "scheduler", ec);
        for (const auto &[path, json] :
             {std::pair{root / "model_index.json", index},
              std::pair{root / "scheduler" / "scheduler_config.json", scheduler}}) {
            if (auto written = io::writeTextFile(path.string(), json.dump(2) + "\n"); !written)
                return written.error();
        }
        report.written.push_back("model_index.json and scheduler/scheduler_config.json");
    }
    return report;
}

} // namespace mbq
