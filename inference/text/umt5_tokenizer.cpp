#include "inference/text/umt5_tokenizer.h"

#include "inference/text/prompt_clean.h"
#include "inference/text/sentencepiece_module.h"

#include <algorithm>
#include <filesystem>
#include <utility>

namespace mbq::text {

namespace {

const SentencePieceModule *moduleOf(const void *module)
{
    return static_cast<const SentencePieceModule *>(module);
}

} // namespace

UmT5Tokenizer::UmT5Tokenizer(UmT5Tokenizer &&other) noexcept
    : m_module(std::exchange(other.m_module, nullptr)),
      m_processor(std::exchange(other.m_processor, nullptr)), m_pieces(other.m_pieces),
      m_path(std::move(other.m_path)), m_eos(other.m_eos), m_pad(other.m_pad)
{
}

UmT5Tokenizer &UmT5Tokenizer::operator=(UmT5Tokenizer &&other) noexcept
{
    if (this != &other) {
        if (m_processor)
            moduleOf(m_module)->free(m_processor);
        m_module = std::exchange(other.m_module, nullptr);
        m_processor = std::exchange(other.m_processor, nullptr);
        m_pieces = other.m_pieces;
        m_path = std::move(other.m_path);
        m_eos = other.m_eos;
        m_pad = other.m_pad;
    }
    return *this;
}

UmT5Tokenizer::~UmT5Tokenizer()
{
    if (m_processor)
        moduleOf(m_module)->free(m_processor);
}

Result<UmT5Tokenizer> UmT5Tokenizer::load(const std::string &path)
{
    std::error_code ec;
    std::string file = path;
    if (std::filesystem::is_directory(path, ec))
        file = path + "/spiece.model";
    if (!std::filesystem::is_regular_file(file, ec))
        return makeError(ErrorCode::NotFound, file + ": no SentencePiece model (spiece.model)");
    auto module = SentencePieceModule::instance();
    if (!module)
        return module.error();
    char error[512] = {};
    void *processor = (*module)->load(file.c_str(), error, sizeof(error));
    if (!processor)
        return makeError(ErrorCode::BadFormat, file + ": not a SentencePiece model", error);
    UmT5Tokenizer tokenizer;
    tokenizer.m_module = *module;
    tokenizer.m_processor = processor;
    tokenizer.m_path = file;
    tokenizer.m_pieces = (*module)->pieceSize(processor);
    // umT5 ships pad 0, eos 1; a model without a pad piece pads with 0 as the HF tokenizer does.
    const int eos = (*module)->eosId(processor);
    if (eos < 0)
        return makeError(ErrorCode::BadFormat, file + ": the SentencePiece model has no EOS piece");
    tokenizer.m_eos = eos;
    tokenizer.m_pad = std::max(0, (*module)->padId(processor));
    return tokenizer;
}

int64_t UmT5Tokenizer::vocabularySize() const
{
    return m_pieces;
}

Result<std::vector<int64_t>> UmT5Tokenizer::pieces(const std::string &text) const
{
    std::vector<int64_t> ids;
    char error[512] = {};
    const MbqSpmIntSink sink = [](void *context, const int *values, size_t count) {
        static_cast<std::vector<int64_t> *>(context)->assign(values, values + count);
    };
    if (moduleOf(m_module)->encode(m_processor, text.data(), text.size(), sink, &ids, error,
                                   sizeof(error))
        != 0)
        return makeError(ErrorCode::InvalidArgument, "cannot tokenize the prompt", error);
    return ids;
}

Result<TokenizedPrompt> UmT5Tokenizer::encode(const std::string &prompt, int64_t length) const
{
    if (length < 1)
        return makeError(ErrorCode::InvalidArgument, "the token length must be at least 1");
    TokenizedPrompt out;
    out.cleaned = cleanPrompt(prompt);
    auto ids = pieces(out.cleaned);
    if (!ids)
        return ids.error();
    // Truncation keeps room for EOS, as the HF tokenizer's max_length truncation does.
    out.truncated = int64_t(ids->size()) > length - 1;
    if (out.truncated)
        ids->resize(size_t(length - 1));
    out.ids = std::move(*ids);
    out.ids.push_back(m_eos);
    out.length = int64_t(out.ids.size());
    out.mask.assign(size_t(out.length), 1);
    out.ids.resize(size_t(length), m_pad);
    out.mask.resize(size_t(length), 0);
    return out;
}

} // namespace mbq::text
