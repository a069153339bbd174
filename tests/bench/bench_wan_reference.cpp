// mbq-bench --io DIR wan-reference: our half of tests/bench/diffusers_side_by_side.py, which times
// Diffusers' Wan2.1 models against ours on the same random weights and inputs. Reads what the
// script wrote to DIR: the DiT in the official layout (DIR/dit/), the VAE under its official names
// (DIR/vae.safetensors) and DIR/inputs.safetensors, whose tensors say which parts to run (dit.x,
// dit.t, dit.context: one DiT forward; vae.latent: decode; vae.video: encode) and whose metadata
// says the DiT precision. Each part is timed with the median-of-repeats every bench uses; the
// outputs and the times (metadata, in ms) go to DIR/mbq_outputs.safetensors for the script to
// compare. The files cross a process boundary so that neither side's timing includes the other's
// memory or threads.
#include "inference/io/safetensors_reader.h"
#include "inference/io/safetensors_writer.h"
#include "inference/io/tensor_store.h"
#include "inference/wan/dit.h"
#include "inference/wan/vae.h"
#include "tests/bench/bench.h"

#include <cstdio>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace mbq::bench {

namespace {

struct Outputs
{
    std::vector<io::SafetensorsWriteEntry> tensors;
    std::map<std::string, std::string> metadata;

    void add(const std::string &name, const at::Tensor &tensor, double seconds)
    {
        tensors.push_back(io::tensorEntry(name, tensor.to(at::kCPU, at::kFloat).contiguous()));
        char text[32];
        std::snprintf(text, sizeof text, "%.6g", seconds * 1e3);
        metadata[name + ".ms"] = text;
    }
};

std::string shapeText(const at::Tensor &tensor)
{
    std::string text;
    for (const int64_t size : tensor.sizes())
        text += (text.empty() ? "" : "x") + std::to_string(size);
    return text;
}

// Times fn, which returns the output or an error; the output of the last run is kept.
Result<std::pair<at::Tensor, double>> timed(const Options &options,
                                            const std::function<Result<at::Tensor>()> &fn)
{
    std::optional<Error> failure;
    at::Tensor output;
    const double seconds = medianSeconds(options, [&] {
        if (failure)
            return;
        auto result = fn();
        if (result)
            output = *result;
        else
            failure = result.error();
    });
    if (failure)
        return *failure;
    return std::make_pair(output, seconds);
}

Result<void> runDit(const Options &options, const io::TensorStore &inputs,
                    const std::string &precisionName, Outputs *outputs)
{
    // The app's precisions: float32 throughout, or bfloat16 linear layers with a float32 stream
    // (what it runs on CUDA).
    if (precisionName != "float32" && precisionName != "bfloat16")
        return makeError(ErrorCode::InvalidArgument,
                         "inputs.safetensors: dit.precision must be float32 or bfloat16, got '"
                             + precisionName + "'");
    const wan::WanDitPrecision precision{
        options.device, precisionName == "float32" ? at::kFloat : at::kBFloat16, at::kFloat};
    auto dit = wan::WanDit::load(options.ioDir + "/dit", precision);
    if (!dit)
        return dit.error();
    auto x = inputs.load("dit.x", at::kFloat, options.device);
    auto t = inputs.load("dit.t", at::kFloat, options.device);
    auto context = inputs.load("dit.context", at::kFloat, options.device);
    if (!x || !t || !context)
        return !x ? x.error() : !t ? t.error() : context.error();
    auto run = timed(options, [&] { return (*dit)->forward(*x, *t, *context); });
    if (!run)
        return run.error();
    const wan::WanDitConfig &c = (*dit)->config();
    std::printf("wan-reference dit: %lld layers, dim %lld, %s %s, latent %s: %.1f ms/forward\n",
                static_cast<long long>(c.numLayers), static_cast<long long>(c.dim),
                options.device.str().c_str(), precisionName.c_str(), shapeText(*x).c_str(),
                run->second * 1e3);
    outputs->add("dit.out", run->first, run->second);
    return {};
}

Result<void> runVae(const Options &options, const io::TensorStore &inputs, Outputs *outputs)
{
    // float32, as the official code and Diffusers' Wan examples run the VAE.
    auto vae = wan::WanVae::loadOfficial(options.ioDir + "/vae.safetensors",
                                         {at::kFloat, options.device});
    if (!vae)
        return vae.error();
    const std::pair<const char *, const char *> parts[] = {{"vae.latent", "vae.decoded"},
                                                           {"vae.video", "vae.encoded"}};
    for (const auto &[input, output] : parts) {
        if (!inputs.contains(input))
            continue;
        auto value = inputs.load(input, at::kFloat, options.device);
        if (!value)
            return value.error();
        const bool decode = std::string(input) == "vae.latent";
        auto run = timed(options,
                         [&] { return decode ? vae->decode(*value) : vae->encode(*value); });
        if (!run)
            return run.error();
        std::printf("wan-reference vae %s: %s -> %s: %.1f ms\n", decode ? "decode" : "encode",
                    shapeText(*value).c_str(), shapeText(run->first).c_str(), run->second * 1e3);
        outputs->add(output, run->first, run->second);
    }
    return {};
}

Result<void> runReference(const Options &options)
{
    if (options.ioDir.empty())
        return makeError(ErrorCode::InvalidArgument,
                         "wan-reference needs --io DIR (tests/bench/diffusers_side_by_side.py "
                         "writes that folder and runs this bench)");
    const std::string inputsPath = options.ioDir + "/inputs.safetensors";
    auto header = io::readSafetensors(inputsPath);
    if (!header)
        return header.error();
    auto inputs = io::TensorStore::open(inputsPath);
    if (!inputs)
        return inputs.error();
    Outputs outputs;
    outputs.metadata["device"] = options.device.str();
    if (inputs->contains("dit.x")) {
        const auto precision = header->metadata.find("dit.precision");
        auto ran = runDit(options, *inputs,
                          precision == header->metadata.end() ? "float32" : precision->second,
                          &outputs);
        if (!ran)
            return ran;
    }
    if (inputs->contains("vae.latent") || inputs->contains("vae.video")) {
        auto ran = runVae(options, *inputs, &outputs);
        if (!ran)
            return ran;
    }
    return io::writeSafetensors(options.ioDir + "/mbq_outputs.safetensors",
                                std::move(outputs.tensors), outputs.metadata);
}

} // namespace

bool runWanReference(const Options &options)
{
    const Result<void> ran = runReference(options);
    if (!ran)
        std::printf("wan-reference: %s\n", ran.error().toString().c_str());
    return ran.ok();
}

} // namespace mbq::bench
