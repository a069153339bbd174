#include "inference/videocrafter/vc2_model.h"

#include <optional>

namespace mbq::vc2 {

Result<std::unique_ptr<Vc2Model>> Vc2Model::load(const std::string &path,
                                                 const Vc2Precision &precision)
{
    auto location = locateVc2(path);
    if (!location)
        return location.error();
    auto config = readLocatedConfig(*location);
    if (!config)
        return config.error();
    if (location->vocabPath.empty())
        return makeError(ErrorCode::NotFound,
                         std::string("the CLIP vocabulary ") + kVocabFile + " is missing beside "
                             + location->checkpoint,
                         "copy it from open_clip (src/open_clip/bpe_simple_vocab_16e6.txt.gz, "
                         "compressed or not)");
    auto tokenizer = text::ClipTokenizer::load(location->vocabPath);
    if (!tokenizer)
        return tokenizer.error();
    if (tokenizer->vocabSize() != config->text.vocabSize)
        return makeError(ErrorCode::BadFormat,
                         location->vocabPath + " gives " + std::to_string(tokenizer->vocabSize())
                             + " token ids but the text encoder has "
                             + std::to_string(config->text.vocabSize));
    auto schedule = sched::makeDdpmSchedule(config->schedule);
    if (!schedule)
        return schedule.error();
    auto checkpoint = Vc2Checkpoint::open(location->checkpoint, *config);
    if (!checkpoint)
        return checkpoint.error();
    std::optional<Vc2Checkpoint> turboUNet;
    if (location->turbo()) {
        auto opened = Vc2Checkpoint::openTurboUNet(location->turboUNet, config->unet);
        if (!opened)
            return opened.error();
        turboUNet = std::move(*opened);
    }

    auto model = std::make_unique<Vc2Model>();
    model->m_config = *config;
    model->m_location = *location;
    model->m_layout = checkpoint->layout();
    model->m_schedule = std::move(*schedule);
    model->m_tokenizer = std::move(*tokenizer);
    auto unet = Vc2UNet::load(turboUNet ? *turboUNet : *checkpoint, config->unet, precision);
    if (!unet)
        return unet.error();
    model->m_unet = std::move(*unet);
    auto vae = Vc2Vae::load(*checkpoint, config->vae, precision);
    if (!vae)
        return vae.error();
    model->m_vae = std::move(*vae);
    auto textWeights = checkpoint->loadPart(kTextPrefix, clipTextTensorShapes(config->text),
                                            precision.dtype, precision.device);
    if (!textWeights)
        return textWeights.error();
    model->m_text = std::make_unique<text::ClipTextEncoder>(config->text, std::move(*textWeights));
    return model;
}

Result<at::Tensor> Vc2Model::encodePrompt(const std::string &prompt)
{
    if (prompt.empty() && m_emptyPrompt.defined())
        return m_emptyPrompt;
    const text::ClipTokens tokens = m_tokenizer.tokenize(prompt, m_config.text.contextLength);
    auto encoded = m_text->encode(at::tensor(tokens.ids, at::kLong));
    if (encoded && prompt.empty())
        m_emptyPrompt = *encoded;
    return encoded;
}

} // namespace mbq::vc2
