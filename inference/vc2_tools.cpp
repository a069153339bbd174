// The torch side of vc2_tools.h except generation (vc2_generate.cpp).
#include "inference/vc2_tools.h"

#include "inference/sched/consistency_schedule.h"
#include "inference/sched/ddim_schedule.h"
#include "inference/text/clip_tokenizer.h"
#include "inference/videocrafter/tiny_vc2.h"
#include "inference/videocrafter/unet_plan.h"
#include "inference/videocrafter/vc2_checkpoint.h"

namespace mbq {

GenerationSettings vc2DefaultSettings()
{
    GenerationSettings settings;
    settings.seed = 123;
    settings.width = 512;
    settings.height = 320;
    settings.frames = 16;
    settings.fps = 10.0;
    settings.steps = 50;
    settings.guidance = 12.0;
    settings.sampler = Sampler::DDIM;
    return settings;
}

GenerationSettings turboDefaultSettings()
{
    GenerationSettings settings = vc2DefaultSettings();
    settings.fps = 8.0;
    settings.steps = 8;
    settings.guidance = 7.5;
    return settings;
}

bool isVc2Family(const std::string &family)
{
    return family == "videocrafter2" || family == "t2v-turbo-v2";
}

GenerationSettings vc2FamilyDefaults(const std::string &family)
{
    return family == "t2v-turbo-v2" ? turboDefaultSettings() : vc2DefaultSettings();
}

Result<TurboScheduleInfo> turboSchedule(int steps, int originSteps)
{
    auto schedule = sched::makeConsistencySchedule({}, steps, originSteps);
    if (!schedule)
        return schedule.error();
    TurboScheduleInfo info;
    for (const sched::ConsistencyStepCoefficients &c : schedule->steps) {
        info.timesteps.push_back(c.timestep);
        info.alphas.push_back(c.alpha);
        info.alphasNext.push_back(c.alphaNext);
        info.cSkip.push_back(c.cSkip);
        info.cOut.push_back(c.cOut);
    }
    return info;
}

Result<Vc2ScheduleInfo> vc2Schedule(int steps, double eta)
{
    auto ddpm = sched::makeDdpmSchedule();
    if (!ddpm)
        return ddpm.error();
    auto ddim = sched::makeDdimSchedule(*ddpm, steps, eta);
    if (!ddim)
        return ddim.error();
    Vc2ScheduleInfo info;
    for (const sched::DdimStepCoefficients &c : ddim->steps) {
        info.timesteps.push_back(c.timestep);
        info.alphas.push_back(c.alpha);
        info.alphasPrev.push_back(c.alphaPrev);
        info.sigmas.push_back(c.sigma);
        info.scales.push_back(c.scale);
        info.scalesPrev.push_back(c.scalePrev);
    }
    return info;
}

Result<std::vector<std::string>> vc2LayerIds(const std::string &model)
{
    auto location = vc2::locateVc2(model);
    if (!location)
        return location.error();
    auto config = vc2::readLocatedConfig(*location);
    if (!config)
        return config.error();
    return vc2::planUNet(config->unet).siteIds;
}

Result<std::vector<int64_t>> vc2Tokenize(const std::string &model, const std::string &text)
{
    auto location = vc2::locateVc2(model);
    if (!location)
        return location.error();
    if (location->vocabPath.empty())
        return makeError(ErrorCode::NotFound,
                         std::string("no ") + vc2::kVocabFile + " beside " + location->checkpoint);
    auto config = vc2::readLocatedConfig(*location);
    if (!config)
        return config.error();
    auto tokenizer = text::ClipTokenizer::load(location->vocabPath);
    if (!tokenizer)
        return tokenizer.error();
    return tokenizer->tokenize(text, config->text.contextLength).ids;
}

Result<void> writeTinyVc2Model(const std::string &folder, const std::string &format, uint64_t seed)
{
    vc2::TinyVc2Options options;
    options.format = format;
    options.seed = seed;
    return vc2::writeTinyVc2(folder, options);
}

Result<void> writeTinyTurboModel(const std::string &folder, const std::string &format,
                                 uint64_t seed, bool motionGuided)
{
    vc2::TinyVc2Options options;
    options.config = vc2::TinyVc2Options::tinyTurboConfig();
    options.format = format;
    options.seed = seed;
    options.turboUNet = std::string(motionGuided ? "unet_mg" : "unet_no_mg")
        + (format == "ckpt" ? ".pt" : ".safetensors");
    return vc2::writeTinyVc2(folder, options);
}

Result<TinyModelReport> makeTinyVc2Model(const TinyModelOptions &options)
{
    const bool turbo = options.family == "t2v-turbo-v2";
    const std::string name = turbo ? "T2V-Turbo-v2" : "VideoCrafter2";
    if (options.folder.empty())
        return makeError(ErrorCode::InvalidArgument, "no output folder given");
    if (options.layout != "official" && options.layout != "safetensors")
        return makeError(ErrorCode::InvalidArgument,
                         "a tiny " + name + " has layout official (model.ckpt"
                             + (turbo ? " and unet_mg.pt" : "") + ") or safetensors, not '"
                             + options.layout + "'");
    if (options.dim > 0 || options.layers > 0 || options.heads > 0 || options.ffnDim > 0
        || options.textDim > 0)
        return makeError(ErrorCode::InvalidArgument,
                         "the size options (dim, layers, heads, ffn-dim, text-dim) are for wan2.1; "
                             + name + "'s tiny model has one fixed size");
    const bool ckpt = options.layout == "official";
    const std::string format = ckpt ? "ckpt" : "safetensors";
    if (auto written = turbo ? writeTinyTurboModel(options.folder, format, options.seed)
                             : writeTinyVc2Model(options.folder, format, options.seed);
        !written)
        return written.error();
    TinyModelReport report;
    report.note = "RANDOM WEIGHTS: for tests and demos only; this model generates noise";
    report.written.push_back(std::string(ckpt ? "model.ckpt" : "model.safetensors")
                             + " (UNet3D, VAE and OpenCLIP text tower) with its config");
    if (turbo)
        report.written.push_back(std::string(ckpt ? "unet_mg.pt" : "unet_mg.safetensors")
                                 + " (the distilled UNet with its guidance projections)");
    report.written.push_back(std::string(vc2::kVocabFile) + " (a tiny BPE vocabulary)");
    return report;
}

} // namespace mbq
