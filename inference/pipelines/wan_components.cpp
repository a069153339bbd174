#include "inference/pipelines/wan_components.h"

#include "inference/text/umt5_encoder.h"
#include "inference/text/umt5_tokenizer.h"
#include "inference/wan/vae.h"

#include <filesystem>

namespace mbq::pipelines {

namespace {

class UmT5TextEncoder final : public TextEncoder
{
public:
    UmT5TextEncoder(text::UmT5Tokenizer tokenizer, text::UmT5Encoder encoder)
        : m_tokenizer(std::move(tokenizer))
        , m_encoder(std::move(encoder))
    {}

    Result<at::Tensor> encode(const std::string &prompt, std::string *warning) override
    {
        auto tokens = m_tokenizer.encode(prompt);
        if (!tokens)
            return tokens.error();
        if (tokens->truncated && warning)
            *warning = "longer than " + std::to_string(text::UmT5Tokenizer::kTextLength)
                       + " tokens; the end was cut off";
        const at::Tensor ids = at::tensor(tokens->ids, at::kLong);
        const at::Tensor mask = at::tensor(tokens->mask, at::kLong);
        auto hidden = m_encoder.encode(ids, mask);
        if (!hidden)
            return hidden.error();
        // The DiT takes the rows of the real tokens (EOS included) and pads with zeros itself.
        return hidden->slice(0, 0, tokens->length).to(at::kFloat);
    }

    void release() override { m_encoder.release(); }

private:
    text::UmT5Tokenizer m_tokenizer;
    text::UmT5Encoder m_encoder;
};

class WanVideoVae final : public VideoVae
{
public:
    explicit WanVideoVae(wan::WanVae vae) : m_vae(std::move(vae)) {}

    int64_t latentChannels() const override { return m_vae.config().zDim; }
    int64_t temporalStride() const override { return 4; }
    int64_t spatialStride() const override { return 8; }

    Result<at::Tensor> decode(const at::Tensor &latent) override
    {
        return m_vae.decodeTiled(latent.to(m_vae.device(), m_vae.dtype()));
    }

    Result<at::Tensor> encode(const at::Tensor &video) override
    {
        return m_vae.encode(video.to(m_vae.device(), m_vae.dtype()));
    }

private:
    wan::WanVae m_vae;
};

} // namespace

std::string wanTokenizerFolder(const std::string &modelFolder)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    return fs::is_directory(fs::path(modelFolder) / "tokenizer", ec)
        ? modelFolder + "/tokenizer"
        : modelFolder + "/google/umt5-xxl";
}

Result<std::unique_ptr<TextEncoder>> loadWanTextEncoder(const std::string &folder,
                                                        at::Device device,
                                                        at::ScalarType dtype)
{
    auto tokenizer = text::UmT5Tokenizer::load(wanTokenizerFolder(folder));
    if (!tokenizer)
        return tokenizer.error();
    text::UmT5Options options;
    options.device = device;
    options.dtype = dtype;
    auto encoder = text::UmT5Encoder::loadModelFolder(folder, options);
    if (!encoder)
        return encoder.error();
    return std::unique_ptr<TextEncoder>(
        std::make_unique<UmT5TextEncoder>(std::move(*tokenizer), std::move(*encoder)));
}

Result<std::unique_ptr<VideoVae>> loadWanVideoVae(const std::string &folder, at::Device device)
{
    wan::WanVaeOptions options;
    options.device = device;
    auto vae = wan::WanVae::loadModelFolder(folder, options);
    if (!vae)
        return vae.error();
    return std::unique_ptr<VideoVae>(std::make_unique<WanVideoVae>(std::move(*vae)));
}

} // namespace mbq::pipelines
