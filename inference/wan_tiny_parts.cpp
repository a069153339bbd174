#include "inference/wan_tiny_parts.h"

#include "inference/text/umt5_tiny.h"
#include "inference/wan/vae_tiny.h"

#include <filesystem>

namespace mbq {

Result<void> writeTinyWanParts(const std::string &folder, const TinyWanPartsOptions &options)
{
    const bool diffusers = options.layout == "diffusers";
    if (!diffusers && options.layout != "official")
        return makeError(ErrorCode::InvalidArgument,
                         "unknown layout '" + options.layout + "'; use official or diffusers");
    if (options.textDim < 4)
        return makeError(ErrorCode::InvalidArgument, "the tiny text encoder needs a width >= 4");
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec)
        return makeError(ErrorCode::Io, "cannot create " + folder + ": " + ec.message());
    try {
        const wan::WanVaeConfig vaeConfig = wan::tinyVaeConfig();
        const wan::VaeWeights vae = wan::randomVaeWeights(vaeConfig, options.seed);
        auto vaeWritten = diffusers ? wan::writeVaeDiffusers(folder + "/vae", vaeConfig, vae)
                                    : wan::writeVaeOfficial(folder + "/Wan2.1_VAE.pth",
                                                            vaeConfig, vae);
        if (!vaeWritten)
            return vaeWritten.error();

        const std::string tokenizer = folder
                                      + (diffusers ? "/tokenizer" : "/google/umt5-xxl")
                                      + "/spiece.model";
        auto pieces = text::writeTinyTokenizer(tokenizer);
        if (!pieces)
            return pieces.error();
        const text::UmT5Config textConfig = text::tinyUmT5Config(options.textDim, *pieces);
        // A different stream from the VAE's, so each part's values depend on the seed alone.
        const text::UmT5Weights encoder = text::randomUmT5Weights(textConfig, options.seed + 1);
        return diffusers
                   ? text::writeUmT5HuggingFace(folder + "/text_encoder", textConfig, encoder)
                   : text::writeUmT5Official(folder + "/models_t5_umt5-xxl-enc-bf16.pth",
                                             textConfig, encoder);
    } catch (const std::exception &e) {
        return makeError(ErrorCode::Internal, "cannot write the tiny Wan2.1 parts", e.what());
    }
}

} // namespace mbq
